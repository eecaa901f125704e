using Microsoft.AspNetCore.Mvc;
using Approval.Api.Drafts;
using Approval.Api.Identity;
using Approval.Api.Pages.Shared;
using Approval.Api.Pages.Workbench;
using Approval.Api.Supervision;
using Approval.Api.WorkLists;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Portal.Mine;

/// <summary>我的办件: the applicant's own cases, what they must do next on top (the API's <c>GET /api/me/cases</c>).</summary>
public sealed class CasesModel(WorkbenchLists lists, ApplicationDrafts drafts, ICatalog catalog) : PageModel
{
    /// <summary>The applicant's saved drafts with their item's name, to go on with.</summary>
    public IReadOnlyList<(ApplicationDraft Draft, string ItemName)> Drafts { get; private set; } = [];

    public Page<ApplicantCase> Lines { get; private set; } = new(1, WorkbenchLists.PageSize, 0, []);
    public int ActionNeeded { get; private set; }
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var user = User.ToUser()!;
        Lines = await lists.ApplicantAsync(user, page ?? 1, cancellationToken);
        ActionNeeded = (await lists.CountsAsync(user, false, cancellationToken)).GetValueOrDefault("actionNeeded");
        Pager = Pager.For(Lines, Request, "page");
        var saved = await drafts.MineAsync(user.Id, cancellationToken);
        var named = new List<(ApplicationDraft, string)>();
        foreach (var draft in saved)
            named.Add((draft, (await catalog.FindItemAsync(draft.ItemCode, cancellationToken))?.Name ?? draft.ItemCode));
        Drafts = named;
    }
}

using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Api.Pages.Shared;
using Approval.Api.Pages.Workbench;
using Approval.Api.Supervision;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Portal.Mine;

/// <summary>我的投诉: the applicant's complaints, newest first, with where each stands and what they were told (the API's <c>GET /api/complaints</c>).</summary>
internal sealed class ComplaintsModel(ComplaintList complaints, IDbContextFactory<ApprovalDbContext> contexts) : PageModel
{
    public Page<ApplicantComplaint> Lines { get; private set; } = new(1, WorkbenchLists.PageSize, 0, []);
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);

    /// <summary>The complaint just filed, to say it was received.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Filed { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Lines = await MineAsync(User.ToUser()!, page ?? 1, cancellationToken);
        Pager = Pager.For(Lines, Request, "page");
    }

    // The applicant's complaints as GET /api/complaints lists them, newest first, each with its case's number.
    private async Task<Page<ApplicantComplaint>> MineAsync(User user, int page, CancellationToken cancellationToken)
    {
        var mine = await complaints.PageAsync(new ComplaintListFilter([], user.UserName, null), new Paging(Math.Max(page, 1), WorkbenchLists.PageSize), cancellationToken);
        var caseIds = mine.Items.Select(c => c.CaseId).OfType<string>().Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var numbers = caseIds.Count == 0 ? [] : await db.Cases.Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        return new Page<ApplicantComplaint>(mine.PageNumber, mine.PageSize, mine.Total,
            [.. mine.Items.Select(c => new ApplicantComplaint(c, c.CaseId is { } id ? numbers.GetValueOrDefault(id) : null))]);
    }
}

/// <summary>A complaint as the complainant's list shows it: with the number of the case it is about.</summary>
public sealed record ApplicantComplaint(Complaint Complaint, string? CaseNumber);

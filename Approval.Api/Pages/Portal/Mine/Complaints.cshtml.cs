using Approval.Api.Identity;
using Approval.Api.Pages.Shared;
using Approval.Api.Pages.Workbench;
using Approval.Api.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Portal.Mine;

/// <summary>我的投诉: the applicant's complaints, newest first, with where each stands and what they were told (the API's <c>GET /api/complaints</c>).</summary>
public sealed class ComplaintsModel(ApplicantComplaints complaints) : PageModel
{
    public Page<ApplicantComplaint> Lines { get; private set; } = new(1, WorkbenchLists.PageSize, 0, []);
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);

    /// <summary>The complaint just filed, to say it was received.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Filed { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Lines = await complaints.MineAsync(User.ToUser()!, page ?? 1, WorkbenchLists.PageSize, cancellationToken);
        Pager = Pager.For(Lines, Request, "page");
    }
}

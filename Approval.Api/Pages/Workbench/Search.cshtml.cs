using Approval.Api.Identity;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Api.WorkLists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Workbench;

/// <summary>
/// 办件查询 for staff (the API's <c>GET /api/search/cases</c>): exact number, applicant name, ID or credit code, item, days
/// received; each finds only what they may read, the IDs masked as the API shows them.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SearchModel(WorkbenchLists lists) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "number")] public string? Number { get; set; }
    [BindProperty(SupportsGet = true, Name = "applicantName")] public string? ApplicantName { get; set; }
    [BindProperty(SupportsGet = true, Name = "applicantId")] public string? ApplicantId { get; set; }
    [BindProperty(SupportsGet = true, Name = "item")] public string? Item { get; set; }
    [BindProperty(SupportsGet = true, Name = "receivedFrom")] public DateOnly? ReceivedFrom { get; set; }
    [BindProperty(SupportsGet = true, Name = "receivedTo")] public DateOnly? ReceivedTo { get; set; }

    /// <summary>Null until something is asked.</summary>
    public Page<WorkListCase>? Results { get; private set; }
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);
    public string? Problem { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var form = new CaseSearchForm(Number, ApplicantName, ApplicantId, Item, ReceivedFrom, ReceivedTo);
        // A day the browser's date field could not send as YYYY-MM-DD (typed by hand in an older browser).
        if (ModelState.GetFieldValidationState("receivedFrom") == ModelValidationState.Invalid
            || ModelState.GetFieldValidationState("receivedTo") == ModelValidationState.Invalid)
        {
            Problem = "Search.BadDay";
            return;
        }
        if (form.IsEmpty)
            return;
        if (ReceivedFrom is { } from && ReceivedTo is { } to && to < from)
        {
            Problem = "Search.ToBeforeFrom";
            return;
        }
        Results = await lists.SearchAsync(User.ToUser()!, form, page ?? 1, cancellationToken);
        Pager = Pager.For(Results, Request, "page");
    }
}

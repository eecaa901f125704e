using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Oversight;

/// <summary>
/// Correction notices (督办) and supervision recommendations (监察建议书): a supervisor issues one on a case (by its number)
/// or to a department (<see cref="CorrectionNoticeDesk"/>), follows their state soonest due first (<see cref="NoticeList"/>:
/// open, answered with the answer, overdue, escalated), and takes an unanswered one further by issuing a supervision
/// recommendation on it, prefilled (the sweep escalates by itself; the supervisor's further step is the recommendation).
/// </summary>
internal sealed class NoticesModel(NoticeList list, CorrectionNoticeDesk desk, ICaseSessions sessions, CaseNumbers numbers, ICatalog catalog,
    IStringLocalizer<UiText> text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "filterDepartment")] public string? FilterDepartment { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    // The form to issue a notice, prefilled from a link (a violation's, an escalated notice's) or kept after a refusal.
    [BindProperty(SupportsGet = true)] public NoticeKind Kind { get; set; } = NoticeKind.CorrectionNotice;
    [BindProperty(SupportsGet = true)] public string? CaseNumber { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? DueInWorkingDays { get; set; } = "5";

    public Page<CorrectionNotice> Notices { get; private set; } = new(1, PageSize, 0, []);
    public IReadOnlyDictionary<string, string> Numbers { get; private set; } = new Dictionary<string, string>();
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public bool MayAct => OversightActs.MayAct(User.ToUser());

    public string DepartmentName(string code) => Departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (!MayAct)
            return Forbid();
        string? caseId = null;
        if (!string.IsNullOrWhiteSpace(CaseNumber))
        {
            await using var session = await sessions.OpenAsync(cancellationToken);
            caseId = (await session.FindByNumberAsync(CaseNumber.Trim(), cancellationToken))?.Id;
            if (caseId is null)
                ModelState.AddModelError(nameof(CaseNumber), text["Acts.Notices.NoSuchCase", CaseNumber.Trim()]);
        }
        else if (Kind == NoticeKind.CorrectionNotice)
        {
            ModelState.AddModelError(nameof(CaseNumber), text["Acts.Notices.CaseRequired"]);
        }
        if (string.IsNullOrWhiteSpace(Department))
            ModelState.AddModelError(nameof(Department), text["Acts.Notices.DepartmentRequired"]);
        if (string.IsNullOrWhiteSpace(Subject))
            ModelState.AddModelError(nameof(Subject), text["Acts.Notices.SubjectRequired"]);
        if (string.IsNullOrWhiteSpace(Body))
            ModelState.AddModelError(nameof(Body), text["Acts.Notices.BodyRequired"]);
        var days = OversightActs.WorkingDays(DueInWorkingDays, nameof(DueInWorkingDays), NoticeEndpoints.MaxDueWorkingDays, ModelState, text);
        if (ModelState.ErrorCount > 0)
        {
            ModelState.AddModelError("", text["Problem.Invalid"]);
            await LoadAsync(cancellationToken);
            return Page();
        }
        try
        {
            await desk.IssueAsync(new NoticeToIssue(caseId, Department!.Trim(), Kind, Subject!, Body!, days!.Value), CasesEndpoints.Acting(User).Name,
                User.ToUser()!.UserName, cancellationToken);
        }
        catch (Exception e) when (OversightActs.Handles(e))
        {
            OversightActs.Report(e, ModelState, text);
            await LoadAsync(cancellationToken);
            return Page();
        }
        return Redirect($"/oversight/notices?done=issued");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
        var status = Enum.GetNames<NoticeStatus>().FirstOrDefault(n => string.Equals(n, Status?.Trim(), StringComparison.OrdinalIgnoreCase));
        var filter = new NoticeListFilter(status is null ? [] : [status], string.IsNullOrWhiteSpace(FilterDepartment) ? null : FilterDepartment.Trim());
        Notices = await list.PageAsync(filter, new Paging(OversightActs.PageNumber(Request), PageSize), cancellationToken);
        Numbers = await numbers.OfAsync(Notices.Items.Select(n => n.CaseId), cancellationToken);
        Pager = Pager.For(Notices, Request, "page");
    }
}

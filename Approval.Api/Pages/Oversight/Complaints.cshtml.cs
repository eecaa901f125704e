using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Oversight;

/// <summary>
/// Complaints (投诉), newest first (<see cref="ComplaintList"/>): a supervisor decides within 5 working days — takes one up
/// (受理), declines it with the reason the complainant reads (不予受理), or transfers it to a department with a due time
/// (转办) — and resolves a taken-up or transferred one with the outcome the complainant reads (办结), through
/// <see cref="ComplaintDesk"/>.
/// </summary>
internal sealed class ComplaintsModel(ComplaintList list, ComplaintDesk desk, CaseNumbers numbers, ICatalog catalog, IStringLocalizer<UiText> text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool Breached { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public Page<Complaint> Complaints { get; private set; } = new(1, PageSize, 0, []);
    public IReadOnlyDictionary<string, string> Numbers { get; private set; } = new Dictionary<string, string>();
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public bool MayAct => OversightActs.MayAct(User.ToUser());

    /// <summary>The complaint whose step was refused, to show the errors at its forms.</summary>
    public long? Failed { get; private set; }

    public string DepartmentName(string? code) => code is null ? "—" : Departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostTakeUpAsync(long complaintId, CancellationToken cancellationToken) =>
        StepAsync(complaintId, "taken-up", () => desk.TakeUpAsync(complaintId, CasesEndpoints.Acting(User).Name, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(long complaintId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            ModelState.AddModelError("reason", text["Acts.Complaints.ReasonRequired"]);
        return StepAsync(complaintId, "declined", () => desk.DeclineAsync(complaintId, CasesEndpoints.Acting(User).Name, reason!, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostTransferAsync(long complaintId, string? departmentCode, string? dueInWorkingDays, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(departmentCode))
            ModelState.AddModelError("departmentCode", text["Acts.Notices.DepartmentRequired"]);
        var days = OversightActs.WorkingDays(dueInWorkingDays, "dueInWorkingDays", NoticeEndpoints.MaxDueWorkingDays, ModelState, text);
        return StepAsync(complaintId, "transferred",
            () => desk.TransferAsync(complaintId, CasesEndpoints.Acting(User).Name, departmentCode!.Trim(), days!.Value, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostResolveAsync(long complaintId, string? outcome, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(outcome))
            ModelState.AddModelError("outcome", text["Acts.Complaints.OutcomeRequired"]);
        return StepAsync(complaintId, "resolved", () => desk.ResolveAsync(complaintId, CasesEndpoints.Acting(User).Name, outcome!, cancellationToken), cancellationToken);
    }

    // The fields are checked first (nothing is saved with a wrong one); then the complaint's own rules decide.
    private async Task<IActionResult> StepAsync(long complaintId, string done, Func<Task<Complaint?>> step, CancellationToken cancellationToken)
    {
        if (!MayAct)
            return Forbid();
        if (ModelState.ErrorCount == 0)
        {
            try
            {
                if (await step() is not null)
                    return Redirect(OversightActs.AfterAct(Request, done));
                ModelState.AddModelError("", text["Acts.Complaints.NotFound", complaintId]);
            }
            catch (Exception e) when (OversightActs.Handles(e))
            {
                OversightActs.Report(e, ModelState, text);
            }
        }
        else
        {
            ModelState.AddModelError("", text["Problem.Invalid"]);
        }
        Failed = complaintId;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
        var status = Enum.GetNames<ComplaintStatus>().FirstOrDefault(n => string.Equals(n, Status?.Trim(), StringComparison.OrdinalIgnoreCase));
        var filter = new ComplaintListFilter(status is null ? [] : [status], null, Breached ? true : null);
        Complaints = await list.PageAsync(filter, new Paging(OversightActs.PageNumber(Request), PageSize), cancellationToken);
        Numbers = await numbers.OfAsync(Complaints.Items.Select(c => c.CaseId), cancellationToken);
        Pager = Pager.For(Complaints, Request, "page");
    }
}

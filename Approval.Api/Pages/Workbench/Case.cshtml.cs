using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Approval.Workflows.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Workbench;

/// <summary>
/// A case on the staff workbench: the window's steps (<see cref="WindowDesk"/>), a department's review
/// (<see cref="DepartmentDesk"/>: claim, opinion, the clock) and the lead head's extension and decision. The record-level
/// checks are the API's (<see cref="CaseReading"/>); the steps decide again who may act (<see cref="CaseAccess"/>).
/// </summary>
public sealed class CaseModel(ICaseSessions sessions, ICatalog catalog, WindowDesk window, DepartmentDesk department, IStringLocalizer<UiText> text) : PageModel
{
    public CaseSheet Sheet { get; private set; } = null!;
    public User Me => User.ToUser()!;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The open task of the signed-in reviewer's department, if any.</summary>
    public CaseTask? MyTask => Sheet.Case.Tasks.FirstOrDefault(t => t.IsOpen && t.DepartmentCode == Me.DepartmentCode);

    public bool IsLead => Me.Role == Role.DepartmentHead && Sheet.Case.LeadDepartmentCode == Me.DepartmentCode;

    public async Task<IActionResult> OnGetAsync(string caseId, CancellationToken cancellationToken) => await LoadAsync(caseId, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostAcceptAsync(string caseId, decimal? fee, List<string>? missing, DateOnly? promisedBy, CancellationToken cancellationToken)
    {
        if (fee is < 0)
            ModelState.AddModelError("fee", text["Workbench.FeeNotNegative"]);
        if (missing is { Count: > 0 } && promisedBy is null)
            ModelState.AddModelError("promisedBy", text["Workbench.PromisedByRequired"]);
        return StepAsync(caseId, Role.WindowClerk, "accepted", () => missing is { Count: > 0 }
            ? window.AcceptWithMissingMaterialsAsync(caseId, Actor, missing, promisedBy!.Value, applicantInGoodStanding: true, cancellationToken)
            : window.AcceptAsync(caseId, Actor, fee, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRefuseAsync(string caseId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            ModelState.AddModelError("reason", text["Workbench.RefusalReasonRequired"]);
        return StepAsync(caseId, Role.WindowClerk, "refused", () => window.RefuseAsync(caseId, Actor, reason!.Trim(), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostSupplementAsync(string caseId, List<string>? materials, CancellationToken cancellationToken)
    {
        if (materials is not { Count: > 0 })
            ModelState.AddModelError("materials", text["Workbench.SupplementMaterialsRequired"]);
        return StepAsync(caseId, Role.WindowClerk, "supplement-requested", async () =>
        {
            var (@case, outcome) = await window.RequestSupplementAsync(caseId, Actor, materials!, cancellationToken);
            if (outcome == SupplementOutcome.RefusedAsRepeated)
                throw new CaseRuleException(Refusal.Of(RefusalCode.SupplementRepeated,
                    $"supplements were already asked for on this application; a second request is not made and was recorded as a violation"));
            return @case;
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostPromisedAsync(string caseId, List<string>? materials, CancellationToken cancellationToken)
    {
        if (materials is not { Count: > 0 })
            ModelState.AddModelError("promised", text["Workbench.SupplementMaterialsRequired"]);
        return StepAsync(caseId, Role.WindowClerk, "promised-received", () => window.ReceivePromisedMaterialsAsync(caseId, Actor, materials!, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostDeliverAsync(string caseId, CancellationToken cancellationToken) =>
        StepAsync(caseId, Role.WindowClerk, "delivered", () => window.DeliverAsync(caseId, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostClaimAsync(string caseId, string taskId, CancellationToken cancellationToken) =>
        TaskStepAsync(caseId, taskId, "claimed", () => department.ClaimAsync(caseId, taskId, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(string caseId, string taskId, CancellationToken cancellationToken) =>
        TaskStepAsync(caseId, taskId, "released", () => department.ReleaseAsync(caseId, taskId, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostOpinionAsync(string caseId, string taskId, Verdict? verdict, string? reason, CancellationToken cancellationToken)
    {
        if (verdict is null)
            ModelState.AddModelError("verdict", text["Workbench.VerdictRequired"]);
        var given = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var opinion = new Opinion(Me.DepartmentCode ?? "", verdict ?? Verdict.Approve, given, Actor.Name);
        if (verdict is not null && opinion.Problem() is not null)
            ModelState.AddModelError("opinionReason", text["Workbench.OpinionReasonRequired"]);
        return TaskStepAsync(caseId, taskId, "opinion-given", () => department.GiveOpinionAsync(caseId, taskId, Actor, verdict ?? Verdict.Approve, given, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostSuspendAsync(string caseId, string? reason, int? expectedDays, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            ModelState.AddModelError("suspendReason", text["Workbench.SuspendReasonRequired"]);
        if (expectedDays is < 1 or > 365)
            ModelState.AddModelError("expectedDays", text["Workbench.ExpectedDaysRange"]);
        return StepAsync(caseId, null, "suspended", () => department.SuspendClockAsync(caseId, Actor, reason!.Trim(), expectedDays, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostResumeAsync(string caseId, CancellationToken cancellationToken) =>
        StepAsync(caseId, null, "resumed", () => department.ResumeClockAsync(caseId, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(string caseId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            ModelState.AddModelError("extendReason", text["Workbench.ExtendReasonRequired"]);
        return LeadStepAsync(caseId, "extended", () => department.ExtendAsync(caseId, Actor, reason!.Trim(), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostDecideAsync(string caseId, Verdict? verdict, string? reason, CancellationToken cancellationToken) =>
        LeadStepAsync(caseId, "decided", () => department.DecideAsync(caseId, Actor, verdict, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), cancellationToken), cancellationToken);

    private Actor Actor => Actor.Of(Me);

    // Window steps are the clerk's; clock steps (role null) a department's that reviews the case.
    private Task<IActionResult> StepAsync(string caseId, Role? role, string done, Func<Task<Case>> step, CancellationToken cancellationToken) =>
        RunAsync(caseId, done, () => role is { } r ? Me.Role == r : Me.Role is Role.DepartmentReviewer or Role.DepartmentHead, step, cancellationToken);

    private Task<IActionResult> TaskStepAsync(string caseId, string taskId, string done, Func<Task<Case>> step, CancellationToken cancellationToken) =>
        RunAsync(caseId, done, () => Me.Role is Role.DepartmentReviewer or Role.DepartmentHead
            && Sheet.Case.Tasks.Any(t => t.Id == taskId && t.DepartmentCode == Me.DepartmentCode), step, cancellationToken);

    private Task<IActionResult> LeadStepAsync(string caseId, string done, Func<Task<Case>> step, CancellationToken cancellationToken) =>
        RunAsync(caseId, done, () => IsLead, step, cancellationToken);

    private async Task<IActionResult> RunAsync(string caseId, string done, Func<bool> allowed, Func<Task<Case>> step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(caseId, cancellationToken) is { } refusal)
            return refusal;
        if (!allowed())
            return Forbid();
        if (ModelState.ErrorCount > 0)
        {
            ModelState.AddModelError("", text["Problem.Invalid"]);
            return Page();
        }
        try
        {
            await step();
        }
        catch (Exception e) when (DomainProblems.Handles(e))
        {
            DomainProblems.Report(e, ModelState, text);
            await LoadAsync(caseId, cancellationToken);
            return Page();
        }
        return Redirect($"/workbench/cases/{caseId}?done={done}");
    }

    // Staff who may read the case; an applicant is sent to their own page of it.
    private async Task<IActionResult?> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        if (Me.Role == Role.Applicant)
            return Redirect($"/portal/mine/cases/{caseId}");
        if (await CaseSheet.LoadAsync(caseId, sessions, catalog, cancellationToken) is not { } sheet)
            return NotFound();
        if (!CaseReading.CanRead(Me, sheet.Case))
            return Forbid();
        Sheet = sheet;
        return null;
    }
}

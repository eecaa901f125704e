using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Credit;
using Approval.Workflows.People;
using Approval.Workflows.Refusals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Workbench;

/// <summary>
/// A case on the staff workbench: the window's steps (<see cref="WindowDesk"/>), a department's review
/// (<see cref="DepartmentDesk"/>: claim, opinion, the clock; delegate, take back, act as a substitute, the head's
/// reassignment) and the lead head's extension and decision. Who reads the
/// case is the API's rule (<see cref="CaseReading"/>); who may take a step is the step's alone (<see cref="CaseAccess"/>):
/// the page offers the forms that fit the person, and a step refused to them shows the 403 page (<see cref="DomainProblems.StatusPage"/>).
/// </summary>
public sealed class CaseModel(ICaseSessions sessions, ICatalog catalog, WindowDesk window, DepartmentDesk department, DepartmentColleagues colleagues,
    IAbsences absences, CreditStandings credit, TimeProvider time, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>
    /// The applicant's credit standing now, with the kinds of the records in force: shown to a reviewer (or head) who holds
    /// an open task of this case (domain.md §7: "a reviewer sees the standing of the applicant of a task they hold"); null
    /// for everyone else, who may not see it.
    /// </summary>
    public CreditAssessment? ApplicantCredit { get; private set; }

    public CaseSheet Sheet { get; private set; } = null!;

    /// <summary>Who holds the department's task and whom it may go to.</summary>
    public TaskHolding Holding { get; private set; } = TaskHolding.None;
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
        return StepAsync(caseId, "accepted", () => missing is { Count: > 0 }
            ? window.AcceptWithMissingMaterialsAsync(caseId, Actor, missing, promisedBy!.Value, cancellationToken)
            : window.AcceptAsync(caseId, Actor, fee, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostCommitmentAsync(string caseId, string? statement, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(statement))
            ModelState.AddModelError("statement", text["Workbench.CommitmentStatementRequired"]);
        return StepAsync(caseId, "commitment-accepted", () => window.AcceptUnderCommitmentAsync(caseId, Actor, statement!.Trim(), null, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostRefuseAsync(string caseId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            ModelState.AddModelError("reason", text["Workbench.RefusalReasonRequired"]);
        return StepAsync(caseId, "refused", () => window.RefuseAsync(caseId, Actor, reason!.Trim(), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostSupplementAsync(string caseId, List<string>? materials, CancellationToken cancellationToken)
    {
        if (materials is not { Count: > 0 })
            ModelState.AddModelError("materials", text["Workbench.SupplementMaterialsRequired"]);
        return StepAsync(caseId, "supplement-requested", async () =>
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
        return StepAsync(caseId, "promised-received", () => window.ReceivePromisedMaterialsAsync(caseId, Actor, materials!, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostDeliverAsync(string caseId, CancellationToken cancellationToken) =>
        StepAsync(caseId, "delivered", () => window.DeliverAsync(caseId, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostClaimAsync(string caseId, string taskId, CancellationToken cancellationToken) =>
        StepAsync(caseId, "claimed", () => department.ClaimAsync(caseId, taskId, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(string caseId, string taskId, CancellationToken cancellationToken) =>
        StepAsync(caseId, "released", () => department.ReleaseAsync(caseId, taskId, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDelegateAsync(string caseId, string taskId, string? to, CancellationToken cancellationToken)
    {
        var colleague = await ColleagueAsync(to, "delegateTo", cancellationToken);
        return await StepAsync(caseId, "delegated", () => department.DelegateAsync(caseId, taskId, Actor, colleague!.UserName, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostTakeBackAsync(string caseId, string taskId, CancellationToken cancellationToken) =>
        StepAsync(caseId, "taken-back", () => department.TakeBackAsync(caseId, taskId, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostReassignAsync(string caseId, string taskId, string? to, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            ModelState.AddModelError("reassignReason", text["Workbench.ReassignReasonRequired"]);
        var colleague = await ColleagueAsync(to, "reassignTo", cancellationToken);
        return await StepAsync(caseId, "reassigned", () => department.ReassignAsync(caseId, taskId, Actor, colleague!.UserName, reason!.Trim(), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostOpinionAsync(string caseId, string taskId, Verdict? verdict, string? reason, CancellationToken cancellationToken)
    {
        if (verdict is null)
            ModelState.AddModelError("verdict", text["Workbench.VerdictRequired"]);
        var given = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var opinion = new Opinion(Me.DepartmentCode ?? "", verdict ?? Verdict.Approve, given, Actor.Name);
        if (verdict is not null && opinion.Problem() is not null)
            ModelState.AddModelError("opinionReason", text["Workbench.OpinionReasonRequired"]);
        return StepAsync(caseId, "opinion-given", () => department.GiveOpinionAsync(caseId, taskId, Actor, verdict ?? Verdict.Approve, given, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostSuspendAsync(string caseId, string? reason, int? expectedDays, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            ModelState.AddModelError("suspendReason", text["Workbench.SuspendReasonRequired"]);
        if (expectedDays is < 1 or > 365)
            ModelState.AddModelError("expectedDays", text["Workbench.ExpectedDaysRange"]);
        return StepAsync(caseId, "suspended", () => department.SuspendClockAsync(caseId, Actor, reason!.Trim(), expectedDays, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostResumeAsync(string caseId, CancellationToken cancellationToken) =>
        StepAsync(caseId, "resumed", () => department.ResumeClockAsync(caseId, Actor, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostExtendAsync(string caseId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
            ModelState.AddModelError("extendReason", text["Workbench.ExtendReasonRequired"]);
        return StepAsync(caseId, "extended", () => department.ExtendAsync(caseId, Actor, reason!.Trim(), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostVerifyCommitmentAsync(string caseId, bool? kept, string? finding, CancellationToken cancellationToken)
    {
        if (kept is null)
            ModelState.AddModelError("kept", text["Workbench.CommitmentFoundRequired"]);
        if (string.IsNullOrWhiteSpace(finding))
            ModelState.AddModelError("finding", text["Workbench.VerificationFindingRequired"]);
        return StepAsync(caseId, "commitment-verified", () => department.VerifyCommitmentAsync(caseId, Actor, kept!.Value, finding!.Trim(), cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostDecideAsync(string caseId, Verdict? verdict, string? reason, CancellationToken cancellationToken) =>
        StepAsync(caseId, "decided", () => department.DecideAsync(caseId, Actor, verdict, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), cancellationToken), cancellationToken);

    private Actor Actor => Actor.Of(Me);

    // A task changes hands within its department only: the user store says who is a colleague, the step whose task it is.
    private async Task<User?> ColleagueAsync(string? userName, string field, CancellationToken cancellationToken)
    {
        var colleague = await colleagues.FindAsync(Me, userName, cancellationToken);
        if (colleague is null)
            ModelState.AddModelError(field, text["Workbench.ColleagueRequired"]);
        return colleague;
    }

    private async Task<IActionResult> StepAsync(string caseId, string done, Func<Task<Case>> step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(caseId, cancellationToken) is { } refusal)
            return refusal;
        if (ModelState.ErrorCount > 0)
        {
            ModelState.AddModelError("", text["Problem.Invalid"]);
            return Page();
        }
        try
        {
            await step();
        }
        catch (Exception e) when (DomainProblems.StatusPage(e) is not null)
        {
            return DomainProblems.StatusPage(e)!;
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
        Holding = await TaskHolding.OfAsync(MyTask, Me, colleagues, absences, time.GetUtcNow(), cancellationToken);
        if (Me.Role is Role.DepartmentReviewer or Role.DepartmentHead && sheet.Case.Tasks.Any(t => t.IsOpen && t.ClaimedBy == Me.UserName))
            ApplicantCredit = await credit.AssessAsync(sheet.Case.Applicant.IdNumber, time.GetUtcNow(), cancellationToken);
        return null;
    }
}

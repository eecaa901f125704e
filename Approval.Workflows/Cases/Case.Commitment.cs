using Approval.Workflows.Catalog;
using Approval.Workflows.Credit;
using Approval.Workflows.Inputs;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>
/// 告知承诺: the applicant's signed statement that they meet the conditions the item published, on which the case was
/// accepted and decided without checking them first; verified by the lead department after the decision (事后核查).
/// </summary>
/// <param name="Conditions">The conditions committed to, as the item's guide published them at acceptance.</param>
/// <param name="MaterialCodes">The materials the commitment stood in for.</param>
/// <param name="VerificationDays">Working days from the decision for the verification (the item's, at acceptance).</param>
/// <param name="VerificationDueAt">Set at an approving decision: when the verification is due.</param>
public sealed record NotificationCommitment(string Statement, IReadOnlyList<string> Conditions, IReadOnlyList<string> MaterialCodes,
    int VerificationDays, DateTimeOffset At, DateTimeOffset? VerificationDueAt = null, CommitmentVerification? Verification = null);

/// <summary>事后核查: what the lead department found, who, when. <paramref name="Kept"/> false: the commitment was false.</summary>
public sealed record CommitmentVerification(bool Kept, string Finding, string By, DateTimeOffset At);

public sealed partial class Case
{
    /// <summary>The 告知承诺 the case was accepted under; null when none.</summary>
    public NotificationCommitment? Commitment { get; private set; }

    /// <summary>
    /// 告知承诺受理: accepts on the applicant's signed statement that they meet the conditions the item publishes. Only an
    /// item that offers it; only an applicant whose standing at this instant allows a promise (the refusal names the record).
    /// </summary>
    public void AcceptUnderCommitment(string clerk, ApprovalItem item, string statement, CreditAssessment credit, CaseClock clock, string? window = null)
    {
        TextLimits.Check("commitment.statement", statement, TextLimits.Reason);
        Require(Status == CaseStatus.Submitted, Refusal.Of(RefusalCode.OnlySubmittedAccepted, $"only a submitted application can be accepted"));
        Require(item.Commitment is not null, Refusal.Of(RefusalCode.ItemOffersNoCommitment, $"{item.Name} does not offer 告知承诺"));
        Require(credit.AllowsPromise, credit.PromiseRefusal());
        Require(!string.IsNullOrWhiteSpace(statement), Refusal.Of(RefusalCode.CommitmentStatesStatement,
            $"a commitment (告知承诺) is the applicant's signed statement that they meet the conditions: state it"));
        var offer = item.Commitment!;
        Accept(clerk, clock, window);
        NoteCreditStanding(credit);
        Commitment = new NotificationCommitment(statement.Trim(), [.. offer.Conditions], [.. offer.MaterialCodes], offer.VerificationDays, clock.Now);
        Record(clock.Now, clerk, CaseAction.AcceptedUnderCommitment, null, statement.Trim(), window);
    }

    // An approval on a commitment starts its verification period; a refusal leaves nothing to verify.
    private void StartCommitmentVerification(CaseDecision decision, CaseClock clock)
    {
        if (Commitment is { VerificationDueAt: null } commitment && decision.Verdict is Verdict.Approve or Verdict.ApproveWithConditions)
            Commitment = commitment with { VerificationDueAt = clock.Due.DueAt(decision.At, commitment.VerificationDays) };
    }

    /// <summary>A commitment decided on and not verified yet: the lead department's 待核查.</summary>
    public bool AwaitsCommitmentVerification =>
        Commitment is { VerificationDueAt: not null, Verification: null } && Status is CaseStatus.Decided or CaseStatus.Delivered;

    /// <summary>
    /// 事后核查 by the lead department. Kept: the timeline says so. False: the decision is revoked (撤销) and the case ends
    /// revoked; the caller writes the applicant's bad record (<see cref="BrokenPromiseRecord.OfCommitment"/>) in the same commit.
    /// </summary>
    public void VerifyCommitment(string actor, bool kept, string finding, CaseClock clock)
    {
        TextLimits.Check("finding", finding, TextLimits.Reason);
        Require(AwaitsCommitmentVerification, Refusal.Of(RefusalCode.NoCommitmentAwaitingVerification,
            $"no commitment awaits verification on this case: none was made, the case is not decided under it, or it was verified already"));
        Require(!string.IsNullOrWhiteSpace(finding), Refusal.Of(RefusalCode.VerificationStatesFinding, $"a verification states its finding"));
        Commitment = Commitment! with { Verification = new CommitmentVerification(kept, finding.Trim(), actor, clock.Now) };
        Record(clock.Now, actor, CaseAction.CommitmentVerified, kept ? "Kept" : "False", finding.Trim());
        if (kept)
            return;
        Status = CaseStatus.Revoked;
        ClosedAt ??= clock.Now;
        WindowStep = null;
        foreach (var task in _tasks.Where(t => t.IsOpen))
            task.Cancel(clock.Now);
        Record(clock.Now, actor, CaseAction.DecisionRevoked, $"告知承诺不实，撤销原决定 (the commitment was false: the decision is revoked)", finding.Trim());
    }

    /// <summary>
    /// 告知承诺未按期核查: past its verification due instant, a commitment still unverified is the lead department's
    /// violation, recorded once. True when it was recorded now.
    /// </summary>
    public bool FlagUnverifiedCommitment(CaseClock clock)
    {
        if (!AwaitsCommitmentVerification || clock.Now <= Commitment!.VerificationDueAt || _violations.Any(v => v.Kind == ViolationKind.CommitmentVerificationOverdue))
            return false;
        RecordViolation(new Violation(ViolationKind.CommitmentVerificationOverdue, clock.Now, LeadDepartmentCode, null,
            $"告知承诺 accepted {Commitment.At:O}; verification due {Commitment.VerificationDueAt:O}; not verified"));
        return true;
    }
}

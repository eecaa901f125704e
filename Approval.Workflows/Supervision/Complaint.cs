using Approval.Workflows.Inputs;
using static Approval.Workflows.Supervision.SupervisionRuleException;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Supervision;

/// <summary>
/// Received until supervisors decide (within 5 working days): taken up and handled by them (Handling), transferred to a
/// department with a due instant, or declined with the reason told to the complainant. Handled or transferred, it is
/// Resolved when the outcome is told.
/// </summary>
public enum ComplaintStatus
{
    Received,
    Handling,
    TransferredToDepartment,
    Declined,
    Resolved,
}

/// <summary>
/// An applicant's complaint (投诉, domain.md §6): supervisors decide within <see cref="DecisionWorkingDays"/> working days
/// whether to take it up — not deciding by then is a breach, recorded once — then handle it or transfer it, and tell the
/// complainant the outcome. Immutable: each step answers the complaint after it, or throws <see cref="SupervisionRuleException"/>.
/// </summary>
public sealed record Complaint
{
    public const int DecisionWorkingDays = 5;

    public long Id { get; init; }
    public string? CaseId { get; init; }
    /// <summary>The complainant's user name (a real-name complaint).</summary>
    public required string Complainant { get; init; }
    public required string Contact { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset DecideBy { get; init; }
    public ComplaintStatus Status { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DeclineReason { get; init; }
    public string? TransferredTo { get; init; }
    public DateTimeOffset? TransferDueAt { get; init; }
    public string? Outcome { get; init; }
    public string? ResolvedBy { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    /// <summary>When the breach (not decided within 5 working days) was recorded; null while there is none.</summary>
    public DateTimeOffset? BreachedAt { get; init; }

    public static Complaint File(string? caseId, string complainant, string contact, string body, DateTimeOffset now, DateTimeOffset decideBy)
    {
        TextLimits.Check("caseId", caseId, TextLimits.Code);
        TextLimits.Check("contact", contact, TextLimits.Name);
        TextLimits.Check("body", body, TextLimits.Prose);
        Require(!string.IsNullOrWhiteSpace(contact), Refusal.Of(RefusalCode.ComplaintNeedsContact, $"a complaint gives a contact to tell the outcome to"));
        Require(!string.IsNullOrWhiteSpace(body), Refusal.Of(RefusalCode.ComplaintNeedsBody, $"a complaint says what it is about"));
        Require(decideBy > now, Refusal.Of(RefusalCode.DecisionLimitAfterReceipt, $"the decision limit is after receipt"));
        return new Complaint
        {
            CaseId = string.IsNullOrWhiteSpace(caseId) ? null : caseId.Trim(), Complainant = complainant, Contact = contact.Trim(), Body = body.Trim(),
            ReceivedAt = now, DecideBy = decideBy, Status = ComplaintStatus.Received,
        };
    }

    /// <summary>受理: supervisors take the complaint up and handle it themselves.</summary>
    public Complaint TakenUp(string by, DateTimeOffset now)
    {
        Require(Status == ComplaintStatus.Received, Refusal.Of(RefusalCode.TakeUpOnlyUndecided, $"only a complaint not yet decided can be taken up"));
        return Decided(by, now) with { Status = ComplaintStatus.Handling };
    }

    /// <summary>不予受理: declined, with the reason the complainant is told.</summary>
    public Complaint Declined(string by, string reason, DateTimeOffset now)
    {
        TextLimits.Check("reason", reason, TextLimits.Reason);
        Require(Status == ComplaintStatus.Received, Refusal.Of(RefusalCode.DeclineOnlyUndecided, $"only a complaint not yet decided can be declined"));
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.DeclineTellsWhy, $"a declined complaint tells the complainant why"));
        return Decided(by, now) with { Status = ComplaintStatus.Declined, DeclineReason = reason.Trim() };
    }

    /// <summary>转办: transferred to a department, which reports by the due instant; transferring decides to take it up.</summary>
    public Complaint Transferred(string by, string departmentCode, DateTimeOffset dueAt, DateTimeOffset now)
    {
        TextLimits.Check("departmentCode", departmentCode, TextLimits.Code);
        Require(Status is ComplaintStatus.Received or ComplaintStatus.Handling, Refusal.Of(RefusalCode.TransferOnlyOpen, $"only a complaint not yet transferred, declined or resolved can be transferred"));
        Require(!string.IsNullOrWhiteSpace(departmentCode), Refusal.Of(RefusalCode.TransferNamesDepartment, $"a transfer names the department"));
        Require(dueAt > now, Refusal.Of(RefusalCode.TransferDueAfterTransfer, $"the department's due instant is after the transfer"));
        var decided = Status == ComplaintStatus.Received ? Decided(by, now) : this;
        return decided with { Status = ComplaintStatus.TransferredToDepartment, TransferredTo = departmentCode.Trim(), TransferDueAt = dueAt };
    }

    /// <summary>办结: the outcome, told to the complainant.</summary>
    public Complaint Resolved(string by, string outcome, DateTimeOffset now)
    {
        TextLimits.Check("outcome", outcome, TextLimits.Prose);
        Require(Status is ComplaintStatus.Handling or ComplaintStatus.TransferredToDepartment, Refusal.Of(RefusalCode.ResolveOnlyTakenUp, $"only a complaint taken up or transferred can be resolved"));
        Require(!string.IsNullOrWhiteSpace(outcome), Refusal.Of(RefusalCode.ResolutionTellsOutcome, $"the complainant is told the outcome"));
        return this with { Status = ComplaintStatus.Resolved, Outcome = outcome.Trim(), ResolvedBy = by, ResolvedAt = now };
    }

    /// <summary>Whether, at <paramref name="now"/>, the complaint is past its decision limit undecided and its breach not yet recorded.</summary>
    public bool BreachDue(DateTimeOffset now) => Status == ComplaintStatus.Received && BreachedAt is null && now > DecideBy;

    /// <summary>The breach recorded (once): not decided within 5 working days.</summary>
    public Complaint Breached(DateTimeOffset now) => BreachDue(now) ? this with { BreachedAt = now } : this;

    // A decision after the limit is a breach too, when the sweep has not recorded it yet.
    private Complaint Decided(string by, DateTimeOffset now) =>
        this with { DecidedBy = by, DecidedAt = now, BreachedAt = BreachedAt ?? (now > DecideBy ? now : null) };
}

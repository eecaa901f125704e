using Approval.Workflows.Inputs;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Credit;

/// <summary>How a record stopped counting before its expiry: repaired (信用修复) or revoked (撤销: entered in error). Who, when, why.</summary>
public sealed record CreditEnding(DateTimeOffset At, string By, string Reason);

/// <summary>The file proving a record (the decision document), kept in the attachment store by its SHA-256.</summary>
public sealed record CreditEvidence(string FileName, string ContentType, long Size, string Sha256, DateTimeOffset At, string By);

/// <summary>
/// One entry of the credit-record store (诚信记录信息库): what a department decided about a subject, from when, until
/// when. Never deleted: a repair (信用修复) ends it early with a reason, a revocation withdraws it with a reason, and each
/// change is kept (<see cref="CreditRecordChange"/>). Immutable: each step answers the record as it is after it.
/// </summary>
public sealed record CreditRecord
{
    public required string Id { get; init; }
    /// <summary>The resident ID or unified social credit code (<see cref="CreditSubject"/>).</summary>
    public required string SubjectId { get; init; }
    public required string SubjectName { get; init; }
    public required CreditRecordKind Kind { get; init; }
    public CreditPolarity Polarity => Kind.PolarityOf();
    public required string SourceDepartmentCode { get; init; }
    /// <summary>决定文书号, e.g. 云市监罚〔2026〕12号.</summary>
    public required string DocumentNumber { get; init; }
    /// <summary>What the decision says, in a sentence.</summary>
    public required string Summary { get; init; }
    /// <summary>The first day it counts (Beijing date).</summary>
    public required DateOnly EffectiveOn { get; init; }
    /// <summary>The first day it no longer counts; null: until repaired or revoked (or past the rules' counting period).</summary>
    public DateOnly? ExpiresOn { get; init; }
    /// <summary>When the store learnt of it: a standing as of an earlier instant does not see it.</summary>
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    /// <summary>A file of the attachment store proving it (the decision document), attached once.</summary>
    public CreditEvidence? Evidence { get; init; }
    /// <summary>The case that proves it (a broken 容缺 promise).</summary>
    public string? EvidenceCaseId { get; init; }
    public CreditEnding? Repair { get; init; }
    public CreditEnding? Revocation { get; init; }

    /// <summary>Counts at <paramref name="at"/> (its Beijing date <paramref name="day"/>): known, in force, not repaired or revoked by then.</summary>
    public bool InForceAt(DateTimeOffset at, DateOnly day) =>
        RecordedAt <= at && EffectiveOn <= day && (ExpiresOn is not { } expires || day < expires)
        && (Repair is not { } repair || at < repair.At) && (Revocation is not { } revoked || at < revoked.At);

    /// <summary>信用修复: the subject put things right; the record stops counting now, kept with the reason.</summary>
    public CreditRecord Repaired(string by, string reason, DateTimeOffset at)
    {
        StillOpen();
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.CreditEndingStatesReason, $"a repair or revocation states its reason"));
        Require(Polarity == CreditPolarity.Bad, Refusal.Of(RefusalCode.CreditRepairOnlyBad, $"only a bad record is repaired"));
        TextLimits.Check("reason", reason, TextLimits.Reason);
        return this with { Repair = new CreditEnding(at, by, reason.Trim()) };
    }

    /// <summary>撤销: the record was entered in error; it stops counting now, kept with the reason.</summary>
    public CreditRecord Revoked(string by, string reason, DateTimeOffset at)
    {
        Require(Revocation is null, Refusal.Of(RefusalCode.CreditRecordRevoked, $"the record {Id} is already revoked"));
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.CreditEndingStatesReason, $"a repair or revocation states its reason"));
        TextLimits.Check("reason", reason, TextLimits.Reason);
        return this with { Revocation = new CreditEnding(at, by, reason.Trim()) };
    }

    /// <summary>
    /// Attaches the file proving the record, once: a record is evidence of a decision, and its file does not change (a
    /// wrong one is put right by revoking the record and entering it again).
    /// </summary>
    public CreditRecord WithEvidence(CreditEvidence evidence)
    {
        Require(Revocation is null, Refusal.Of(RefusalCode.CreditRecordRevoked, $"the record {Id} is already revoked"));
        Require(Evidence is null, Refusal.Of(RefusalCode.CreditEvidenceAttachedOnce, $"the record {Id} already has its evidence"));
        return this with { Evidence = evidence };
    }

    private void StillOpen()
    {
        Require(Revocation is null, Refusal.Of(RefusalCode.CreditRecordRevoked, $"the record {Id} is already revoked"));
        Require(Repair is null, Refusal.Of(RefusalCode.CreditRecordRepaired, $"the record {Id} is already repaired"));
    }

    private static void Require(bool condition, Refusal refusal)
    {
        if (!condition)
            throw new CreditRuleException(refusal);
    }
}

/// <summary>A step on a credit record the rules do not allow (409).</summary>
public sealed class CreditRuleException(Refusal refusal, Exception? inner = null) : Exception(refusal.Text, inner), IRefused
{
    public Refusal Refusal { get; } = refusal;
}

/// <summary>What was done to a credit record (every change kept: who, when, the record before and after).</summary>
public enum CreditChangeKind
{
    Entered,
    Repaired,
    Revoked,
    EvidenceAttached,
}

/// <summary>One change of a credit record: who, when, what, and the record before (null when entered) and after.</summary>
public sealed record CreditRecordChange(string RecordId, DateTimeOffset At, string By, CreditChangeKind Kind, CreditRecord? Before, CreditRecord After);

using System.Text.Json;
using Approval.Workflows.Credit;

namespace Approval.Api.Credit;

/// <summary>A credit record as the table keeps it: a row per record, updated only by a repair or a revocation.</summary>
public sealed class CreditRecordRow
{
    public string Id { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string SubjectName { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Polarity { get; set; } = "";
    public string SourceDepartmentCode { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public string Summary { get; set; } = "";
    public DateOnly EffectiveOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string RecordedBy { get; set; } = "";
    public string? EvidenceFileName { get; set; }
    public string? EvidenceContentType { get; set; }
    public long? EvidenceSize { get; set; }
    /// <summary>The evidence file's content in the attachment store (the orphan sweep keeps what a record names).</summary>
    public string? EvidenceSha256 { get; set; }
    public DateTimeOffset? EvidenceAt { get; set; }
    public string? EvidenceBy { get; set; }
    public string? EvidenceCaseId { get; set; }
    public DateTimeOffset? RepairedAt { get; set; }
    public string? RepairedBy { get; set; }
    public string? RepairReason { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokeReason { get; set; }

    public static CreditRecordRow From(CreditRecord r) => new CreditRecordRow
    {
        Id = r.Id, SubjectId = r.SubjectId, SubjectName = r.SubjectName, Kind = r.Kind.ToString(), Polarity = r.Polarity.ToString(),
        SourceDepartmentCode = r.SourceDepartmentCode, DocumentNumber = r.DocumentNumber, Summary = r.Summary, EffectiveOn = r.EffectiveOn,
        ExpiresOn = r.ExpiresOn, RecordedAt = r.RecordedAt, RecordedBy = r.RecordedBy,
        EvidenceCaseId = r.EvidenceCaseId,
    }.With(r);

    /// <summary>Copies the endings (repair, revocation) and the evidence: all a record's steps change.</summary>
    public CreditRecordRow With(CreditRecord r)
    {
        (EvidenceFileName, EvidenceContentType, EvidenceSize, EvidenceSha256, EvidenceAt, EvidenceBy) =
            (r.Evidence?.FileName, r.Evidence?.ContentType, r.Evidence?.Size, r.Evidence?.Sha256, r.Evidence?.At, r.Evidence?.By);
        (RepairedAt, RepairedBy, RepairReason) = (r.Repair?.At, r.Repair?.By, r.Repair?.Reason);
        (RevokedAt, RevokedBy, RevokeReason) = (r.Revocation?.At, r.Revocation?.By, r.Revocation?.Reason);
        return this;
    }

    public CreditRecord ToRecord() => new()
    {
        Id = Id, SubjectId = SubjectId, SubjectName = SubjectName, Kind = Enum.Parse<CreditRecordKind>(Kind), SourceDepartmentCode = SourceDepartmentCode,
        DocumentNumber = DocumentNumber, Summary = Summary, EffectiveOn = EffectiveOn, ExpiresOn = ExpiresOn, RecordedAt = RecordedAt,
        RecordedBy = RecordedBy, EvidenceCaseId = EvidenceCaseId,
        Evidence = EvidenceSha256 is { } sha ? new CreditEvidence(EvidenceFileName ?? "", EvidenceContentType ?? "", EvidenceSize ?? 0, sha, EvidenceAt ?? RecordedAt, EvidenceBy ?? "") : null,
        Repair = RepairedAt is { } repaired ? new CreditEnding(repaired, RepairedBy ?? "", RepairReason ?? "") : null,
        Revocation = RevokedAt is { } revoked ? new CreditEnding(revoked, RevokedBy ?? "", RevokeReason ?? "") : null,
    };
}

/// <summary>One change of a credit record, kept for ever: who, when, what, and the record before and after as JSON.</summary>
public sealed class CreditRecordChangeRow
{
    public long Id { get; set; }
    public string RecordId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string By { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? BeforeJson { get; set; }
    public string AfterJson { get; set; } = "";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CreditRecordChangeRow From(CreditRecordChange change) => new()
    {
        RecordId = change.RecordId, At = change.At, By = change.By, Kind = change.Kind.ToString(),
        BeforeJson = change.Before is null ? null : JsonSerializer.Serialize(change.Before, Json),
        AfterJson = JsonSerializer.Serialize(change.After, Json),
    };

    public CreditRecordChange ToChange() => new(RecordId, At, By, Enum.Parse<CreditChangeKind>(Kind),
        BeforeJson is null ? null : JsonSerializer.Deserialize<CreditRecord>(BeforeJson, Json), JsonSerializer.Deserialize<CreditRecord>(AfterJson, Json)!);
}

using System.ComponentModel.DataAnnotations;
using Approval.Workflows.Credit;
using Approval.Workflows.Inputs;

namespace Approval.Api.Credit;

/// <summary>A credit record entered by a department or an administrator; dates as YYYY-MM-DD, the kind by name (<see cref="CreditRecordKind"/>).</summary>
public sealed record CreditRecordRequest(
    [property: MaxLength(TextLimits.Code)] string? SubjectId,
    [property: MaxLength(TextLimits.Name)] string? SubjectName,
    [property: MaxLength(TextLimits.Code)] string? Kind,
    [property: MaxLength(TextLimits.Code)] string? SourceDepartmentCode,
    [property: MaxLength(TextLimits.Code)] string? DocumentNumber,
    [property: MaxLength(TextLimits.Reason)] string? Summary,
    [property: MaxLength(TextLimits.Code)] string? EffectiveOn,
    [property: MaxLength(TextLimits.Code)] string? ExpiresOn)
{
    public CreditEntry ToEntry() => new(SubjectId, SubjectName, Kind, SourceDepartmentCode, DocumentNumber, Summary, EffectiveOn, ExpiresOn);
}

/// <summary>How a record stopped counting: when, by whom, why.</summary>
public sealed record CreditEndingView(DateTimeOffset At, string By, string Reason)
{
    public static CreditEndingView? Of(CreditEnding? ending) => ending is null ? null : new(ending.At, ending.By, ending.Reason);
}

/// <summary>A credit record: what, from whom, from when until when, and whether it counts at the instant asked.</summary>
public sealed record CreditRecordView(string Id, string SubjectId, string SubjectName, CreditRecordKind Kind, CreditPolarity Polarity,
    string SourceDepartmentCode, string DocumentNumber, string Summary, DateOnly EffectiveOn, DateOnly? ExpiresOn, DateTimeOffset RecordedAt,
    string RecordedBy, CreditEvidenceView? Evidence, string? EvidenceCaseId, CreditEndingView? Repair, CreditEndingView? Revocation, bool InForce)
{
    public static CreditRecordView Of(CreditRecord r, bool inForce) => new(r.Id, r.SubjectId, r.SubjectName, r.Kind, r.Polarity, r.SourceDepartmentCode,
        r.DocumentNumber, r.Summary, r.EffectiveOn, r.ExpiresOn, r.RecordedAt, r.RecordedBy, r.Evidence is { } e ? new CreditEvidenceView(e.FileName, e.ContentType, e.Size, e.At, e.By, $"/api/credit/records/{r.Id}/evidence") : null, r.EvidenceCaseId,
        CreditEndingView.Of(r.Repair), CreditEndingView.Of(r.Revocation), inForce);
}

/// <summary>The file proving a record, and where to download it.</summary>
public sealed record CreditEvidenceView(string FileName, string ContentType, long Size, DateTimeOffset At, string By, string Url);

/// <summary>A change of a record: who, when, what, and the record before (none when entered) and after.</summary>
public sealed record CreditChangeView(DateTimeOffset At, string By, CreditChangeKind Kind, CreditRecordView? Before, CreditRecordView After);

/// <summary>A record with every change made to it, oldest first.</summary>
public sealed record CreditRecordHistoryView(CreditRecordView Record, IReadOnlyList<CreditChangeView> Changes);

/// <summary>
/// A subject's standing at an instant (良好 Good, 一般 Fair, 警示 Warned, 失信 Dishonest) with its points, the kinds of
/// the records in force, whether 容缺受理/告知承诺 is offered, and every record of the subject (in force or not).
/// </summary>
public sealed record CreditStandingView(string SubjectId, DateTimeOffset At, CreditStanding Standing, string StandingName, int Points,
    IReadOnlyList<CreditRecordKind> Kinds, bool PromiseAllowed, IReadOnlyList<CreditRecordView> Records)
{
    public static CreditStandingView Of(CreditAssessment assessment, IReadOnlyList<CreditRecord> all)
    {
        var inForce = assessment.InForce.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return new(assessment.SubjectId, assessment.At, assessment.Standing, CreditAssessment.StandingName(assessment.Standing), assessment.Points,
            assessment.Kinds, assessment.AllowsPromise, [.. all.OrderByDescending(r => r.EffectiveOn).Select(r => CreditRecordView.Of(r, inForce.Contains(r.Id)))]);
    }
}

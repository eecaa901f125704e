using System.Globalization;
using Approval.Workflows.Catalog;
using Approval.Workflows.Inputs;

namespace Approval.Workflows.Credit;

/// <summary>
/// A credit record as a department or an import states it, every field as text: checked here once for the API and the
/// CSV import alike, each wrong field named with its reason (<see cref="Check"/>).
/// </summary>
public sealed record CreditEntry(string? SubjectId, string? SubjectName, string? Kind, string? SourceDepartmentCode, string? DocumentNumber,
    string? Summary, string? EffectiveOn, string? ExpiresOn)
{
    /// <summary>The record it makes, or every field that is wrong and why.</summary>
    /// <param name="departments">The departments of the catalog: a record's source is one of them.</param>
    public (CreditRecord? Record, IReadOnlyList<FieldError> Errors) Check(string id, IReadOnlySet<string> departments, DateTimeOffset now, string by)
    {
        var errors = new List<FieldError>();
        CreditSubject? subject = null;
        if (string.IsNullOrWhiteSpace(SubjectId))
            errors.Add(new FieldError("subjectId", "is required: an 18-digit resident ID or an 18-character unified social credit code"));
        else if (!CreditSubject.TryParse(SubjectId, out subject, out var reason))
            errors.Add(new FieldError("subjectId", reason!));
        Text("subjectName", SubjectName, TextLimits.Name, errors);
        CreditRecordKind kind = default;
        if (string.IsNullOrWhiteSpace(Kind))
            errors.Add(new FieldError("kind", $"is required: one of {string.Join(", ", Enum.GetNames<CreditRecordKind>())}"));
        else if (!Enum.TryParse(Kind.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(Kind, out _))
            errors.Add(new FieldError("kind", $"'{Kind}' is not a kind of record: one of {string.Join(", ", Enum.GetNames<CreditRecordKind>())}"));
        if (string.IsNullOrWhiteSpace(SourceDepartmentCode))
            errors.Add(new FieldError("sourceDepartmentCode", "is required"));
        else if (!departments.Contains(SourceDepartmentCode.Trim()))
            errors.Add(new FieldError("sourceDepartmentCode", $"there is no department {SourceDepartmentCode.Trim()}"));
        Text("documentNumber", DocumentNumber, TextLimits.Code, errors);
        Text("summary", Summary, TextLimits.Reason, errors);
        var effective = Date("effectiveOn", EffectiveOn, required: true, errors);
        var expires = Date("expiresOn", ExpiresOn, required: false, errors);
        if (effective is { } from && expires is { } to && to <= from)
            errors.Add(new FieldError("expiresOn", $"the expiry ({to:yyyy-MM-dd}) is after the effective date ({from:yyyy-MM-dd})"));
        if (errors.Count > 0)
            return (null, errors);
        return (new CreditRecord
        {
            Id = id,
            SubjectId = subject!.Id,
            SubjectName = SubjectName!.Trim(),
            Kind = kind,
            SourceDepartmentCode = SourceDepartmentCode!.Trim(),
            DocumentNumber = DocumentNumber!.Trim(),
            Summary = Summary!.Trim(),
            EffectiveOn = effective!.Value,
            ExpiresOn = expires,
            RecordedAt = now,
            RecordedBy = by,
        }, errors);
    }

    private static void Text(string field, string? value, int limit, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add(new FieldError(field, "is required"));
        else if (value.Trim().Length > limit)
            errors.Add(new FieldError(field, $"must be at most {limit} characters"));
    }

    private static DateOnly? Date(string field, string? value, bool required, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
                errors.Add(new FieldError(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(new FieldError(field, $"'{value}' is not a date (YYYY-MM-DD)"));
        return null;
    }
}

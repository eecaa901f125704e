using Approval.Workflows.Calendar;

namespace Approval.Workflows.Credit;

/// <summary>Derives a subject's standing at an instant from the store, by the configured rules.</summary>
public sealed class CreditStandings(ICreditRecords records, CreditRules rules, BusinessHours hours)
{
    public CreditRules Rules => rules;

    /// <summary>The service center's time zone: an instant's date decides whether a record is in force.</summary>
    public BusinessHours Hours => hours;

    public async Task<CreditAssessment> AssessAsync(string subjectId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        rules.Assess(subjectId, await records.OfSubjectAsync(subjectId, cancellationToken), at, hours);
}

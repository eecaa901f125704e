using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Credit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Credit;

/// <summary>
/// Promises (容缺受理) made in a period at one item, led by one department, and what became of them: kept (every promised
/// material in), broken (the deadline passed: a <see cref="CreditRecordKind.BrokenPromise"/> record of the case), open (still
/// owed), withdrawn (the case ended otherwise while owed). Kept rate = kept ÷ (kept + broken), a percentage to 2 decimals;
/// null when neither.
/// </summary>
public sealed record PromiseOutcomes(string ItemCode, string DepartmentCode, int Made, int Kept, int Broken, int Open, int Withdrawn, decimal? KeptRate);

/// <summary>
/// The supervisors' report of promises kept and broken per item and lead department over days (Beijing time, both
/// included), from the 容缺受理 lines of the timeline (index CaseEvents (Action, At)), the cases' owed column and the
/// credit records the broken promises wrote.
/// </summary>
public sealed class PromiseReport(IDbContextFactory<ApprovalDbContext> contexts, BusinessHours hours)
{
    public async Task<IReadOnlyList<PromiseOutcomes>> ForAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = (hours.StartOf(from), hours.StartOf(to.AddDays(1)));
        var promised = nameof(CaseAction.AcceptedWithMissingMaterials);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var made = await (from line in db.CaseEvents
                          where line.Action == promised && line.At >= start && line.At < end
                          join @case in db.Cases on line.CaseId equals @case.Id
                          select new { @case.Id, @case.ItemCode, @case.LeadDepartmentCode, @case.Status, @case.PromiseDueAt }).ToListAsync(cancellationToken);
        var ids = made.Select(m => m.Id).Distinct().ToList();
        var brokenKind = nameof(CreditRecordKind.BrokenPromise);
        var broken = (await db.CreditRecords.Where(r => r.Kind == brokenKind && r.EvidenceCaseId != null && ids.Contains(r.EvidenceCaseId!))
            .Select(r => r.EvidenceCaseId!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        string Outcome(string id, string status, DateTimeOffset? owedBy) =>
            broken.Contains(id) ? "Broken"
            : owedBy is not null ? "Open"
            : status is nameof(CaseStatus.Withdrawn) or nameof(CaseStatus.Terminated) ? "Withdrawn"
            : "Kept";
        return [.. made.GroupBy(m => (m.ItemCode, m.LeadDepartmentCode))
            .Select(g =>
            {
                var outcomes = g.Select(m => Outcome(m.Id, m.Status, m.PromiseDueAt)).ToList();
                int Count(string outcome) => outcomes.Count(o => o == outcome);
                var (kept, brokenCount) = (Count("Kept"), Count("Broken"));
                return new PromiseOutcomes(g.Key.ItemCode, g.Key.LeadDepartmentCode, outcomes.Count, kept, brokenCount, Count("Open"), Count("Withdrawn"),
                    kept + brokenCount == 0 ? null : Math.Round(100m * kept / (kept + brokenCount), 2, MidpointRounding.AwayFromZero));
            })
            .OrderBy(r => r.DepartmentCode, StringComparer.Ordinal).ThenBy(r => r.ItemCode, StringComparer.Ordinal)];
    }
}

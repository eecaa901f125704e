using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Credit;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Credit;

/// <summary>Which promise a case was accepted under.</summary>
public enum PromisePath
{
    /// <summary>容缺受理: non-key materials to follow by a promised date.</summary>
    MissingMaterials,
    /// <summary>告知承诺: a signed commitment to the published conditions, verified after the decision.</summary>
    Commitment,
}

/// <summary>
/// Promises made in a period at one item, led by one department, on one path, and what became of them. 容缺: kept (every
/// promised material in), broken (the deadline passed), open (still owed), withdrawn (the case ended otherwise while owed).
/// 告知承诺: kept (verified true), broken (found false: the decision revoked), open (not decided or not verified yet),
/// withdrawn (the case ended without an approval to verify). A broken promise of either is a
/// <see cref="CreditRecordKind.BrokenPromise"/> record of the case. Kept rate = kept ÷ (kept + broken), a percentage to 2
/// decimals; null when neither.
/// </summary>
public sealed record PromiseOutcomes(string ItemCode, string DepartmentCode, int Made, int Kept, int Broken, int Open, int Withdrawn, decimal? KeptRate,
    PromisePath Path = PromisePath.MissingMaterials);

/// <summary>
/// The supervisors' report of promises kept and broken per item, lead department and path over days (Beijing time, both
/// included), from the 容缺受理 and 告知承诺 lines of the timeline (index CaseEvents (Action, At)), the cases' owed and
/// awaiting-verification columns, the verification lines, and the credit records the broken promises wrote.
/// </summary>
public sealed class PromiseReport(IDbContextFactory<ApprovalDbContext> contexts, BusinessHours hours)
{
    public async Task<IReadOnlyList<PromiseOutcomes>> ForAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = (hours.StartOf(from), hours.StartOf(to.AddDays(1)));
        var (promised, committed) = (nameof(CaseAction.AcceptedWithMissingMaterials), nameof(CaseAction.AcceptedUnderCommitment));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var made = await (from line in db.CaseEvents
                          where (line.Action == promised || line.Action == committed) && line.At >= start && line.At < end
                          join @case in db.Cases on line.CaseId equals @case.Id
                          select new { @case.Id, line.Action, @case.ItemCode, @case.LeadDepartmentCode, @case.Status, @case.PromiseDueAt }).ToListAsync(cancellationToken);
        var ids = made.Select(m => m.Id).Distinct().ToList();
        var brokenKind = nameof(CreditRecordKind.BrokenPromise);
        var broken = (await db.CreditRecords.Where(r => r.Kind == brokenKind && r.EvidenceCaseId != null && ids.Contains(r.EvidenceCaseId!))
            .Select(r => r.EvidenceCaseId!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var verified = nameof(CaseAction.CommitmentVerified);
        var verifiedKept = (await db.CaseEvents.Where(e => e.Action == verified && e.Reason == "Kept" && ids.Contains(e.CaseId))
            .Select(e => e.CaseId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        string MissingMaterials(string id, string status, DateTimeOffset? owedBy) =>
            broken.Contains(id) ? "Broken"
            : owedBy is not null ? "Open"
            : status is nameof(CaseStatus.Withdrawn) or nameof(CaseStatus.Terminated) ? "Withdrawn"
            : "Kept";
        // A commitment is open until verified; a case that ended with nothing approved to verify is out of the count.
        string Commitment(string id, string status) =>
            broken.Contains(id) ? "Broken"
            : verifiedKept.Contains(id) ? "Kept"
            : status is nameof(CaseStatus.Withdrawn) or nameof(CaseStatus.Terminated) or nameof(CaseStatus.Refused) ? "Withdrawn"
            : "Open";
        return [.. made.GroupBy(m => (m.ItemCode, m.LeadDepartmentCode, Path: m.Action == committed ? PromisePath.Commitment : PromisePath.MissingMaterials))
            .Select(g =>
            {
                var outcomes = g.Select(m => g.Key.Path == PromisePath.Commitment ? Commitment(m.Id, m.Status) : MissingMaterials(m.Id, m.Status, m.PromiseDueAt)).ToList();
                int Count(string outcome) => outcomes.Count(o => o == outcome);
                var (kept, brokenCount) = (Count("Kept"), Count("Broken"));
                return new PromiseOutcomes(g.Key.ItemCode, g.Key.LeadDepartmentCode, outcomes.Count, kept, brokenCount, Count("Open"), Count("Withdrawn"),
                    kept + brokenCount == 0 ? null : Math.Round(100m * kept / (kept + brokenCount), 2, MidpointRounding.AwayFromZero), g.Key.Path);
            })
            .OrderBy(r => r.DepartmentCode, StringComparer.Ordinal).ThenBy(r => r.ItemCode, StringComparer.Ordinal).ThenBy(r => r.Path)];
    }
}

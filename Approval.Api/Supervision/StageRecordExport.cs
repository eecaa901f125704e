using System.Runtime.CompilerServices;
using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>Stage records (受理 → 承办 → 审核 → 批准 → 办结, 暂停/恢复, 延期) for a case or a period, for higher-level platforms.</summary>
public sealed class StageRecordExport(IDbContextFactory<ApprovalDbContext> contexts, ICaseSessions sessions, DueInstantCalculator due, CaseRules rules)
{
    internal static readonly IReadOnlyList<CsvColumn<StageRecord>> Columns =
    [
        new("caseNumber", r => r.CaseNumber), new("itemCode", r => r.ItemCode), new("stage", r => r.Stage), new("stageName", r => r.StageName),
        new("departmentCode", r => r.DepartmentCode), new("person", r => r.Person), new("at", r => r.At),
        new("workingDaysUsed", r => r.WorkingDaysUsed), new("limitDays", r => r.LimitDays), new("detail", r => r.Detail),
    ];

    public async Task<IReadOnlyList<StageRecord>?> ForCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(cancellationToken);
        return await session.FindAsync(caseId, cancellationToken) is { } @case ? [.. StageRecords.Of(@case, due, rules)] : null;
    }

    /// <summary>Every stage that happened in [from, to), case by case in the order they were touched.</summary>
    public async IAsyncEnumerable<StageRecord> ForPeriodAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<string> caseIds;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var fromEvents = db.CaseEvents.Where(e => e.At >= from && e.At < to).Select(e => e.CaseId);
            var fromTasks = db.CaseTasks.Where(t => (t.OpenedAt >= from && t.OpenedAt < to) || (t.ClosedAt >= from && t.ClosedAt < to)).Select(t => t.CaseId);
            caseIds = await fromEvents.Union(fromTasks).Distinct().OrderBy(id => id).ToListAsync(cancellationToken);
        }
        foreach (var caseId in caseIds)
        {
            await using var session = await sessions.OpenAsync(cancellationToken);
            if (await session.FindAsync(caseId, cancellationToken) is not { } @case)
                continue;
            foreach (var record in StageRecords.Of(@case, due, rules))
            {
                if (record.At >= from && record.At < to)
                    yield return record;
            }
        }
    }
}

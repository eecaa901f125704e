using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.CaseEvents;

/// <summary>A line of a case's timeline, as a department's feed gives it; <see cref="Id"/> is the cursor.</summary>
public sealed record DepartmentEvent(long Id, string CaseId, string CaseNumber, DateTimeOffset At, string Actor, string Action, string? Reason, string? Detail);

/// <summary>A page of the feed: the events after the cursor asked for, the cursor to ask with next, and whether more are waiting.</summary>
public sealed record DepartmentEventPage(IReadOnlyList<DepartmentEvent> Events, long Next, bool More);

/// <summary>Settings of the departments' case-event feed: <c>Approval:Events</c>.</summary>
public sealed class CaseEventFeedOptions
{
    public const string Section = "Approval:Events";

    /// <summary>
    /// How old (by the step's time on the application's clock) a timeline line must be before the feed gives it. On PostgreSQL
    /// and SQL Server two steps committing at once can make a lower id visible after a higher one; holding the newest lines
    /// back this long lets the slower transaction commit first, so a cursor never passes a line that appears later.
    /// </summary>
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The case events a department system follows (订阅办件事件) by pulling: the timeline lines (CaseEvents rows, appended in
/// each step's own transaction, never changed) of the cases the department leads or has a task on, in id order after a
/// cursor. The rows are the source of truth, so a system that was down reads on from its last cursor and misses nothing.
/// </summary>
public sealed class DepartmentEventFeed(IDbContextFactory<ApprovalDbContext> contexts, IOptions<CaseEventFeedOptions> options, TimeProvider clock)
{
    public const int DefaultLimit = 100;
    public const int MaximumLimit = 500;

    public async Task<DepartmentEventPage> ReadAsync(string departmentCode, long after, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // From the events in id order, each case's department row found by its primary key (CaseId, DepartmentCode).
        var rows = await (from e in db.CaseEvents
                          join d in db.CaseDepartments on e.CaseId equals d.CaseId
                          where d.DepartmentCode == departmentCode && e.Id > after
                          orderby e.Id
                          select new DepartmentEvent(e.Id, e.CaseId, d.CaseNumber, e.At, e.Actor, e.Action, e.Reason, e.Detail))
            .Take(limit + 1).ToListAsync(cancellationToken);
        var settled = clock.GetUtcNow() - options.Value.SettleTime;
        var given = rows.Take(limit).TakeWhile(e => e.At <= settled).ToList();
        return new DepartmentEventPage(given, given.Count > 0 ? given[^1].Id : after, rows.Count > given.Count);
    }
}

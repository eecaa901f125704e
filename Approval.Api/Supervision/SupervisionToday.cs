using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>A window's open cases (those it accepted), by level.</summary>
public sealed record WindowCounts(string WindowCode, int Total, LevelCounts Levels);

/// <summary>Cases received and completed (办结: handed out) on one day of the service center.</summary>
public sealed record DayCounts(DateOnly Day, int Received, int Completed);

/// <summary>
/// What the supervision hall shows beside <see cref="SupervisionOverview"/>: today's figures in the form the published
/// figures use (办结率 = completed ÷ received, 102.94% when more were completed than received; 提前办结率 = promised cases
/// completed before their due instant ÷ promised cases completed), the open cases of each window and the last days' counts.
/// </summary>
public sealed record SupervisionToday(
    DateOnly Day,
    int Received,
    int Completed,
    int Promised,
    int CompletedEarly,
    IReadOnlyList<WindowCounts> OpenCasesByWindow,
    IReadOnlyList<DayCounts> LastDays)
{
    public Rate CompletionRate => new(Completed, Received);

    public Rate EarlyCompletionRate => new(CompletedEarly, Promised);
}

/// <summary>
/// Reads <see cref="SupervisionToday"/> live (the performance snapshots are built each night, so today is not in them),
/// each figure a count or a grouped query answered from an index alone: today's completed cases from (Status, ClosedAt,
/// ReceivedAt, DueAt, ItemCode), the open cases of each window from (Status, AcceptingWindowCode, Level). The trend's past
/// days are counted once a day and kept (one instance serves the node): a day that has ended receives no more cases and
/// hands out no more, so they do not change; only a decision revoked after delivery on a past day could, and it shows
/// from the next day. Today's figures and the windows are counted on every read, so they agree with the lists.
/// </summary>
internal sealed class SupervisionTodayCounts(IDbContextFactory<ApprovalDbContext> contexts, BusinessHours hours, TimeProvider time)
{
    /// <summary>How many days the hall's trend shows, today included.</summary>
    public const int TrendDays = 14;

    private static readonly string Delivered = nameof(CaseStatus.Delivered);

    public async Task<SupervisionToday> ReadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var today = hours.DateOf(time.GetUtcNow());
        var (start, before) = (hours.StartOf(today), hours.StartOf(today.AddDays(1)));

        var completed = await (
            from c in db.Cases
            where c.Status == Delivered && c.ClosedAt >= start && c.ClosedAt < before
            join i in db.Items on c.ItemCode equals i.Code
            select new { i.Kind, c.ReceivedAt, c.DueAt, c.ClosedAt }).ToListAsync(cancellationToken);
        // The same rule as the performance figures: a promised (or joint) case completed before its due instant.
        var facts = completed.Select(c => new CaseFacts
        {
            ReceivedAt = c.ReceivedAt, CompletedAt = c.ClosedAt, PromisedDueAt = c.DueAt,
            Handling = CaseFacts.HandlingOf(Enum.TryParse<ItemKind>(c.Kind, out var kind) ? kind : ItemKind.Promised),
        }).ToList();

        var openStatuses = Case.OpenStatuses.Select(s => s.ToString()).ToList();
        // Grouped by status too, in IX_Cases_OpenByWindow's order, so the count streams off the index without sorting; the
        // statuses are summed below.
        var windows = await db.Cases.Where(c => openStatuses.Contains(c.Status) && c.AcceptingWindowCode != null)
            .GroupBy(c => new { c.Status, c.AcceptingWindowCode, c.Level })
            .Select(g => new { Window = g.Key.AcceptingWindowCode!, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var past = _past is { } kept && kept.Today == today ? kept : (_past = new PastDays(today, await PastDaysAsync(db, today, cancellationToken)));
        List<DayCounts> days = [.. past.Days, await CountAsync(db, today, cancellationToken)];

        return new SupervisionToday(
            today,
            days[^1].Received,
            facts.Count,
            facts.Count(f => f.Handling == CaseHandling.Promised),
            facts.Count(f => f.IsCompletedEarly),
            [.. windows.GroupBy(w => w.Window, StringComparer.Ordinal)
                .Select(w => new WindowCounts(w.Key, w.Sum(g => g.Count), w.Aggregate(LevelCounts.None, (levels, g) => levels.Add(g.Level, g.Count))))
                .OrderByDescending(w => w.Levels.Red).ThenByDescending(w => w.Levels.Yellow).ThenByDescending(w => w.Total).ThenBy(w => w.WindowCode, StringComparer.Ordinal)],
            days);
    }

    // The trend's days before today, as counted on the first read of a day. Replaced whole, never changed: readers on
    // other threads see one day's list or the next's.
    private volatile PastDays? _past;

    private sealed record PastDays(DateOnly Today, IReadOnlyList<DayCounts> Days);

    private async Task<IReadOnlyList<DayCounts>> PastDaysAsync(ApprovalDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var days = new List<DayCounts>(TrendDays - 1);
        for (var day = today.AddDays(1 - TrendDays); day < today; day = day.AddDays(1))
            days.Add(await CountAsync(db, day, cancellationToken));
        return days;
    }

    // Two index ranges: (ReceivedAt) and (Status, ClosedAt, …).
    private async Task<DayCounts> CountAsync(ApprovalDbContext db, DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = (hours.StartOf(day), hours.StartOf(day.AddDays(1)));
        return new DayCounts(day,
            await db.Cases.CountAsync(c => c.ReceivedAt >= from && c.ReceivedAt < to, cancellationToken),
            await db.Cases.CountAsync(c => c.Status == Delivered && c.ClosedAt >= from && c.ClosedAt < to, cancellationToken));
    }
}

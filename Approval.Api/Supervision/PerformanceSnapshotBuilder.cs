using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>
/// Builds the performance snapshots (绩效快照): a day's rows from grouped queries over the day's cases, warning events
/// and confirmed violations, then its month and year rolled up again. Re-runnable: a day, month or year is replaced
/// whole. Departments: the lead department for case figures, case and window-step cards, ratings and breached complaints
/// about the case, the task's department for task cards, the department a violation is recorded against. Windows and
/// persons: see <c>PerformanceSnapshotBuilder.Staff.cs</c>.
/// </summary>
public sealed partial class PerformanceSnapshotBuilder(IDbContextFactory<ApprovalDbContext> contexts, BusinessHours hours, DueInstantCalculator due, TimeProvider time)
{
    public const string JobId = "performance-snapshots";

    private static readonly string WarningRaised = nameof(CaseAction.WarningRaised);
    private static readonly string Delivered = nameof(CaseStatus.Delivered);
    private static readonly string Confirmed = nameof(ViolationReview.Confirmed);

    /// <summary>Registers the nightly build of yesterday (00:30 in the service center's time zone).</summary>
    public static void Register(IRecurringJobManager jobs, BusinessHours hours) =>
        jobs.AddOrUpdate<PerformanceSnapshotBuilder>(JobId, b => b.BuildYesterdayAsync(CancellationToken.None), "30 0 * * *",
            new RecurringJobOptions { TimeZone = hours.Zone });

    /// <summary>The nightly run: yesterday's rows, its month and its year.</summary>
    public Task<int> BuildYesterdayAsync(CancellationToken cancellationToken)
    {
        var yesterday = hours.DateOf(time.GetUtcNow()).AddDays(-1);
        return RebuildAsync(yesterday, yesterday, cancellationToken);
    }

    /// <summary>Rebuilds every day from <paramref name="first"/> to <paramref name="last"/>, then their months and years; returns the days built.</summary>
    public async Task<int> RebuildAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        if (last < first)
            throw new ArgumentException("the last day is before the first", nameof(last));
        for (var day = first; day <= last; day = day.AddDays(1))
            await BuildDayAsync(day, cancellationToken);
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
            await RollUpAsync(SnapshotPeriod.Day, SnapshotPeriod.Month, month, month.AddMonths(1), cancellationToken);
        for (var year = first.Year; year <= last.Year; year++)
            await RollUpAsync(SnapshotPeriod.Month, SnapshotPeriod.Year, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1), cancellationToken);
        return last.DayNumber - first.DayNumber + 1;
    }

    private async Task BuildDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (start, before) = (StartOf(day), StartOf(day.AddDays(1)));
        var units = new Dictionary<(UnitKind Kind, string Code), SnapshotCounters>();
        SnapshotCounters Of(UnitKind kind, string code) =>
            units.TryGetValue((kind, code), out var counters) ? counters : units[(kind, code)] = new SnapshotCounters();

        var received = await db.Cases.Where(c => c.ReceivedAt >= start && c.ReceivedAt < before)
            .GroupBy(c => c.LeadDepartmentCode).Select(g => new { Department = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var r in received)
            Of(UnitKind.Department, r.Department).Received += r.Count;

        // The day's completed cases only: working days used are counted on the calendar, suspensions excluded.
        var completed = await (
            from c in db.Cases
            where c.Status == Delivered && c.ClosedAt >= start && c.ClosedAt < before
            join i in db.Items on c.ItemCode equals i.Code
            select new CompletedCase(c.Id, c.LeadDepartmentCode, i.Kind, c.ReceivedAt, c.AcceptedAt, c.DueAt, c.ClosedAt!.Value, c.State, c.DeliveringWindowCode)).ToListAsync(cancellationToken);
        foreach (var c in completed)
            Of(UnitKind.Department, c.LeadDepartmentCode).AddCompleted(FactsOf(c, due));
        await CountWindowsAndPersonsAsync(db, start, before, completed, Of, cancellationToken);

        var cards = await (
            from e in db.CaseEvents
            where e.Action == WarningRaised && e.At >= start && e.At < before
            join c in db.Cases on e.CaseId equals c.Id
            group e by new { c.LeadDepartmentCode, e.Detail } into g
            select new { g.Key.LeadDepartmentCode, g.Key.Detail, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var card in cards)
        {
            if (WarningCard.Parse(card.Detail) is not { } raised)
                continue;
            var department = raised.IsCaseLevel ? card.LeadDepartmentCode : raised.Subject;
            raised.AddTo(Of(UnitKind.Department, department), card.Count);
        }

        // A task card goes to whoever held the task when it was raised (the task open at that instant).
        var personCards = await (
            from e in db.CaseEvents
            where e.Action == WarningRaised && e.At >= start && e.At < before
            join t in db.CaseTasks on e.CaseId equals t.CaseId
            where t.ClaimedBy != null && t.OpenedAt <= e.At && (t.ClosedAt == null || t.ClosedAt >= e.At)
                && (e.Detail == t.DepartmentCode + WarningCard.YellowSuffix || e.Detail == t.DepartmentCode + WarningCard.RedSuffix)
            group e by new { t.ClaimedBy, e.Detail } into g
            select new { Person = g.Key.ClaimedBy!, g.Key.Detail, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var card in personCards)
            WarningCard.Parse(card.Detail)?.AddTo(Of(UnitKind.Person, card.Person), card.Count);

        var confirmed = db.Violations.Where(v => v.Review == Confirmed && v.ReviewedAt >= start && v.ReviewedAt < before);
        foreach (var v in await confirmed.Where(v => v.DepartmentCode != null).GroupBy(v => v.DepartmentCode!)
                     .Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            Of(UnitKind.Department, v.Code).ConfirmedViolations += v.Count;
        foreach (var v in await confirmed.Where(v => v.WindowCode != null).GroupBy(v => v.WindowCode!)
                     .Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            Of(UnitKind.Window, v.Code).ConfirmedViolations += v.Count;
        // A violation names its person as the step's actor (李敏 (clerk)) or a task's holder (clerk): one account either way.
        foreach (var v in await confirmed.Where(v => v.Person != null).GroupBy(v => v.Person!)
                     .Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
        {
            if (StaffNames.AccountOf(v.Code) is { } person)
                Of(UnitKind.Person, person).ConfirmedViolations += v.Count;
        }

        // A complaint's breach counts against the department leading the case it is about; a general complaint's against none.
        var complaintBreaches = await (
            from c in db.Complaints
            where c.BreachedAt >= start && c.BreachedAt < before
            join k in db.Cases on c.CaseId equals k.Id
            group c by k.LeadDepartmentCode into g
            select new { Department = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var b in complaintBreaches)
            Of(UnitKind.Department, b.Department).ComplaintBreaches += b.Count;

        var dayName = nameof(SnapshotPeriod.Day);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.PerformanceSnapshots.Where(p => p.PeriodKind == dayName && p.PeriodStart == day).ExecuteDeleteAsync(cancellationToken);
        db.PerformanceSnapshots.AddRange(units.Select(u => u.Value.ToRecord(u.Key.Kind, u.Key.Code, SnapshotPeriod.Day, day)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Replaces the <paramref name="into"/> row starting at <paramref name="start"/> by the sum of its <paramref name="from"/> rows.</summary>
    private async Task RollUpAsync(SnapshotPeriod from, SnapshotPeriod into, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (fromName, intoName) = (from.ToString(), into.ToString());
        var rows = await db.PerformanceSnapshots.AsNoTracking()
            .Where(p => p.PeriodKind == fromName && p.PeriodStart >= start && p.PeriodStart < end).ToListAsync(cancellationToken);
        var sums = new Dictionary<(string Kind, string Code), SnapshotCounters>();
        foreach (var row in rows)
        {
            if (!sums.TryGetValue((row.UnitKind, row.UnitCode), out var counters))
                sums[(row.UnitKind, row.UnitCode)] = counters = new SnapshotCounters();
            counters.Add(row);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.PerformanceSnapshots.Where(p => p.PeriodKind == intoName && p.PeriodStart == start).ExecuteDeleteAsync(cancellationToken);
        db.PerformanceSnapshots.AddRange(sums.Select(s => s.Value.ToRecord(Enum.Parse<UnitKind>(s.Key.Kind), s.Key.Code, into, start)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>What evaluation needs of a completed case, by the domain's definitions.</summary>
    internal static CaseFacts FactsOf(CompletedCase c, DueInstantCalculator due) => new()
    {
        ReceivedAt = c.ReceivedAt,
        CompletedAt = c.ClosedAt,
        Handling = CaseFacts.HandlingOf(Enum.Parse<ItemKind>(c.ItemKind)),
        PromisedDueAt = c.DueAt,
        WorkingDaysUsed = c.AcceptedAt is { } accepted
            ? due.WorkingDaysUsed(accepted, c.ClosedAt, CaseStateJson.Deserialize(c.State).Suspensions)
            : null,
    };

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, hours.Zone.GetUtcOffset(local));
    }
}

/// <summary>A completed (办结) case as the builder reads it.</summary>
internal sealed record CompletedCase(string Id, string LeadDepartmentCode, string ItemKind, DateTimeOffset ReceivedAt, DateTimeOffset? AcceptedAt,
    DateTimeOffset? DueAt, DateTimeOffset ClosedAt, string State, string? DeliveringWindowCode);

/// <summary>A yellow or red card, read from a WarningRaised timeline line: <c>case: Red</c>, <c>fire: Yellow</c> or <c>受理 (acceptance): Yellow</c>.</summary>
internal sealed record WarningCard(string Subject, WarningLevel Level)
{
    public const string YellowSuffix = ": Yellow";
    public const string RedSuffix = ": Red";

    /// <summary>The case's own card, or a window step's (受理, 办结): the lead department's, as the case is.</summary>
    public bool IsCaseLevel => Subject == "case" || WindowStepKind is not null;

    /// <summary>The window step whose clock raised the card; null for a case's or a task's card.</summary>
    public WindowStepKind? WindowStepKind =>
        Subject == WindowStep.SubjectOf(Workflows.Cases.WindowStepKind.Acceptance) ? Workflows.Cases.WindowStepKind.Acceptance
        : Subject == WindowStep.SubjectOf(Workflows.Cases.WindowStepKind.Delivery) ? Workflows.Cases.WindowStepKind.Delivery
        : null;

    /// <summary>The card, or null for a line that is not a yellow or red card (a prompt).</summary>
    public static WarningCard? Parse(string? detail) =>
        detail is null ? null
        : detail.EndsWith(YellowSuffix, StringComparison.Ordinal) ? new WarningCard(detail[..^YellowSuffix.Length], WarningLevel.Yellow)
        : detail.EndsWith(RedSuffix, StringComparison.Ordinal) ? new WarningCard(detail[..^RedSuffix.Length], WarningLevel.Red)
        : null;

    public void AddTo(SnapshotCounters counters, int count)
    {
        if (Level == WarningLevel.Red)
            counters.RedCards += count;
        else
            counters.YellowCards += count;
    }
}

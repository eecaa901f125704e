using System.Globalization;
using Approval.Workflows.Calendar;
using Approval.Workflows.Supervision;

namespace Approval.Workflows.Cases;

/// <summary>What an administrator's calendar change did to one case.</summary>
/// <param name="Moved">The deadlines that moved: subject, before, after.</param>
/// <param name="Flagged">The violations flagged for the supervisors' review, with the reason.</param>
public sealed record Recalendared(IReadOnlyList<(string Subject, DateTimeOffset Before, DateTimeOffset After)> Moved, IReadOnlyList<Violation> Flagged)
{
    public bool Changed => Moved.Count > 0 || Flagged.Count > 0;
}

public sealed partial class Case
{
    /// <summary>
    /// An administrator saved a calendar year: the running deadlines are counted again through the same clock rules
    /// (the case's and its open tasks' due instants, suspended days still left out; a window step's from its start), each
    /// that moves is a timeline line (期限因工作日历调整由 … 改为 …), a warning level the new deadlines no longer reach is
    /// lowered (a level they reach sooner rises at the next sweep, with its notifications), and a violation that the
    /// new calendar would not have recorded — an overdue, a late delivery, an acceptance by silence — is flagged for the
    /// supervisors' review with the reason. Nothing is deleted. <paramref name="before"/> counts on the calendar replaced.
    /// </summary>
    public Recalendared Recalendar(DueInstantCalculator before, CaseClock clock, string administrator, string change)
    {
        var now = clock.Now;
        var was = OpenDeadlines(before).ToDictionary(d => d.Subject, d => d.DueAt);
        RecomputeDue(clock);
        var moved = new List<(string, DateTimeOffset, DateTimeOffset)>();
        foreach (var deadline in OpenDeadlines(clock.Due))
        {
            if (!was.TryGetValue(deadline.Subject, out var old) || old == deadline.DueAt)
                continue;
            moved.Add((deadline.Subject, old, deadline.DueAt));
            Record(now, administrator, CaseAction.DeadlineMoved, change,
                $"{deadline.Subject}: 期限因工作日历调整由 {Local(clock, old)} 改为 {Local(clock, deadline.DueAt)} (deadline moved by a calendar change from {old.ToString("O", CultureInfo.InvariantCulture)} to {deadline.DueAt.ToString("O", CultureInfo.InvariantCulture)})");
        }
        LowerLevelsTo(clock.Due, now);
        var flagged = FlagViolationsOf(before, clock, change);
        foreach (var violation in flagged)
            Record(now, administrator, CaseAction.DeadlineMoved, change, $"{violation.Kind} of {violation.At.ToString("O", CultureInfo.InvariantCulture)} flagged for review: {violation.CalendarDoubt}");
        return new Recalendared(moved, flagged);
    }

    // A level is re-derived downwards only: a rise goes through ObserveClocks, which records its breach and notifies.
    private void LowerLevelsTo(DueInstantCalculator due, DateTimeOffset now)
    {
        var schedule = new WarningSchedule(due, Warnings);
        if (WindowStep is { } step)
        {
            var level = step.Cap(schedule.LevelAt(step.Clock, now));
            if (level < step.Level)
                WindowStep = step with { Level = level };
            return;
        }
        if (!IsWatched)
            return;
        foreach (var task in _tasks.Where(t => t.IsOpen))
        {
            var level = schedule.LevelAt(TaskClock(task), now);
            if (level < task.Level)
                task.RaiseLevel(level);
        }
        var caseLevel = schedule.LevelAt(CaseClock(schedule), now);
        if (caseLevel < Level)
            Level = caseLevel;
    }

    // The violations recorded against a deadline that the change moved and that, counted on the calendar now in force,
    // had not passed then: recorded only because of the calendar replaced (an extension granted since moves both counts).
    private List<Violation> FlagViolationsOf(DueInstantCalculator before, CaseClock clock, string change)
    {
        var flagged = new List<Violation>();
        for (var i = 0; i < _violations.Count; i++)
        {
            var violation = _violations[i];
            if (violation.CalendarDoubt is not null || DueFor(violation, clock.Due, clock.Rules) is not { } due || violation.At > due
                || DueFor(violation, before, clock.Rules) == due)
                continue;
            var doubt = $"按调整后的工作日历，期限为 {Local(clock, due)}，记录时尚未届满（{change}） (on the calendar as changed the deadline is {due.ToString("O", CultureInfo.InvariantCulture)}: not yet passed when recorded)";
            _violations[i] = violation with { CalendarDoubt = doubt };
            flagged.Add(_violations[i]);
        }
        return flagged;
    }

    // The deadline a clock violation was recorded against, counted on a calendar; null for a violation of another kind,
    // or one whose clock is no longer known (a task closed since: its limit was judged when it closed).
    private DateTimeOffset? DueFor(Violation violation, DueInstantCalculator due, CaseRules rules) => violation.Kind switch
    {
        ViolationKind.AcceptedBySilence or ViolationKind.LateAcceptance when DeemedAccepted && AcceptedAt is { } received => due.DueAt(received, rules.AcceptanceWindowDays),
        ViolationKind.OverdueCase when AcceptedAt is { } accepted => due.DueAt(accepted, PromisedLimitDays + ExtensionDays, _suspensions),
        ViolationKind.OverdueDelivery when WindowStep is { Kind: WindowStepKind.Delivery } step => due.DueAt(step.Start, step.LimitDays),
        ViolationKind.OverdueTask => _tasks.FirstOrDefault(t => t.IsOpen && violation.Evidence.StartsWith($"task {t.Id} ", StringComparison.Ordinal)) is { } task
            ? due.DueAt(task.OpenedAt, task.LimitDays, [.. _suspensions.Where(s => s.Until is null || s.Until > task.OpenedAt)])
            : null,
        _ => null,
    };

    private static string Local(CaseClock clock, DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, clock.Due.Hours.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;

namespace Approval.Workflows.Cases;

public sealed partial class Case
{
    /// <summary>The case's warning level (提示, 黄牌, 红牌), as last observed.</summary>
    public WarningLevel Level { get; private set; }

    /// <summary>The item's warning thresholds, copied at submission so a case keeps the rules it started under.</summary>
    public WarningRules Warnings { get; private set; } = new();

    /// <summary>The open suspension's expected length, when one was given; watched so that a stopped clock is not forgotten.</summary>
    public ExpectedSuspension? ExpectedSuspension { get; private set; }

    /// <summary>The window step (受理 or 办结) the case waits in, with its clock's level; null while it is with the departments or closed.</summary>
    public WindowStep? WindowStep { get; private set; }

    /// <summary>
    /// Raises the case's and its open tasks' warning levels to what the clock says now: each rise is a timeline line;
    /// a task turning red is an overdue task (超时办理), the case turning red an overdue case (超期办结).
    /// Returns the rises, task ones first, for the notifications sent once they are saved.
    /// </summary>
    public IReadOnlyList<WarningRise> ObserveClocks(DueInstantCalculator due, DateTimeOffset now)
    {
        var schedule = new WarningSchedule(due, Warnings);
        if (WindowStep is { } step)
            return ObserveWindowStep(step, schedule, now);
        if (!IsWatched)
            return [];
        var rises = new List<WarningRise>();
        if (OverrunSuspension(due, now) is { } overrun)
        {
            ExpectedSuspension = overrun with { Overrun = true };
            Record(now, "system", CaseAction.SuspensionOverrun, null, $"expected {overrun.ExpectedDays} working days from {overrun.From:O}");
            rises.Add(new WarningRise(null, LeadDepartmentCode, null, WarningLevel.Prompt, now, SuspensionOverrun: true));
        }
        foreach (var task in _tasks.Where(t => t.IsOpen))
        {
            var level = schedule.LevelAt(TaskClock(task), now);
            if (level <= task.Level)
                continue;
            task.RaiseLevel(level);
            rises.Add(new WarningRise(task.Id, task.DepartmentCode, task.ClaimedBy, level, now));
            Record(now, "system", CaseAction.WarningRaised, null, $"{task.DepartmentCode}: {level}");
            if (level == WarningLevel.Red)
                RecordViolation(new Violation(ViolationKind.OverdueTask, now, task.DepartmentCode, task.ClaimedBy, $"task {task.Id} due {task.DueAt:O}, still open at {now:O}"));
        }
        var caseLevel = schedule.LevelAt(CaseClock(schedule), now);
        if (caseLevel > Level)
        {
            Level = caseLevel;
            rises.Add(new WarningRise(null, LeadDepartmentCode, null, caseLevel, now));
            Record(now, "system", CaseAction.WarningRaised, null, $"case: {caseLevel}");
            if (caseLevel == WarningLevel.Red)
                RecordViolation(new Violation(ViolationKind.OverdueCase, now, LeadDepartmentCode, null, $"case due {DueAt:O}, still undecided at {now:O}"));
        }
        return rises;
    }

    /// <summary>
    /// When the case's or one of its open tasks' level next rises; null when none will (or the clock is stopped). A rise
    /// already due but not yet observed is due now: another step saving the case before the sweep came must not skip it.
    /// </summary>
    public DateTimeOffset? NextClockThreshold(DueInstantCalculator due, DateTimeOffset now)
    {
        var schedule = new WarningSchedule(due, Warnings);
        if (WindowStep is { } step)
        {
            if (step.Cap(schedule.LevelAt(step.Clock, now)) > step.Level)
                return now;
            var thresholds = schedule.ThresholdsOf(step.Clock);
            var stepNext = thresholds?.NextAfter(now);
            return stepNext is { } at && step.Cap(thresholds!.LevelAt(at)) > step.Level ? at : null;
        }
        if (!IsWatched)
            return null;
        if (schedule.LevelAt(CaseClock(schedule), now) > Level || _tasks.Any(t => t.IsOpen && schedule.LevelAt(TaskClock(t), now) > t.Level)
            || OverrunSuspension(due, now) is not null)
            return now;
        DateTimeOffset? next = schedule.NextThresholdAfter(CaseClock(schedule), now);
        if (Status == CaseStatus.Suspended && ExpectedSuspension is { Overrun: false } expected)
            next = ExpectedEndOf(expected, due).AddTicks(1);
        foreach (var task in _tasks.Where(t => t.IsOpen))
        {
            if (schedule.NextThresholdAfter(TaskClock(task), now) is { } taskNext && (next is null || taskNext < next))
                next = taskNext;
        }
        return next;
    }

    // The expected suspension, once it has run past its close of business of its last expected working day and nobody was told yet.
    private ExpectedSuspension? OverrunSuspension(DueInstantCalculator due, DateTimeOffset now) =>
        Status == CaseStatus.Suspended && ExpectedSuspension is { Overrun: false } expected && now > ExpectedEndOf(expected, due) ? expected : null;

    private static DateTimeOffset ExpectedEndOf(ExpectedSuspension expected, DueInstantCalculator due) => due.DueAt(expected.From, expected.ExpectedDays)!.Value;

    // 受理 stops at yellow (Art. 32 accepts by silence at the limit); 办结 past its limit is a breach of the step, and
    // makes the case yellow (a step overdue) unless its own clock had already turned it red.
    private List<WarningRise> ObserveWindowStep(WindowStep step, WarningSchedule schedule, DateTimeOffset now)
    {
        var level = step.Cap(schedule.LevelAt(step.Clock, now));
        if (level <= step.Level)
            return [];
        WindowStep = step with { Level = level };
        var name = WindowStep.SubjectOf(step.Kind);
        Record(now, "system", CaseAction.WarningRaised, null, $"{name}: {level}");
        List<WarningRise> rises = [new WarningRise(null, LeadDepartmentCode, null, level, now, step.Kind)];
        if (level == WarningLevel.Red)
        {
            RecordViolation(new Violation(ViolationKind.OverdueDelivery, now, LeadDepartmentCode, null,
                $"decided {step.Start:O}; result due within {step.LimitDays} working days; not handed out at {now:O}"));
            if (Level < WarningLevel.Yellow)
            {
                Level = WarningLevel.Yellow;
                Record(now, "system", CaseAction.WarningRaised, null, $"case: {Level}");
                rises.Add(new WarningRise(null, LeadDepartmentCode, null, Level, now));
            }
        }
        return rises;
    }

    // Supervision watches a case from acceptance until its decision.
    private bool IsWatched => AcceptedAt is not null && Status is CaseStatus.InReview or CaseStatus.Suspended;

    // A task's clock stops while the case's does (Art. 45 time does not count for anyone).
    private SupervisedClock TaskClock(CaseTask task) =>
        new(task.OpenedAt, task.LimitDays, [.. _suspensions.Where(s => s.Until is null || s.Until > task.OpenedAt)]);

    private SupervisedClock CaseClock(WarningSchedule schedule)
    {
        var lateSteps = _tasks.Where(t => t.IsOpen || (t.ClosedAt is { } closed && t.DueAt is { } due && closed > due)).Select(TaskClock);
        return new SupervisedClock(AcceptedAt!.Value, PromisedLimitDays + ExtensionDays, _suspensions, schedule.FirstStepOverdue(lateSteps));
    }
}

/// <summary>
/// A warning level that rose: a task's (with its department and holder, if claimed), a window step's (with
/// <see cref="Step"/>), or else the case's (with its lead department).
/// </summary>
/// <param name="Step">Set for a window step's rise (受理, 办结): the window's clerks hear of it.</param>
/// <param name="SuspensionOverrun">The case's stopped clock ran past its expected length: the lead department hears of it.</param>
public sealed record WarningRise(string? TaskId, string DepartmentCode, string? Holder, WarningLevel Level, DateTimeOffset At, WindowStepKind? Step = null,
    bool SuspensionOverrun = false)
{
    public bool IsCase => TaskId is null && Step is null && !SuspensionOverrun;
}

/// <summary>A suspension (特别程序) with the length told to the applicant, in working days from <see cref="From"/>.</summary>
public sealed record ExpectedSuspension(DateTimeOffset From, int ExpectedDays, bool Overrun = false);

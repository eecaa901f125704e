using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;

namespace Approval.Workflows.Supervision;

/// <summary>
/// When a clock's warning level rises, by an item's <see cref="WarningRules"/>, counted in working days with suspended
/// days excluded (as <see cref="DueInstantCalculator"/> counts them). For a limit of N working days, with share s and
/// p days of prompt:
/// <list type="bullet">
/// <item>k working days are <em>used</em> at the close of business of the k-th counted working day after the start's
/// date (0 days: at the start);</item>
/// <item>黄牌 (yellow) once ceil(s × N) days are used, but no later than N − 1, the start of the last working day, so
/// that a short limit still shows yellow before red (ceil(0.9 × N) = N for every N ≤ 9); a one-day limit has no
/// yellow stage, its only working day being its last;</item>
/// <item>提示 (prompt) p working days before the first card: at N_yellow − p days used, or N − p without a yellow
/// stage, never before the start. (A prompt at N − 1 would coincide with yellow at N = 10 and follow it for every
/// longer limit, so nobody would ever see it.)</item>
/// <item>红牌 (red) past the due instant, the close of business of the N-th day.</item>
/// <item>A 0-day limit (即办件) has the prompt from the start and red past the close of business of the day it is due
/// (<see cref="DueInstantCalculator.DueAt"/>).</item>
/// </list>
/// A case is also yellow from the instant one of its steps is overdue.
/// </summary>
public sealed class WarningSchedule
{
    private readonly DueInstantCalculator _due;

    public WarningSchedule(DueInstantCalculator due, WarningRules rules)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rules.PromptDaysBefore);
        if (rules.YellowShare is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(rules), rules.YellowShare, "the yellow share is more than 0 and at most 1");
        _due = due;
        Rules = rules;
    }

    public WarningRules Rules { get; }

    /// <summary>Working days used when yellow begins; null for a one-day limit, and for a 0-day one (即办件).</summary>
    public int? YellowDays(int limitDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limitDays);
        if (limitDays <= 1)
            return null;
        return Math.Min((int)Math.Ceiling(Rules.YellowShare * limitDays), limitDays - 1);
    }

    /// <summary>Working days used when the prompt begins.</summary>
    public int PromptDays(int limitDays) => Math.Max(0, (YellowDays(limitDays) ?? limitDays) - Rules.PromptDaysBefore);

    /// <summary>The thresholds of a running clock; null while an open suspension stops it, as its due instant is then unknown.</summary>
    public ClockThresholds? ThresholdsOf(SupervisedClock clock) =>
        clock.IsStopped ? null : Compute(clock, clock.Suspensions);

    /// <summary>The level at an instant. A stopped clock keeps the level it had reached when it stopped.</summary>
    public WarningLevel LevelAt(SupervisedClock clock, DateTimeOffset instant)
    {
        // An open suspension covers every close of business after it began: closing it just after the instant asked
        // about leaves every threshold up to that instant where it is.
        var suspensions = clock.Suspensions.Select(s => s.Until is null ? s with { Until = instant.AddTicks(1) } : s).ToList();
        return Compute(clock, suspensions).LevelAt(instant);
    }

    /// <summary>
    /// When the level next rises after <paramref name="instant"/>, for the scheduler to wake the clock then; null once
    /// red, and while the clock is stopped (resuming it schedules it again).
    /// </summary>
    public DateTimeOffset? NextThresholdAfter(SupervisedClock clock, DateTimeOffset instant) =>
        ThresholdsOf(clock)?.NextAfter(instant);

    /// <summary>
    /// The instant the first of a case's steps is (or will be) overdue: the case's <see cref="SupervisedClock.StepOverdueSince"/>.
    /// Pass the steps still open and those closed past their limit (a step closed within it never was overdue); stopped
    /// steps are left out until they resume.
    /// </summary>
    public DateTimeOffset? FirstStepOverdue(IEnumerable<SupervisedClock> steps) =>
        steps.Select(step => ThresholdsOf(step)?.RedFrom).Where(red => red is not null).Min();

    /// <summary>
    /// 环节超时: a step past its own limit while its case is within the case's limit is a breach of its own, recorded as
    /// <see cref="Cases.ViolationKind.OverdueTask"/>; once the case is overdue too, the case's breach covers it.
    /// </summary>
    public bool IsStepOverdueWhileCaseIsNot(SupervisedClock step, SupervisedClock ofCase, DateTimeOffset instant) =>
        LevelAt(step, instant) == WarningLevel.Red
        && LevelAt(ofCase with { StepOverdueSince = null }, instant) != WarningLevel.Red;

    private ClockThresholds Compute(SupervisedClock clock, IReadOnlyList<ClockSuspension> suspensions)
    {
        var yellowDays = YellowDays(clock.LimitDays);
        return new ClockThresholds(
            UsedAt(clock, PromptDays(clock.LimitDays), suspensions),
            yellowDays is { } days ? UsedAt(clock, days, suspensions) : null,
            // The due instant itself, not "N days used": a 0-day limit ends at a close of business, not at its start.
            _due.DueAt(clock.Start, clock.LimitDays, suspensions)!.Value,
            clock.StepOverdueSince);
    }

    /// <summary>The instant <paramref name="days"/> working days are used.</summary>
    private DateTimeOffset UsedAt(SupervisedClock clock, int days, IReadOnlyList<ClockSuspension> suspensions) =>
        days == 0 ? clock.Start : _due.DueAt(clock.Start, days, suspensions)!.Value;
}

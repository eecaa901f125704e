using Approval.Workflows.Calendar;

namespace Approval.Workflows.Supervision;

/// <summary>
/// A clock electronic supervision watches: a step, a department's task or a whole case, started at
/// <see cref="Start"/> with <see cref="LimitDays"/> working days, stopped during its <see cref="Suspensions"/>.
/// </summary>
/// <param name="StepOverdueSince">For a case: since when one of its steps has been overdue (环节超时), which makes
/// the case at least yellow from then on; null while none is. See <see cref="WarningSchedule.FirstStepOverdue"/>.</param>
public sealed record SupervisedClock(
    DateTimeOffset Start,
    int LimitDays,
    IReadOnlyList<ClockSuspension> Suspensions,
    DateTimeOffset? StepOverdueSince = null)
{
    /// <summary>A clock with no suspension.</summary>
    public SupervisedClock(DateTimeOffset start, int limitDays)
        : this(start, limitDays, [])
    {
    }

    /// <summary>Whether a suspension is still open: the clock is stopped and its thresholds are not known yet.</summary>
    public bool IsStopped => Suspensions.Any(s => s.Until is null);
}

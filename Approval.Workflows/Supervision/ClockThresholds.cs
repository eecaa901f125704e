namespace Approval.Workflows.Supervision;

/// <summary>
/// The instants at which a running clock's warning level rises. Each is the first instant of its level: the level at
/// an instant is the most severe one whose threshold is at or before it.
/// </summary>
/// <param name="PromptFrom">提示 begins.</param>
/// <param name="YellowFrom">黄牌 begins by the share of the limit used; null for a one-day limit, which has no such stage.</param>
/// <param name="Due">The close of business of the limit's last working day: still within the limit.</param>
/// <param name="StepOverdueSince">黄牌 by the step-overdue rule, if one of the clock's steps is overdue.</param>
public sealed record ClockThresholds(
    DateTimeOffset PromptFrom,
    DateTimeOffset? YellowFrom,
    DateTimeOffset Due,
    DateTimeOffset? StepOverdueSince = null)
{
    /// <summary>红牌 begins at the first instant past <see cref="Due"/> (one tick, 100 ns, later), as a case is overdue when now &gt; due.</summary>
    public DateTimeOffset RedFrom => Due.AddTicks(1);

    public WarningLevel LevelAt(DateTimeOffset instant)
    {
        var level = WarningLevel.Green;
        foreach (var (from, reached) in Thresholds())
        {
            if (from <= instant && reached > level)
                level = reached;
        }
        return level;
    }

    /// <summary>The first instant after <paramref name="instant"/> at which the level rises; null once red.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant)
    {
        var current = LevelAt(instant);
        DateTimeOffset? next = null;
        foreach (var (from, reached) in Thresholds())
        {
            if (from > instant && reached > current && (next is null || from < next))
                next = from;
        }
        return next;
    }

    private IEnumerable<(DateTimeOffset From, WarningLevel Level)> Thresholds()
    {
        yield return (PromptFrom, WarningLevel.Prompt);
        if (YellowFrom is { } yellow)
            yield return (yellow, WarningLevel.Yellow);
        if (StepOverdueSince is { } stepOverdue)
            yield return (stepOverdue, WarningLevel.Yellow);
        yield return (RedFrom, WarningLevel.Red);
    }
}

namespace Approval.Workflows.Supervision;

/// <summary>What a window (窗口) did at its counter, as window evaluation counts it.</summary>
public enum WindowActionKind
{
    /// <summary>受理, on time or late (Art. 32).</summary>
    Accepted,
    /// <summary>不予受理.</summary>
    Refused,
    /// <summary>补正: a request for missing materials.</summary>
    SupplementRequested,
}

/// <summary>One step at a window: its kind, when, and for an acceptance whether it came within the 5 working days of Art. 32.</summary>
public sealed record WindowAction(WindowActionKind Kind, DateTimeOffset At, bool OnTime = true);

/// <summary>
/// The figures only a window (and the clerk at it) has, beside its <see cref="PerformanceFigures"/>: the applications it
/// answered — accepted or refused — the acceptances made within the 5 working days of Art. 32 (受理及时率), and the
/// supplement requests it made. Its cases received are those it answered, its cases completed those it handed out.
/// </summary>
public sealed record WindowFigures(int Accepted, int Refused, int AcceptedOnTime, int SupplementRequests)
{
    /// <summary>受理及时率 = accepted on time ÷ accepted.</summary>
    public Rate AcceptanceOnTimeRate => new(AcceptedOnTime, Accepted);

    public static WindowFigures Of(IEnumerable<WindowAction> steps, EvaluationPeriod period)
    {
        var inPeriod = steps.Where(s => period.Contains(s.At)).ToList();
        return new WindowFigures(
            inPeriod.Count(s => s.Kind == WindowActionKind.Accepted),
            inPeriod.Count(s => s.Kind == WindowActionKind.Refused),
            inPeriod.Count(s => s.Kind == WindowActionKind.Accepted && s.OnTime),
            inPeriod.Count(s => s.Kind == WindowActionKind.SupplementRequested));
    }
}

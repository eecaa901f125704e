namespace Approval.Api.Clock;

/// <summary>
/// The application's clock for acceptance testing and training (<c>Approval:Clock:TestClock=true</c>): the system
/// clock moved by an offset an administrator sets, so deadlines can be seen to pass without waiting weeks. The offset is
/// kept in the database (<see cref="TestClockOffsets"/>): a restart resumes it.
/// </summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward (never back: deadlines already passed stay passed).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }

    /// <summary>Takes up an offset kept from before (a restart): moves to it when it is ahead, else stays.</summary>
    public void Resume(TimeSpan offset)
    {
        if (offset > Offset)
            Advance(offset - Offset);
    }

    /// <summary>Sets the clock to an instant at or after the current one.</summary>
    public void Set(DateTimeOffset now)
    {
        var by = now - GetUtcNow();
        if (by < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(now), "The test clock only moves forward.");
        Advance(by);
    }
}

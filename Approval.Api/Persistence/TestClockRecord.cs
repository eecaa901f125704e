namespace Approval.Api.Persistence;

/// <summary>
/// The test clock's offset from real time (one row, <see cref="SingleId"/>), kept while <c>Approval:Clock:TestClock</c> is on
/// so that a restart resumes at the simulated time the records were written on.
/// </summary>
public sealed class TestClockRecord
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    /// <summary>The offset in ticks (100 ns): a plain integer compares the same on every provider.</summary>
    public long OffsetTicks { get; set; }
}

namespace Approval.Api.DemoData;

/// <summary>
/// The time of the case being simulated: the simulator moves it as the case's story goes on, and every service of that
/// case (engine, calendar rules, supervision) reads it, so each step is stamped when it happened, not when it was generated.
/// </summary>
internal sealed class SimulatedClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}

namespace Approval.Api.Clock;

/// <summary>The application's clock: the system's, or the adjustable test clock when configured (never in Production).</summary>
public static class ClockServiceCollectionExtensions
{
    public const string TestClockKey = "Approval:Clock:TestClock";

    public static IServiceCollection AddApprovalClock(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!configuration.GetValue(TestClockKey, false))
            return services;
        if (environment.IsProduction())
            throw new InvalidOperationException($"{TestClockKey}=true is refused in the Production environment: deadlines must run on real time.");
        var clock = new AdjustableClock();
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<TestClockOffsets>();
        return services;
    }

    /// <summary>
    /// With the test clock on, takes up the offset stored by the last run (after the database is migrated, before anything
    /// reads the time): records written on the simulated clock are not in the future after a restart.
    /// </summary>
    public static async Task ResumeTestClockAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<AdjustableClock>() is { } clock)
            clock.Resume(await services.GetRequiredService<TestClockOffsets>().LoadAsync(cancellationToken));
    }
}

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
        return services;
    }
}

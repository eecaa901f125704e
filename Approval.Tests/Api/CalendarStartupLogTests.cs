using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api;

/// <summary>The start-up log says which calendar years were refused, which are provisional, and from 1 November that next year is awaited.</summary>
public class CalendarStartupLogTests
{
    private sealed class Lines : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Logged { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Writer(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Writer(Lines lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Logged.Enqueue((category, logLevel, formatter(state, exception)));
        }
    }

    private sealed class StartedOn(DateTimeOffset now, Lines lines) : ApprovalApiFactoryBase
    {
        protected override void Configure(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
            services.AddSingleton<ILoggerProvider>(lines);
        }
    }

    private static async Task<List<(LogLevel Level, string Message)>> StartAsync(DateTimeOffset now)
    {
        var lines = new Lines();
        await using var factory = new StartedOn(now, lines);
        using var client = factory.CreateClient();
        return [.. lines.Logged.Where(l => l.Category == "Approval.Calendar").Select(l => (l.Level, l.Message))];
    }

    [Test]
    public async Task In_november_the_start_up_log_warns_that_next_year_is_provisional_and_names_the_refused_placeholder()
    {
        var logged = await StartAsync(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.That(logged, Has.Some.Matches<(LogLevel Level, string Message)>(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Calendar year 2027 refused", StringComparison.Ordinal)));
        Assert.That(logged, Has.Some.Matches<(LogLevel Level, string Message)>(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Calendar not ready for 2027", StringComparison.Ordinal)));
        Assert.That(logged, Has.Some.Matches<(LogLevel Level, string Message)>(l => l.Message.Contains("2027, 2028", StringComparison.Ordinal)));
    }

    [Test]
    public async Task In_june_the_start_up_log_does_not_warn_of_next_year()
    {
        var logged = await StartAsync(new DateTimeOffset(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(8)));
        Assert.That(logged.Select(l => l.Message), Has.None.StartsWith("Calendar not ready"));
    }
}

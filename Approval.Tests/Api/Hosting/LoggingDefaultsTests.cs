using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Approval.Tests.Api.Hosting;

/// <summary>
/// What a newcomer's console shows after <c>dotnet run --project Approval.Api</c>: the application's own start-up lines, then
/// the "running at" banner last — no SQL statement, no Hangfire or host chatter after it — in every environment, read from
/// the application's real appsettings files. SQL comes back when someone asks for it.
/// </summary>
[TestFixture("Development")]
[TestFixture("Production")]
public class LoggingDefaultsTests(string environment)
{
    private sealed class In(string environment, IReadOnlyDictionary<string, string> settings) : ApprovalApiFactoryBase
    {
        protected override IReadOnlyDictionary<string, string> Settings => settings;

        protected override string EnvironmentName => environment;
    }

    private const string SqlCommands = "Microsoft.EntityFrameworkCore.Database.Command";

    private static ILogger Logger(In app, string category) => app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    [Test]
    public async Task Sql_statements_are_not_logged_unless_asked_for()
    {
        await using var app = new In(environment, new Dictionary<string, string>());
        Assert.That(Logger(app, SqlCommands).IsEnabled(LogLevel.Information), Is.False, "a statement executed is logged at Information");
        Assert.That(Logger(app, SqlCommands).IsEnabled(LogLevel.Warning), Is.True, "EF Core's warnings still show");
    }

    [Test]
    public async Task Sql_statements_are_logged_when_the_setting_asks_for_them()
    {
        await using var app = new In(environment, new Dictionary<string, string> { [$"Logging:LogLevel:{SqlCommands}"] = "Information" });
        Assert.That(Logger(app, SqlCommands).IsEnabled(LogLevel.Information), Is.True);
    }

    [Test]
    public async Task The_framework_says_nothing_after_the_banner_and_the_application_still_logs_its_start()
    {
        await using var app = new In(environment, new Dictionary<string, string>());
        // The lines that came after "Approval is running at …": the host's "Application started. Press Ctrl+C …", the
        // Hangfire server's start, the SQL of the first sweeps.
        foreach (var category in (string[])["Microsoft.Hosting.Lifetime", "Hangfire.Server.BackgroundServerProcess", "Microsoft.EntityFrameworkCore.Database.Connection"])
            Assert.That(Logger(app, category).IsEnabled(LogLevel.Information), Is.False, category);
        Assert.That(Logger(app, "Approval.Calendar").IsEnabled(LogLevel.Information), Is.True, "the calendar's readiness is still said at start");
    }
}

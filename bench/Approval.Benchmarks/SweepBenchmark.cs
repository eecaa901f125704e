using System.Diagnostics;
using System.Text.Json.Nodes;
using Approval.Api.Engine;
using Approval.Api.Hosting;
using Approval.Api.Notifications;
using Approval.Api.Persistence;
using Approval.Api.DemoData;
using Approval.Api.Supervision;
using Approval.Engine.Hosting;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Benchmarks;

/// <summary>
/// The deadline sweep (<see cref="DeadlineJobs.RunAsync"/>, what Hangfire runs every minute and at each case's next
/// threshold) over a database of <c>open</c> cases of which only <c>crossing</c> reach a threshold at the instant swept.
/// The crossing cohort is real: 企业设立登记 cases submitted and accepted through the domain's own steps on one day,
/// so they cross each of their thresholds (提示, 黄牌, 红牌 of the case and of its parallel tasks) together. The other
/// open cases are copies of one such case accepted months later: real rows in every index, none due during the run.
/// Each sweep is timed from its start to its last commit; the clock then moves to the cohort's next threshold.
/// </summary>
internal sealed class SweepBenchmark : IAsyncDisposable
{
    // A Monday in the calendar's range; the background cases are accepted a quarter later.
    private static readonly DateTimeOffset CohortDay = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset BackgroundDay = CohortDay.AddDays(120);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approval-bench", Guid.NewGuid().ToString("N"));
    private readonly BenchClock _clock = new(CohortDay);
    private readonly string? _postgres;
    private readonly string? _postgresDatabase;
    private ServiceProvider _services = null!;
    private IDbContextFactory<ApprovalDbContext> _contexts = null!;

    public SweepBenchmark(string? postgresServer)
    {
        if (postgresServer is null)
            return;
        _postgresDatabase = "approval_sweep_" + Guid.NewGuid().ToString("N")[..8];
        _postgres = new Npgsql.NpgsqlConnectionStringBuilder(postgresServer) { Database = _postgresDatabase }.ConnectionString;
        PostgresServer = postgresServer;
    }

    private string? PostgresServer { get; }

    public async Task SetUpAsync(int openCases, int crossing)
    {
        if (crossing < 1 || openCases <= crossing)
            throw new ArgumentException("there must be more open cases than crossing ones, and at least one crossing");
        var settings = _postgres is null
            ? new Dictionary<string, string?> { [DataDirectory.Key] = _folder }
            : new Dictionary<string, string?>
            {
                [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSql),
                [$"{DatabaseOptions.Section}:ConnectionString"] = _postgres,
            };
        if (_postgres is not null)
            await AdminAsync($"CREATE DATABASE \"{_postgresDatabase}\"");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(_clock)
            .AddLogging()
            .AddApprovalPersistence(configuration)
            .AddApprovalEngine()
            .AddApprovalDomain(configuration)
            .AddApprovalSupervision()
            .AddApprovalNotifications(configuration)
            // Hangfire's wake-ups are not what is measured: the sweep finds what is due in the database itself.
            .AddSingleton<IWorkflowTimerScheduler>(QuietSimulation.Instance)
            .AddSingleton<IDeadlineAlarms>(QuietSimulation.Instance)
            .AddSingleton<Approval.Workflows.Notifications.INotificationOutbox>(QuietSimulation.Instance)
            .BuildServiceProvider();
        await _services.MigrateApprovalDatabaseAsync();
        _contexts = _services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        var runtime = _services.GetRequiredService<WorkflowRuntime>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "workflows"), "*.json"))
        {
            var saved = await runtime.SaveDefinitionAsync(await File.ReadAllTextAsync(file), file);
            if (!saved.Succeeded)
                throw new InvalidOperationException($"{file}: {string.Join("; ", saved.Errors)}");
        }
        await _services.GetRequiredService<DemoCatalogSeed>().SeedAsync(CancellationToken.None);

        for (var i = 0; i < crossing; i++)
            await SubmitAndAcceptAsync($"cohort-{i}");
        _clock.Now = BackgroundDay;
        var template = await SubmitAndAcceptAsync("background");
        await CopyCaseAsync(template, openCases - crossing - 1);
    }

    /// <summary>
    /// Sweeps at each of the cohort's thresholds in turn (at most <paramref name="sweeps"/>): per sweep, the clocks
    /// found due and the milliseconds it took. Stops early when the next due instant is no longer the cohort's alone.
    /// </summary>
    public async Task<IReadOnlyList<(int Due, int Observed, double Milliseconds)>> MeasureAsync(int crossing, int sweeps)
    {
        var results = new List<(int, int, double)>();
        for (var s = 0; s < sweeps; s++)
        {
            await using (var db = await _contexts.CreateDbContextAsync())
            {
                var next = await db.Cases.Where(c => c.NextDeadlineAt != null).MinAsync(c => c.NextDeadlineAt);
                if (next is null || next >= BackgroundDay)
                    break;
                _clock.Now = next.Value;
            }
            var due = await DueCountAsync();
            if (due != crossing)
                break;
            var watch = Stopwatch.StartNew();
            await using (var scope = _services.CreateAsyncScope())
            {
                var sweep = await scope.ServiceProvider.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
                watch.Stop();
                results.Add((due, sweep.ClocksObserved, watch.Elapsed.TotalMilliseconds));
            }
        }
        return results;
    }

    /// <summary>The sweep when nothing is due: the cost of finding nothing among all the open clocks.</summary>
    public async Task<double> MeasureIdleAsync(int repeat)
    {
        // The morning the cohort was accepted: every threshold is still ahead.
        _clock.Now = CohortDay.AddHours(1);
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = _services.CreateAsyncScope();
            var sweep = await scope.ServiceProvider.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
            watch.Stop();
            if (sweep.ClocksObserved != 0)
                throw new InvalidOperationException("an idle sweep observed clocks");
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return ResultTable.Median(times);
    }

    public async Task<int> OpenCaseCountAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await db.Cases.CountAsync(c => c.NextDeadlineAt != null);
    }

    private async Task<int> DueCountAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var now = _clock.GetUtcNow();
        return await db.Cases.CountAsync(c => c.NextDeadlineAt != null && c.NextDeadlineAt <= now);
    }

    private async Task<string> SubmitAndAcceptAsync(string key)
    {
        var person = new Applicant(ApplicantKind.Person, "11010519491231002X", "张三", "13800000000");
        var form = new JsonObject
        {
            ["companyName"] = $"云浮市{key}科技有限公司", ["registeredCapital"] = 100, ["businessScope"] = "软件开发",
            ["address"] = "云浮市云城区建设北路1号", ["legalRepresentativeId"] = person.IdNumber,
        };
        var submitted = await _services.GetRequiredService<CaseIntake>()
            .SubmitAsync(new Application(DemoCatalog.EnterpriseEstablishment.Code, person, form), "applicant", key, CancellationToken.None);
        await _services.GetRequiredService<WindowDesk>().AcceptAsync(submitted.Case.Id, Approval.Workflows.People.Actor.Clerk("clerk"), cancellationToken: CancellationToken.None);
        return submitted.Case.Id;
    }

    // One INSERT … SELECT: the copies differ from the template in their keys only.
    private async Task CopyCaseAsync(string templateId, int copies)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var entity = db.Model.FindEntityType(typeof(CaseRecord))!;
        var table = entity.GetTableName()!;
        var columns = entity.GetProperties().Select(p => p.GetColumnName()).ToList();
        string Copy(string column) => column is "Id" or "Number" or "QueryCode" ? $"t.\"{column}\" || '-' || n.i" : $"t.\"{column}\"";
        var sql = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies})
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {string.Join(", ", columns.Select(Copy))} FROM n, "{table}" t WHERE t."Id" = '{templateId}'
            """;
        await db.Database.ExecuteSqlRawAsync(sql);
        if (_postgres is not null)
        {
            var analyze = $"ANALYZE \"{table}\"";
            await db.Database.ExecuteSqlRawAsync(analyze);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Approval.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("run the benchmark from inside the repository (Approval.sln not found above the build output)");
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        if (_postgres is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await AdminAsync($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)");
        }
    }

    private sealed class BenchClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}

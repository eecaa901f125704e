using System.Diagnostics;
using System.Text.Json.Nodes;
using Approval.Api.DemoData;
using Approval.Api.Engine;
using Approval.Api.Hosting;
using Approval.Api.Notifications;
using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Benchmarks;

/// <summary>
/// Parallel review as it is meant to happen (issue #13): the six departments of 企业设立登记 give their opinions on the
/// same cases at the same moment from two nodes on one PostgreSQL database. The two nodes are two service providers
/// in this process, each with its own engine, EF Core context factory and connection pool, exactly as two hosts wire
/// them; what they share is the database, which is where the opinions collide. Every opinion must be answered without
/// an error, every case must end with six completed tasks and one process waiting for its decision, and the lead's
/// head then decides each case once.
/// </summary>
internal sealed class ParallelOpinionsBenchmark : IAsyncDisposable
{
    // A Monday in the calendar's range, the clock standing still: no deadline moves while the opinions are given.
    private static readonly DateTimeOffset Day = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] Departments = ["samr", "tax", "eco", "fire", "health", "hrss"];

    private readonly string _server;
    private readonly string _database = "approval_opinions_" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<ServiceProvider> _nodes = [];
    private readonly List<string> _cases = [];

    public ParallelOpinionsBenchmark(string postgresServer) => _server = postgresServer;

    public sealed record Result(int Cases, int Opinions, int Errors, long Retries, double Seconds, int Decided, IReadOnlyList<string> FirstErrors);

    public async Task SetUpAsync(int cases)
    {
        await AdminAsync($"CREATE DATABASE \"{_database}\"");
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
        for (var n = 0; n < 2; n++)
            _nodes.Add(Node(connection));
        await _nodes[0].MigrateApprovalDatabaseAsync();
        var runtime = _nodes[0].GetRequiredService<WorkflowRuntime>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "workflows"), "*.json"))
        {
            var saved = await runtime.SaveDefinitionAsync(await File.ReadAllTextAsync(file), file);
            if (!saved.Succeeded)
                throw new InvalidOperationException($"{file}: {string.Join("; ", saved.Errors)}");
        }
        await _nodes[0].GetRequiredService<DemoCatalogSeed>().SeedAsync(CancellationToken.None);
        var intake = _nodes[0].GetRequiredService<CaseIntake>();
        var window = _nodes[0].GetRequiredService<WindowDesk>();
        var person = new Applicant(ApplicantKind.Person, "11010519491231002X", "张三", "13800000000");
        for (var i = 0; i < cases; i++)
        {
            var form = new JsonObject
            {
                ["companyName"] = $"云浮市并联{i}科技有限公司", ["registeredCapital"] = 100, ["businessScope"] = "软件开发",
                ["address"] = "云浮市云城区建设北路1号", ["legalRepresentativeId"] = person.IdNumber,
            };
            var submitted = await intake.SubmitAsync(new Application(DemoCatalog.EnterpriseEstablishment.Code, person, form), "applicant", $"bench-{i}", CancellationToken.None);
            var accepted = await window.AcceptAsync(submitted.Case.Id, Actor.Clerk("clerk", "w01"), cancellationToken: CancellationToken.None);
            if (accepted.Tasks.Count != Departments.Length)
                throw new InvalidOperationException($"case {accepted.Id} opened {accepted.Tasks.Count} reviews, not six");
            _cases.Add(accepted.Id);
        }
    }

    /// <summary>
    /// All six opinions of <paramref name="inFlight"/> cases at a time are started together, departments alternating
    /// between the two nodes; a case's slot is taken by the next case once its six are answered.
    /// </summary>
    public async Task<Result> RunAsync(int inFlight)
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var next = -1;
        long retries = 0;
        // The steps that lost a race and were re-run: proof that the opinions really collided.
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CaseCommands.MeterName && instrument.Name == CaseCommands.RetriesInstrument)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref retries, value));
        listener.Start();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < _cases.Count; i = Interlocked.Increment(ref next))
            {
                var caseId = _cases[i];
                var tasks = await TasksAsync(caseId);
                await Task.WhenAll(Departments.Select(async (department, d) =>
                {
                    try
                    {
                        await Task.Yield();
                        await _nodes[d % 2].GetRequiredService<DepartmentDesk>().GiveOpinionAsync(caseId, tasks[department],
                            Actor.Reviewer($"{department}-reviewer", department), Verdict.Approve, null, CancellationToken.None);
                    }
                    catch (Exception ex) when (ex is CaseConflictException or CaseRuleException or DbUpdateException or Npgsql.NpgsqlException)
                    {
                        errors.Enqueue($"{caseId} {department}: {ex.GetType().Name}: {ex.Message}");
                    }
                }));
            }
        }));
        watch.Stop();
        listener.Dispose();
        await VerifyAsync(errors);
        var decided = 0;
        var head = Actor.Head("samr-head", "samr");
        foreach (var caseId in _cases)
        {
            try
            {
                if ((await _nodes[decided % 2].GetRequiredService<DepartmentDesk>().DecideAsync(caseId, head, null, null, CancellationToken.None)).Status == CaseStatus.Decided)
                    decided++;
            }
            catch (CaseRuleException ex)
            {
                errors.Enqueue($"{caseId} decision: {ex.Message}");
            }
        }
        return new Result(_cases.Count, _cases.Count * Departments.Length, errors.Count, Interlocked.Read(ref retries), watch.Elapsed.TotalSeconds, decided, [.. errors.Take(5)]);
    }

    // Every case: six completed tasks, six opinion lines, one process waiting at its decision and nothing else.
    private async Task VerifyAsync(System.Collections.Concurrent.ConcurrentQueue<string> errors)
    {
        await using var session = await _nodes[0].GetRequiredService<ICaseSessions>().OpenAsync();
        foreach (var caseId in _cases)
        {
            var @case = (await session.FindAsync(caseId))!;
            var instance = (await session.FindInstanceAsync(caseId))!;
            if (@case.Tasks.Count(t => t.Status == Approval.Workflows.Cases.TaskStatus.Completed) != Departments.Length
                || @case.Timeline.Count(e => e.Action == CaseAction.OpinionGiven) != Departments.Length
                || instance.Bookmarks.Count != 1 || instance.Bookmarks[0].Name != "decision")
                errors.Enqueue($"{caseId}: {@case.Tasks.Count(t => t.Opinion is not null)} opinions, bookmarks {string.Join(",", instance.Bookmarks.Select(b => b.Name))}");
        }
    }

    private async Task<Dictionary<string, string>> TasksAsync(string caseId)
    {
        await using var session = await _nodes[0].GetRequiredService<ICaseSessions>().OpenAsync();
        return (await session.FindAsync(caseId))!.Tasks.ToDictionary(t => t.DepartmentCode, t => t.Id);
    }

    private static ServiceProvider Node(string connection)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSql),
            [$"{DatabaseOptions.Section}:ConnectionString"] = connection,
        }).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FixedClock(Day))
            .AddLogging()
            .AddApprovalPersistence(configuration)
            .AddApprovalEngine()
            .AddApprovalDomain(configuration)
            .AddApprovalNotifications(configuration)
            // No Hangfire here: timers and the outbox are not what is measured.
            .AddSingleton<IWorkflowTimerScheduler>(QuietSimulation.Instance)
            .AddSingleton<IDeadlineAlarms>(QuietSimulation.Instance)
            .AddSingleton<Approval.Workflows.Notifications.INotificationOutbox>(QuietSimulation.Instance)
            .BuildServiceProvider();
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
        await using var connection = new Npgsql.NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}

using System.Diagnostics;
using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Benchmarks;

/// <summary>
/// The reference process on the EF Core store over a SQLite file, as the application configures it (write-ahead
/// log). Every start and every resume is committed before it counts as done. Two ways of driving it:
/// <list type="bullet">
/// <item><see cref="MeasureRuntimeAsync"/>: <see cref="WorkflowRuntime"/> as the API calls it, one transaction per call
/// (load the instance, run, save).</item>
/// <item><see cref="MeasureGroupCommitAsync"/>: a host that takes requests in groups: it loads the group's instances in
/// one query, runs each, and saves all of them in one transaction (one commit, one fsync), answering every request
/// of the group only after that commit.</item>
/// </list>
/// </summary>
internal sealed class SqliteBenchmark : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approval-bench", Guid.NewGuid().ToString("N"));
    private ServiceProvider? _services;
    private WorkflowRuntime _runtime = null!;
    private WorkflowEngine _engine = null!;
    private IDbContextFactory<ApprovalDbContext> _contexts = null!;

    public async Task SetUpAsync(bool recordLog)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DataDirectory.Key] = _folder })
            .Build();
        _services = new ServiceCollection().AddApprovalPersistence(configuration).BuildServiceProvider();
        await _services.MigrateApprovalDatabaseAsync();
        _contexts = _services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        var store = _services.GetRequiredService<EfWorkflowStore>();
        _engine = ReferenceProcess.Engine(recordLog);
        _runtime = new WorkflowRuntime(_engine, store, store, Approval.Api.DemoData.QuietSimulation.Instance);
        var saved = await _runtime.SaveDefinitionAsync(ReferenceProcess.Json(), "reference-process.json");
        if (!saved.Succeeded)
            throw new InvalidOperationException(string.Join("; ", saved.Errors));
    }

    /// <summary>SQLite's durability setting on the benchmark's connections (2 = FULL: the log is synced at every commit).</summary>
    public async Task<long> SynchronousModeAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Complete instances per second through <see cref="WorkflowRuntime"/>, on <paramref name="callers"/> concurrent callers.</summary>
    public async Task<double> MeasureRuntimeAsync(int instances, int callers)
    {
        var remaining = instances;
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
                await RunOneThroughRuntimeAsync();
        })));
        return instances / elapsed.Elapsed.TotalSeconds;
    }

    private async Task RunOneThroughRuntimeAsync()
    {
        var started = await _runtime.StartAsync("reference-process");
        WorkflowRun? last = null;
        foreach (var bookmark in started.Result.CreatedBookmarks)
        {
            last = await _runtime.ResumeAsync(started.Instance.Id, bookmark.Id, ReferenceProcess.ReviewResult);
            if (last.Result.Outcome != RunOutcome.Ran)
                throw new InvalidOperationException($"Resuming bookmark {bookmark.Id} answered {last.Result.Outcome}.");
        }
        if (last?.Instance.Status != WorkflowStatus.Finished)
            throw new InvalidOperationException($"Instance {started.Instance.Id} is {last?.Instance.Status}, not Finished.");
    }

    /// <summary>Complete instances per second when starts and resumes are committed <paramref name="groupSize"/> at a time.</summary>
    public async Task<double> MeasureGroupCommitAsync(int instances, int groupSize, int hosts)
    {
        var published = await _runtime.PublishedAsync("reference-process");
        var remaining = instances;
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, hosts).Select(_ => Task.Run(async () =>
        {
            int take;
            while ((take = Math.Min(groupSize, Interlocked.Add(ref remaining, -groupSize) + groupSize)) > 0)
                await RunGroupAsync(published, take);
        })));
        return instances / elapsed.Elapsed.TotalSeconds;
    }

    // One group of instances from start to finish: a commit for the group's starts, then one per round of resumes.
    private async Task RunGroupAsync(PublishedWorkflow published, int count)
    {
        var workflow = published.Workflow;
        var ids = new string[count];
        var bookmarks = new List<string>[count];
        await using (var db = await _contexts.CreateDbContextAsync())
        {
            for (var i = 0; i < count; i++)
            {
                var instance = _engine.CreateInstance(workflow);
                instance.DefinitionVersion = published.Version;
                var result = await _engine.StartAsync(workflow, instance);
                ids[i] = instance.Id;
                bookmarks[i] = [.. result.CreatedBookmarks.Select(b => b.Id)];
                await EfWorkflowStore.StageInsertAsync(db, instance, result, default);
            }
            await db.SaveChangesAsync(); // the group's starts are acknowledged from here on
        }
        for (var round = 0; round < ReferenceProcess.Departments; round++)
        {
            await using var db = await _contexts.CreateDbContextAsync();
            var rows = await db.Instances.Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.State, r.Revision }).ToListAsync();
            if (rows.Count != count)
                throw new InvalidOperationException($"Loaded {rows.Count} of {count} instances.");
            var index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var instance = WorkflowInstanceJson.Deserialize(row.State);
                instance.Revision = row.Revision;
                var result = await _engine.ResumeAsync(workflow, instance, bookmarks[index[row.Id]][round], ReferenceProcess.ReviewResult);
                if (result.Outcome != RunOutcome.Ran)
                    throw new InvalidOperationException($"A resume answered {result.Outcome}.");
                if (round == ReferenceProcess.Departments - 1 && instance.Status != WorkflowStatus.Finished)
                    throw new InvalidOperationException($"After every review the instance is {instance.Status}, not Finished.");
                await EfWorkflowStore.StageUpdateAsync(db, instance, result, default);
            }
            await db.SaveChangesAsync(); // this round's resumes are acknowledged from here on
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;

namespace Approval.Engine.Hosting;

/// <summary>What a runtime call did: the instance as saved and what the run changed.</summary>
public sealed record WorkflowRun(WorkflowInstance Instance, RunResult Result);

/// <summary>Saving a definition: the stored version, or the errors that refused it.</summary>
public sealed record DefinitionSaveResult(StoredDefinition? Stored, IReadOnlyList<DefinitionError> Errors)
{
    public bool Succeeded => Stored is not null;
}

/// <summary>
/// The engine with its stores: versions definitions, starts instances, and resumes them (by bookmark, event
/// name or due timer) with optimistic concurrency — a save that loses the race is retried on fresh state,
/// where a bookmark already resumed by the winner has no second effect.
/// </summary>
public sealed partial class WorkflowRuntime(
    WorkflowEngine engine,
    IWorkflowDefinitionStore definitions,
    IWorkflowInstanceStore instances,
    IWorkflowTimerScheduler timers)
{
    private const int MaxAttempts = 10;
    private readonly ConcurrentDictionary<(string, int), CompiledWorkflow> _compiled = new();

    public WorkflowEngine Engine => engine;

    /// <summary>Validates a definition and stores it as the next version of its definition id; publishes it if asked.</summary>
    public async Task<DefinitionSaveResult> SaveDefinitionAsync(string json, string? source = null, bool publish = true, CancellationToken cancellationToken = default)
    {
        var read = engine.CreateReader().Read(json, source);
        if (!read.Succeeded)
            return new DefinitionSaveResult(null, read.Errors);
        var definition = read.Definition!;
        var missing = await MissingSubWorkflowsAsync(definition, cancellationToken);
        if (missing.Count > 0)
            return new DefinitionSaveResult(null, missing);
        var latest = await definitions.FindLatestAsync(definition.DefinitionId, cancellationToken);
        var stored = new StoredDefinition(definition.DefinitionId, (latest?.Version ?? 0) + 1, definition.Name, json, false, engine.Time.GetUtcNow());
        await definitions.AddAsync(stored, cancellationToken);
        if (publish)
        {
            await definitions.PublishAsync(stored.DefinitionId, stored.Version, cancellationToken);
            stored = stored with { IsPublished = true };
        }
        return new DefinitionSaveResult(stored, []);
    }

    /// <summary>
    /// Publishes a stored version: new instances start on it. Only a version above the one in force may be published
    /// this way (the highest published version is the one in force); an older one comes back by <see cref="RollBackAsync"/>.
    /// </summary>
    public async Task<StoredDefinition> PublishAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var stored = await definitions.FindVersionAsync(definitionId, version, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No version {version} of workflow definition '{definitionId}'.");
        if (stored.IsPublished)
            return stored;
        var inForce = await definitions.FindPublishedAsync(definitionId, cancellationToken);
        if (inForce is not null && inForce.Version > version)
            throw new DefinitionVersionException($"version {inForce.Version} of '{definitionId}' is in force, newer than version {version}: roll back to it instead");
        await definitions.PublishAsync(definitionId, version, cancellationToken);
        return stored with { IsPublished = true };
    }

    /// <summary>
    /// Puts an older version back in force by storing its JSON again as the next version, published: versions only
    /// ever grow, so the history keeps which version ran when, and running instances keep theirs.
    /// </summary>
    public async Task<StoredDefinition> RollBackAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        var stored = await definitions.FindVersionAsync(definitionId, version, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No version {version} of workflow definition '{definitionId}'.");
        var inForce = await definitions.FindPublishedAsync(definitionId, cancellationToken);
        if (inForce?.Version == version)
            throw new DefinitionVersionException($"version {version} of '{definitionId}' is already the one in force");
        var saved = await SaveDefinitionAsync(stored.Json, $"{definitionId} version {version}", publish: true, cancellationToken);
        // It validated when it was stored; a version the engine no longer accepts (an activity type since removed) says why.
        return saved.Stored ?? throw new InvalidDefinitionException(saved.Errors);
    }

    /// <summary>Starts a new instance of the published version of a definition.</summary>
    public async Task<WorkflowRun> StartAsync(string definitionId, IReadOnlyDictionary<string, JsonNode?>? input = null,
        string? correlationId = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        var stored = await definitions.FindPublishedAsync(definitionId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No published version of workflow definition '{definitionId}'.");
        var workflow = Compile(stored);
        var instance = engine.CreateInstance(workflow, instanceId, input, correlationId);
        instance.DefinitionVersion = stored.Version;
        var result = await engine.StartAsync(workflow, instance, cancellationToken);
        await instances.InsertAsync(instance, result, cancellationToken);
        ScheduleTimers(instance, result);
        return await FollowSubWorkflowsAsync(new WorkflowRun(instance, result), cancellationToken);
    }

    /// <summary>Resumes one bookmark of an instance with an input.</summary>
    public Task<WorkflowRun> ResumeAsync(string instanceId, string bookmarkId, JsonNode? input = null, CancellationToken cancellationToken = default) =>
        WithRetriesAsync(instanceId, (workflow, instance) => engine.ResumeAsync(workflow, instance, bookmarkId, input, cancellationToken), cancellationToken);

    /// <summary>Resumes every bookmark of an instance answering to a name (an event or a task).</summary>
    public Task<WorkflowRun> ResumeByNameAsync(string instanceId, string name, JsonNode? input = null, CancellationToken cancellationToken = default) =>
        WithRetriesAsync(instanceId, (workflow, instance) => engine.ResumeByNameAsync(workflow, instance, name, input, cancellationToken), cancellationToken);

    /// <summary>Publishes an event: every instance waiting on it resumes. Returns the runs that happened.</summary>
    public async Task<IReadOnlyList<WorkflowRun>> PublishEventAsync(string eventName, JsonNode? input = null, CancellationToken cancellationToken = default)
    {
        var waiting = await instances.FindBookmarksByNameAsync(eventName, cancellationToken);
        var runs = new List<WorkflowRun>();
        foreach (var instanceId in waiting.Select(b => b.InstanceId).Distinct())
        {
            var run = await ResumeByNameAsync(instanceId, eventName, input, cancellationToken);
            if (run.Result.Outcome == RunOutcome.Ran)
                runs.Add(run);
        }
        return runs;
    }

    /// <summary>Fires the timers of an instance that are due (what a scheduled wake-up calls). Safe to call twice.</summary>
    public Task<WorkflowRun> FireTimerAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WithRetriesAsync(instanceId, (workflow, instance) => engine.FireDueTimersAsync(workflow, instance, cancellationToken), cancellationToken);

    /// <summary>Reconciliation: fires every due timer the store knows of, whether or not a wake-up arrived.</summary>
    public async Task<int> FireDueTimersAsync(int max = 1000, CancellationToken cancellationToken = default)
    {
        var due = await instances.FindDueTimersAsync(engine.Time.GetUtcNow(), max, cancellationToken);
        var fired = 0;
        foreach (var instanceId in due.Select(t => t.InstanceId).Distinct())
        {
            var run = await FireTimerAsync(instanceId, cancellationToken);
            if (run.Result.Outcome == RunOutcome.Ran)
                fired++;
        }
        return fired;
    }

    /// <summary>Retries the execution an incident stopped.</summary>
    public Task<WorkflowRun> RetryAsync(string instanceId, string incidentId, CancellationToken cancellationToken = default) =>
        WithRetriesAsync(instanceId, (workflow, instance) => engine.RetryAsync(workflow, instance, incidentId, cancellationToken), cancellationToken);

    /// <summary>Cancels an instance.</summary>
    public Task<WorkflowRun> CancelAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WithRetriesAsync(instanceId, (_, instance) => new ValueTask<RunResult>(engine.Cancel(instance)), cancellationToken);

    /// <summary>Loads an instance.</summary>
    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default) =>
        instances.FindAsync(instanceId, cancellationToken);

    /// <summary>The published version of a definition, compiled, with its stored version number.</summary>
    public async Task<PublishedWorkflow> PublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        var stored = await definitions.FindPublishedAsync(definitionId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"No published version of workflow definition '{definitionId}'.");
        return new PublishedWorkflow(Compile(stored), stored.Version);
    }

    /// <summary>Schedules wake-ups for the timers a run created (after the run was saved by someone else's unit of work).</summary>
    public void ScheduleTimersOf(WorkflowInstance instance, RunResult result) => ScheduleTimers(instance, result);

    /// <summary>The compiled version an instance runs on (it keeps its version when a newer one is published).</summary>
    public async Task<CompiledWorkflow> WorkflowOfAsync(WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        var stored = await definitions.FindVersionAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Version {instance.DefinitionVersion} of workflow definition '{instance.DefinitionId}' is missing.");
        return Compile(stored);
    }

    private async Task<WorkflowRun> WithRetriesAsync(string instanceId,
        Func<CompiledWorkflow, WorkflowInstance, ValueTask<RunResult>> step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var instance = await instances.FindAsync(instanceId, cancellationToken)
                ?? throw new WorkflowNotFoundException($"No workflow instance '{instanceId}'.");
            var workflow = await WorkflowOfAsync(instance, cancellationToken);
            var result = await step(workflow, instance);
            if (result.Outcome != RunOutcome.Ran)
                return new WorkflowRun(instance, result);
            try
            {
                await instances.UpdateAsync(instance, result, cancellationToken);
                ScheduleTimers(instance, result);
                return await FollowSubWorkflowsAsync(new WorkflowRun(instance, result), cancellationToken);
            }
            catch (WorkflowConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another node advanced the instance first: run again on its state.
            }
        }
    }

    private void ScheduleTimers(WorkflowInstance instance, RunResult result)
    {
        foreach (var bookmark in result.CreatedBookmarks)
        {
            if (bookmark.DueAt is { } dueAt)
                timers.Schedule(instance.Id, bookmark.Id, dueAt);
        }
    }

    private CompiledWorkflow Compile(StoredDefinition stored) =>
        _compiled.GetOrAdd((stored.DefinitionId, stored.Version), _ =>
            engine.Compile(engine.CreateReader().Read(stored.Json, $"{stored.DefinitionId} v{stored.Version}").GetOrThrow()));
}

/// <summary>A published definition version ready to run.</summary>
public sealed record PublishedWorkflow(CompiledWorkflow Workflow, int Version);

/// <summary>A definition, version or instance that does not exist.</summary>
public sealed class WorkflowNotFoundException(string message) : Exception(message);

/// <summary>A publish or roll back that the versions in force do not allow (the message says why).</summary>
public sealed class DefinitionVersionException(string message) : Exception(message);

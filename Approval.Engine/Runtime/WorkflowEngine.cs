using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;

namespace Approval.Engine.Runtime;

/// <summary>Settings of the engine.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>Limits of the JavaScript sandbox.</summary>
    public JavaScriptLimits JavaScript { get; set; } = new();

    /// <summary>Whether runs collect an execution log (the store persists it).</summary>
    public bool RecordExecutionLog { get; set; } = true;

    /// <summary>Where <c>Elsa.WriteLine</c> writes; nowhere by default.</summary>
    public TextWriter Console { get; set; } = TextWriter.Null;
}

/// <summary>
/// Starts, resumes and retries workflow instances in memory. Stateless apart from its settings: the caller
/// loads the instance, calls the engine, and saves the instance with the returned <see cref="RunResult"/>.
/// </summary>
public sealed class WorkflowEngine(ActivityRegistry registry, TimeProvider time, WorkflowEngineOptions? options = null)
{
    private readonly WorkflowEngineOptions _options = options ?? new WorkflowEngineOptions();

    public ActivityRegistry Registry => registry;

    public TimeProvider Time => time;

    /// <summary>A reader that validates against this engine's activity types.</summary>
    public WorkflowDefinitionReader CreateReader() => new(registry);

    /// <summary>Prepares a definition to run. Cache the result per definition version.</summary>
    public CompiledWorkflow Compile(WorkflowDefinition definition) => new(definition, registry);

    /// <summary>A new instance of a workflow, not yet started.</summary>
    public WorkflowInstance CreateInstance(CompiledWorkflow workflow, string? instanceId = null,
        IReadOnlyDictionary<string, JsonNode?>? input = null, string? correlationId = null)
    {
        var now = time.GetUtcNow();
        var definition = workflow.Definition;
        var instance = new WorkflowInstance
        {
            Id = instanceId ?? WorkflowIds.NewId(now),
            DefinitionId = definition.DefinitionId,
            DefinitionVersionId = definition.Id,
            DefinitionVersion = definition.Version,
            CorrelationId = correlationId,
            CreatedAt = now,
            UpdatedAt = now,
            Status = WorkflowStatus.Running,
        };
        foreach (var variable in definition.Variables)
            instance.Variables[variable.Name] = Values.Typed(variable.TypeName, variable.InitialValue?.DeepClone());
        if (input is not null)
        {
            foreach (var (name, value) in input)
                instance.Input[name] = value?.DeepClone();
        }
        return instance;
    }

    /// <summary>Runs a new instance from its start activity until it finishes or waits.</summary>
    public ValueTask<RunResult> StartAsync(CompiledWorkflow workflow, WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        if (instance.Scopes.Count > 0 || instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
            return new(RunResult.Refused(RunOutcome.NotRunnable, instance.Status));
        var run = NewRun(workflow, instance, cancellationToken);
        run.Begin();
        return run.RunAsync();
    }

    /// <summary>Resumes one bookmark. A bookmark resumed before answers <see cref="RunOutcome.AlreadyResumed"/> and does nothing.</summary>
    public ValueTask<RunResult> ResumeAsync(CompiledWorkflow workflow, WorkflowInstance instance, string bookmarkId,
        JsonNode? input = null, CancellationToken cancellationToken = default)
    {
        var bookmark = PendingBookmark(instance, bookmarkId);
        if (bookmark is null)
        {
            var outcome = instance.ResumedBookmarkIds.Contains(bookmarkId) ? RunOutcome.AlreadyResumed : RunOutcome.NotFound;
            return new(RunResult.Refused(outcome, instance.Status));
        }
        if (instance.Status != WorkflowStatus.Suspended)
            return new(RunResult.Refused(RunOutcome.NotRunnable, instance.Status));
        var run = NewRun(workflow, instance, cancellationToken);
        run.Deliver(bookmark, input);
        return run.RunAsync();
    }

    /// <summary>Resumes every bookmark answering to <paramref name="name"/> (an event or task name), in creation order.</summary>
    public ValueTask<RunResult> ResumeByNameAsync(CompiledWorkflow workflow, WorkflowInstance instance, string name,
        JsonNode? input = null, CancellationToken cancellationToken = default)
    {
        var matching = instance.Bookmarks.Where(b => b.Name == name && b.DueAt is null).ToList();
        return DeliverAll(workflow, instance, matching, input, cancellationToken);
    }

    /// <summary>Fires every timer bookmark due at or before the clock's now, earliest first. A timer fires once.</summary>
    public ValueTask<RunResult> FireDueTimersAsync(CompiledWorkflow workflow, WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var due = instance.Bookmarks.Where(b => b.DueAt <= now).OrderBy(b => b.DueAt).ToList();
        return DeliverAll(workflow, instance, due, null, cancellationToken);
    }

    /// <summary>Retries the execution an incident stopped.</summary>
    public ValueTask<RunResult> RetryAsync(CompiledWorkflow workflow, WorkflowInstance instance, string incidentId, CancellationToken cancellationToken = default)
    {
        var incident = instance.Incidents.Find(i => i.Id == incidentId && i.ResolvedAt is null);
        if (incident is null)
            return new(RunResult.Refused(RunOutcome.NotFound, instance.Status));
        var run = NewRun(workflow, instance, cancellationToken);
        run.Retry(incident);
        return run.RunAsync();
    }

    /// <summary>
    /// A recorded correction: runs a completed activity again (see <see cref="InstanceRun.Reopen"/>); the instance
    /// must be waiting (suspended). Nothing is rewritten: the log shows what was cancelled and what ran again.
    /// </summary>
    /// <exception cref="WorkflowCorrectionException">The activity cannot be reopened, with the reason.</exception>
    public ValueTask<RunResult> ReopenAsync(CompiledWorkflow workflow, WorkflowInstance instance, string activityId, string reason,
        CancellationToken cancellationToken = default) =>
        ReopenAsync(workflow, instance, activityId, reason, iteration: null, cancellationToken);

    /// <summary>
    /// A correction inside a loop's body: reopens the activity in the iteration it ran in (<see cref="Bookmark.Iteration"/>
    /// of the wait it completed), or, with no iteration named, in the latest iteration still running in which it has run.
    /// </summary>
    /// <exception cref="WorkflowCorrectionException">The activity cannot be reopened, with the reason.</exception>
    public ValueTask<RunResult> ReopenAsync(CompiledWorkflow workflow, WorkflowInstance instance, string activityId, string reason, int? iteration,
        CancellationToken cancellationToken = default)
    {
        if (instance.Status != WorkflowStatus.Suspended)
            throw new WorkflowCorrectionException($"the workflow is {instance.Status}: only a waiting workflow can be corrected");
        var run = NewRun(workflow, instance, cancellationToken);
        run.Reopen(activityId, reason, iteration);
        return run.RunAsync();
    }

    /// <summary>Cancels an instance: nothing more will run, its bookmarks are gone.</summary>
    public RunResult Cancel(WorkflowInstance instance)
    {
        var result = new RunResult { Outcome = RunOutcome.Ran };
        foreach (var bookmark in instance.Bookmarks)
            result.BookmarkRemoved(bookmark);
        instance.Bookmarks.Clear();
        instance.Executions.Clear();
        instance.Scopes.Clear();
        instance.Status = WorkflowStatus.Cancelled;
        instance.FinishedAt = instance.UpdatedAt = time.GetUtcNow();
        result.Status = instance.Status;
        return result;
    }

    private ValueTask<RunResult> DeliverAll(CompiledWorkflow workflow, WorkflowInstance instance, List<Bookmark> bookmarks,
        JsonNode? input, CancellationToken cancellationToken)
    {
        if (bookmarks.Count == 0)
            return new(RunResult.Refused(RunOutcome.NothingToDo, instance.Status));
        if (instance.Status != WorkflowStatus.Suspended)
            return new(RunResult.Refused(RunOutcome.NotRunnable, instance.Status));
        var run = NewRun(workflow, instance, cancellationToken);
        foreach (var bookmark in bookmarks)
            run.Deliver(bookmark, input?.DeepClone());
        return run.RunAsync();
    }

    // A loop rather than List.Find: a predicate capturing the id would allocate on every resume.
    private static Bookmark? PendingBookmark(WorkflowInstance instance, string bookmarkId)
    {
        foreach (var bookmark in instance.Bookmarks)
        {
            if (bookmark.Id == bookmarkId)
                return bookmark;
        }
        return null;
    }

    private InstanceRun NewRun(CompiledWorkflow workflow, WorkflowInstance instance, CancellationToken cancellationToken) =>
        new(workflow, instance, new RunEnvironment(time, _options.Console, workflow, cancellationToken), _options.JavaScript, _options.RecordExecutionLog);
}

/// <summary>A correction that cannot be made as asked; nothing was changed.</summary>
public sealed class WorkflowCorrectionException(string message) : Exception(message);

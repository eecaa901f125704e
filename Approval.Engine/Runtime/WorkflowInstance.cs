using System.Text.Json.Nodes;

namespace Approval.Engine.Runtime;

/// <summary>Where an instance stands.</summary>
public enum WorkflowStatus
{
    /// <summary>Being executed right now (never persisted as such by a completed run).</summary>
    Running,
    /// <summary>Waiting on one or more bookmarks (events, tasks, timers).</summary>
    Suspended,
    /// <summary>Ran to completion.</summary>
    Finished,
    /// <summary>Stopped on an open incident; retrying the incident continues it.</summary>
    Faulted,
    /// <summary>Cancelled from outside; nothing more will run.</summary>
    Cancelled,
}

/// <summary>
/// The complete, serialisable state of one running workflow: variables, the flowchart scopes with their
/// tokens, live activity executions, bookmarks and incidents. The engine changes it; a store persists it.
/// </summary>
public sealed class WorkflowInstance
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionVersionId { get; set; }
    public int DefinitionVersion { get; set; }
    public WorkflowStatus Status { get; set; }
    public string? Name { get; set; }
    public string? CorrelationId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>For a sub-workflow, the instance whose activity started it; null for an instance started from outside.</summary>
    public string? ParentInstanceId { get; set; }

    /// <summary>Whether the parent waits for this instance to end (its activity resumes then with this instance's output).</summary>
    public bool ResumesParent { get; set; }

    /// <summary>How many parents stand above this instance: bounds definitions that call each other.</summary>
    public int SubWorkflowDepth { get; set; }

    /// <summary>Optimistic concurrency: the store bumps it on every save and refuses a stale one.</summary>
    public long Revision { get; set; }

    public Dictionary<string, JsonNode?> Input { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonNode?> Variables { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, JsonNode?> Output { get; set; } = new(StringComparer.Ordinal);

    public List<ScopeState> Scopes { get; set; } = [];
    public List<ActivityExecution> Executions { get; set; } = [];
    public List<Bookmark> Bookmarks { get; set; } = [];
    public List<Incident> Incidents { get; set; } = [];

    /// <summary>Ids of bookmarks already resumed, so a repeated resume is recognised and has no second effect.</summary>
    public List<string> ResumedBookmarkIds { get; set; } = [];

    /// <summary>Source of the small integer ids of scopes and executions.</summary>
    public int NextId { get; set; }

    /// <summary>The open incidents (unresolved faults).</summary>
    public IEnumerable<Incident> OpenIncidents => Incidents.Where(i => i.ResolvedAt is null);
}

/// <summary>A running flowchart: the tokens travelling its connections.</summary>
public sealed class ScopeState
{
    public int Id { get; set; }
    public required string FlowchartId { get; set; }

    /// <summary>The execution of the flowchart activity that opened this scope; null for the root.</summary>
    public int? OwnerExecutionId { get; set; }

    /// <summary>Unconsumed tokens, by connection index within the flowchart, in arrival order.</summary>
    public List<int> Tokens { get; set; } = [];

    /// <summary>For one iteration of a loop's body (<c>Elsa.ForEach</c>, <c>Elsa.For</c>, <c>Elsa.ParallelForEach</c>): its
    /// position, from 0; null for every other scope (and in instances stored before loops ran).</summary>
    public int? Iteration { get; set; }

    /// <summary>
    /// Variables local to this scope, which shadow the workflow's for everything running inside it: an iteration's
    /// <c>CurrentValue</c> and <c>CurrentIndex</c>, so parallel iterations never see each other's. Null when there are none.
    /// </summary>
    public Dictionary<string, JsonNode?>? Locals { get; set; }
}

/// <summary>What an activity execution is doing.</summary>
public enum ExecutionState
{
    /// <summary>Queued to run (or to resume).</summary>
    Scheduled,
    /// <summary>Waiting on a bookmark.</summary>
    Suspended,
    /// <summary>A container whose child flowchart is running.</summary>
    Running,
    /// <summary>Threw; an incident is open for it.</summary>
    Faulted,
}

/// <summary>One live execution of an activity; completed executions are gone (they are in the log).</summary>
public sealed class ActivityExecution
{
    public int Id { get; set; }
    public int ScopeId { get; set; }
    public required string ActivityId { get; set; }
    public ExecutionState State { get; set; }

    /// <summary>Set when the execution is scheduled to resume from a bookmark.</summary>
    public string? ResumingBookmarkId { get; set; }

    /// <summary>The input delivered with the resume.</summary>
    public JsonNode? ResumeInput { get; set; }

    /// <summary>The name of the bookmark being resumed (event or task name).</summary>
    public string? ResumingBookmarkName { get; set; }

    /// <summary>The bookmark payload being resumed.</summary>
    public JsonNode? ResumingBookmarkPayload { get; set; }

    /// <summary>For a running loop activity: where it stands (its iterations are the scopes it owns).</summary>
    public LoopState? Loop { get; set; }
}

/// <summary>
/// A running loop's state. Its inputs are evaluated once, when it starts (as Elsa does): <see cref="Items"/> for
/// <c>Elsa.ForEach</c>, the range for <c>Elsa.For</c>. A <c>Elsa.ParallelForEach</c> opens every iteration at once and keeps
/// nothing but <see cref="Parallel"/>: it completes when it owns no iteration any more.
/// </summary>
public sealed class LoopState
{
    /// <summary>The items still to be visited from <see cref="Index"/> on (ForEach); null for a For.</summary>
    public JsonArray? Items { get; set; }

    /// <summary>How many iterations have started.</summary>
    public int Index { get; set; }

    /// <summary>For: the first value, the bound, the step, whether the bound is included, and the value of the last iteration.</summary>
    public long Start { get; set; }
    public long End { get; set; }
    public long Step { get; set; }
    public bool Inclusive { get; set; }
    public long Current { get; set; }

    /// <summary>A ParallelForEach: its iterations run at once.</summary>
    public bool Parallel { get; set; }

    /// <summary>An <c>Elsa.Break</c> ended the current iteration: the loop completes instead of starting the next.</summary>
    public bool Broken { get; set; }
}

/// <summary>A point where an execution waits: resumed by id, by name (events, tasks) or by its due instant (timers).</summary>
public sealed class Bookmark
{
    public required string Id { get; set; }
    public int ExecutionId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityType { get; set; }

    /// <summary>The event or task name the bookmark answers to, if any.</summary>
    public string? Name { get; set; }

    /// <summary>For timers: the instant the bookmark is due.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>Data the activity attached (e.g. a task's payload).</summary>
    public JsonNode? Payload { get; set; }

    /// <summary>Inside a loop's body: the innermost iteration the activity waits in (from 0), so that a correction of the
    /// step later reopens it in that iteration and not another's. Null outside loops (and in instances stored before).</summary>
    public int? Iteration { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A fault that stopped the instance, kept until it is retried or resolved.</summary>
public sealed class Incident
{
    public required string Id { get; set; }
    public int? ExecutionId { get; set; }
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public required string Message { get; set; }
    public string? ExceptionType { get; set; }
    public IncidentKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>Why an incident was raised.</summary>
public enum IncidentKind
{
    /// <summary>An activity threw (or an expression failed, looped or ran out of limits).</summary>
    ActivityFault,
    /// <summary>An <c>Elsa.Fault</c> activity ran.</summary>
    WorkflowFault,
    /// <summary>A join can never run: a branch it requires was not taken and nothing can take it any more.</summary>
    Deadlock,
}

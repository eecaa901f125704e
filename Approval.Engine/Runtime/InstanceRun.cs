using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Engine.Flowcharts;

namespace Approval.Engine.Runtime;

/// <summary>
/// The interpreter: runs one instance until nothing more can run now. Work is a FIFO queue of scheduled
/// executions; when an activity completes, tokens go out on the connections of the ports it took, and
/// <see cref="JoinRules"/> decides which targets run. Read top to bottom: Run, Step, Apply, Complete, Settle.
/// </summary>
internal sealed partial class InstanceRun
{
    private readonly CompiledWorkflow _workflow;
    private readonly WorkflowInstance _instance;
    private readonly RunEnvironment _environment;
    private readonly ActivityContext _context;
    private readonly RunResult _result;

    public InstanceRun(CompiledWorkflow workflow, WorkflowInstance instance, RunEnvironment environment, JavaScriptLimits limits, bool recordLog)
    {
        _workflow = workflow;
        _instance = instance;
        _environment = environment;
        _context = new ActivityContext(limits, environment);
        _result = new RunResult { RecordLog = recordLog };
    }

    private DateTimeOffset Now => _environment.Time.GetUtcNow();

    /// <summary>Opens the root scope and schedules its start activity.</summary>
    public void Begin()
    {
        var scope = NewScope(_workflow.Definition.Root.Id, owner: null);
        var graph = _workflow.Graph(scope.FlowchartId);
        if (graph.StartIndex >= 0)
            Schedule(scope, graph.Activities[graph.StartIndex].Id);
        else
            CompleteScope(scope);
    }

    /// <summary>Schedules the execution waiting on a bookmark to resume with the given input.</summary>
    public void Deliver(Bookmark bookmark, JsonNode? input)
    {
        _instance.Bookmarks.Remove(bookmark);
        _instance.ResumedBookmarkIds.Add(bookmark.Id);
        _result.BookmarkRemoved(bookmark);
        var execution = FindExecution(bookmark.ExecutionId)
            ?? throw new InvalidOperationException($"Bookmark {bookmark.Id} belongs to no live execution.");
        // The queue is the order of Executions: a resumed execution goes to the back, behind earlier deliveries.
        _instance.Executions.Remove(execution);
        _instance.Executions.Add(execution);
        execution.State = ExecutionState.Scheduled;
        execution.ResumingBookmarkId = bookmark.Id;
        execution.ResumingBookmarkName = bookmark.Name;
        execution.ResumingBookmarkPayload = bookmark.Payload;
        execution.ResumeInput = input;
        Log(execution, ExecutionEvent.Resumed, bookmark.Name);
    }

    /// <summary>Reschedules the execution an incident stopped.</summary>
    public void Retry(Incident incident)
    {
        incident.ResolvedAt = Now;
        if (incident.ExecutionId is { } id && FindExecution(id) is { State: ExecutionState.Faulted } execution)
            execution.State = ExecutionState.Scheduled;
    }

    public async ValueTask<RunResult> RunAsync()
    {
        _instance.Status = WorkflowStatus.Running;
        while (_instance.Status == WorkflowStatus.Running && NextScheduled() is { } execution)
            await StepAsync(execution);
        if (_instance.Status == WorkflowStatus.Running)
            Settle();
        _instance.UpdatedAt = Now;
        _result.Status = _instance.Status;
        return _result;
    }

    private ActivityExecution? NextScheduled()
    {
        foreach (var execution in _instance.Executions)
        {
            if (execution.State == ExecutionState.Scheduled)
                return execution;
        }
        return null;
    }

    private async ValueTask StepAsync(ActivityExecution execution)
    {
        var scope = ScopeOf(execution);
        var graph = _workflow.Graph(scope.FlowchartId);
        var index = graph.IndexOf(execution.ActivityId);
        var node = graph.Activities[index];
        var resuming = execution.ResumingBookmarkId is not null;

        if (!resuming && graph.Types[index] is Structured.LoopActivity loop)
        {
            BeginLoop(execution, scope, graph, index, loop);
            return;
        }

        if (!resuming && (node.Type == BuiltInTypes.Flowchart ? node : _workflow.BodyOf(node.Id)) is { } flowchart)
        {
            OpenChildScope(execution, flowchart);
            return;
        }

        _context.Enter(_instance, _workflow.Definition, graph, index, execution);
        ActivityResult result;
        try
        {
            result = resuming ? await graph.Types[index].ResumeAsync(_context) : await graph.Types[index].ExecuteAsync(_context);
        }
        catch (OperationCanceledException) when (_environment.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Any failure of an activity, its expressions or its sandbox limits becomes a visible, retryable incident;
            // what it staged before failing is dropped with it (a retry stages it again).
            _context.TakeStaged();
            Fault(execution, node, IncidentKind.ActivityFault, ex.Message, ex.GetType().Name);
            return;
        }
        if (_context.TakeStaged() is { } staged && result.Kind != ActivityResultKind.Fault)
            _result.Staged(staged);

        execution.ResumingBookmarkId = null;
        execution.ResumingBookmarkName = null;
        execution.ResumingBookmarkPayload = null;
        execution.ResumeInput = null;
        Apply(execution, scope, graph, index, result);
    }

    private void Apply(ActivityExecution execution, ScopeState scope, FlowGraph graph, int index, ActivityResult result)
    {
        var node = graph.Activities[index];
        switch (result.Kind)
        {
            case ActivityResultKind.Complete:
                Complete(execution, scope, graph, index, result);
                break;
            case ActivityResultKind.Suspend:
                execution.State = ExecutionState.Suspended;
                var createdAt = Now;
                var bookmark = new Bookmark
                {
                    Id = WorkflowIds.NewId(createdAt),
                    ExecutionId = execution.Id,
                    ActivityId = node.Id,
                    ActivityType = node.Type,
                    Name = result.BookmarkName,
                    DueAt = result.DueAt,
                    Payload = result.Payload,
                    CreatedAt = createdAt,
                    Iteration = IterationOf(scope),
                };
                _instance.Bookmarks.Add(bookmark);
                _result.BookmarkCreated(bookmark);
                Log(execution, ExecutionEvent.Suspended, result.BookmarkName ?? result.DueAt?.ToString("O"));
                break;
            case ActivityResultKind.EndFlowchart:
                RemoveExecution(execution, ExecutionEvent.Completed, null);
                CompleteScope(scope);
                break;
            case ActivityResultKind.CompleteWorkflow:
                RemoveExecution(execution, ExecutionEvent.Completed, null);
                while (_instance.Executions.Count > 0)
                    RemoveExecution(_instance.Executions[0], ExecutionEvent.Cancelled, "the workflow completed");
                _instance.Scopes.Clear();
                Finish();
                break;
            case ActivityResultKind.Fault:
                Fault(execution, node, IncidentKind.WorkflowFault, result.Message ?? "Fault", null);
                break;
            case ActivityResultKind.BreakLoop:
                if (InnermostLoop(scope) is { } loop)
                {
                    RemoveExecution(execution, ExecutionEvent.Completed, null);
                    if (loop.Iteration is not null && OwnerOf(loop)?.Loop is { } state)
                        state.Broken = true; // the iteration ends, and no other starts
                    CompleteScope(loop); // cancels what else runs in the loop, completes the loop activity
                }
                else
                {
                    Complete(execution, scope, graph, index, ActivityResult.Done);
                }
                break;
        }
    }

    private ScopeState? InnermostLoop(ScopeState scope)
    {
        for (ScopeState? current = scope; current is not null;)
        {
            var owner = OwnerOf(current);
            // A While's flowchart, or an iteration of a ForEach or a For (Elsa's ParallelForEach does not stop on a Break).
            if (_workflow.IsLoop(current.FlowchartId) || (current.Iteration is not null && owner?.Loop is { Parallel: false }))
                return current;
            current = owner is null ? null : ScopeOf(owner);
        }
        return null;
    }

    private void Complete(ActivityExecution execution, ScopeState scope, FlowGraph graph, int index, ActivityResult result)
    {
        RemoveExecution(execution, ExecutionEvent.Completed, OutcomeForLog(result));
        foreach (var connection in graph.Outbound[index])
        {
            if (result.Takes(graph.Connections[connection].SourcePort))
                scope.Tokens.Add(connection);
        }
        ScheduleReadyTargets(scope, graph);
        if (IsIdle(scope))
            CompleteScope(scope);
    }

    // Runs every target whose join rule is satisfied; repeats because a Race that cancels upstream work
    // can release a Stream join waiting on that work. Stream joins are decided last, once every token that
    // runs its target unconditionally has done so: a branch turning back round a loop is then live work.
    private void ScheduleReadyTargets(ScopeState scope, FlowGraph graph)
    {
        while (FireOne(scope, graph, streamJoins: false) || FireOne(scope, graph, streamJoins: true))
        {
        }
    }

    private bool FireOne(ScopeState scope, FlowGraph graph, bool streamJoins)
    {
        for (var i = 0; i < scope.Tokens.Count; i++)
        {
            var target = graph.ConnectionTarget[scope.Tokens[i]];
            var mode = graph.Modes[target];
            if (JoinRules.WaitsForLiveWork(graph, target, mode) != streamJoins)
                continue;
            var decision = JoinRules.Decide(graph, target, mode, scope.Tokens, new LiveWork(graph, scope, _instance.Executions));
            if (decision.Action == JoinAction.Wait)
                continue;
            Consume(scope, graph, target, decision);
            if (decision.CancelAncestors)
                CancelAncestors(scope, graph, target);
            Schedule(scope, graph.Activities[target].Id);
            return true;
        }
        return false;
    }

    // Plain loops over the tokens here and below: a predicate capturing the target would allocate on every step.
    private static void Consume(ScopeState scope, FlowGraph graph, int target, JoinDecision decision)
    {
        var tokens = scope.Tokens;
        switch (decision.Action)
        {
            case JoinAction.FireOne:
                tokens.RemoveAt(TokenTo(scope, graph, target));
                break;
            case JoinAction.FireAll:
                for (var i = tokens.Count - 1; i >= 0; i--)
                {
                    if (graph.ConnectionTarget[tokens[i]] == target)
                        tokens.RemoveAt(i);
                }
                break;
            case JoinAction.FireOnePerConnection:
                foreach (var connection in decision.Connections!)
                    scope.Tokens.Remove(connection);
                break;
        }
    }

    // WaitAny / Race: the first arrival wins; everything still alive upstream of the join is cancelled.
    private void CancelAncestors(ScopeState scope, FlowGraph graph, int target)
    {
        var ancestors = graph.Ancestors[target];
        var why = $"'{graph.Activities[target].DisplayName}' continued on another branch";
        while (FirstExecutionAt(scope, graph, ancestors) is { } execution)
            RemoveExecution(execution, ExecutionEvent.Cancelled, why);
        for (var i = scope.Tokens.Count - 1; i >= 0; i--)
        {
            if (ancestors.Contains(graph.ConnectionTarget[scope.Tokens[i]]))
                scope.Tokens.RemoveAt(i);
        }
    }

    private bool IsIdle(ScopeState scope)
    {
        if (scope.Tokens.Count > 0)
            return false;
        foreach (var execution in _instance.Executions)
        {
            if (execution.ScopeId == scope.Id)
                return false;
        }
        return true;
    }

    // A flowchart is done: cancel what is left in it, then complete the activity that opened it (or the workflow).
    private void CompleteScope(ScopeState scope)
    {
        if (!_instance.Scopes.Contains(scope))
            return;
        while (FirstExecutionIn(scope.Id) is { } execution)
            RemoveExecution(execution, ExecutionEvent.Cancelled, "its flowchart ended");
        scope.Tokens.Clear();
        _instance.Scopes.Remove(scope);

        if (scope.OwnerExecutionId is not { } ownerId)
        {
            Finish();
            return;
        }
        var owner = FindExecution(ownerId);
        if (owner is null)
            return;
        if (owner.Loop is { } loop)
        {
            ContinueLoop(owner, loop);
            return;
        }
        var parent = ScopeOf(owner);
        var graph = _workflow.Graph(parent.FlowchartId);
        Complete(owner, parent, graph, graph.IndexOf(owner.ActivityId), ActivityResult.Done);
    }

    private void Finish()
    {
        _instance.Status = WorkflowStatus.Finished;
        _instance.FinishedAt = Now;
    }

    private void OpenChildScope(ActivityExecution execution, ActivityNode flowchart)
    {
        execution.State = ExecutionState.Running;
        var scope = NewScope(flowchart.Id, execution.Id);
        if (flowchart.Variables.Count > 0)
            scope.Locals = DeclaredLocals(flowchart);
        var graph = _workflow.Graph(flowchart.Id);
        if (graph.StartIndex >= 0)
            Schedule(scope, graph.Activities[graph.StartIndex].Id);
        else
            CompleteScope(scope);
    }

    // Nothing is scheduled any more: the instance waits on bookmarks, is finished, or is stuck at a join.
    private void Settle()
    {
        // Runs at the end of every run that does not finish, so it loops without LINQ: a WaitAll join waiting for
        // five more departments is looked at again on each of the first five resumes.
        foreach (var scope in _instance.Scopes)
        {
            var graph = _workflow.Graph(scope.FlowchartId);
            var live = new LiveWork(graph, scope, _instance.Executions);
            for (var t = 0; t < scope.Tokens.Count; t++)
            {
                var target = graph.ConnectionTarget[scope.Tokens[t]];
                var mode = graph.Modes[target];
                if (mode is not (MergeMode.Merge or MergeMode.Converge) || TokenTo(scope, graph, target) < t)
                    continue; // not a join that can deadlock, or a target already looked at
                var required = mode == MergeMode.Converge ? graph.Inbound[target] : graph.ForwardInbound[target];
                var missing = FirstMissingForever(scope, graph, target, required, live);
                if (missing < 0)
                    continue;
                var node = graph.Activities[target];
                var from = graph.Activities[graph.ConnectionSource[missing]];
                RaiseIncident(null, node, IncidentKind.Deadlock,
                    $"'{node.DisplayName}' ({mode}) can never run: it waits for '{from.DisplayName}' (port {graph.Connections[missing].SourcePort}), a branch that was not taken and can no longer be.",
                    null);
                _instance.Status = WorkflowStatus.Faulted;
                return;
            }
        }
        if (_instance.Status == WorkflowStatus.Running)
            _instance.Status = _instance.Scopes.Count == 0 ? WorkflowStatus.Finished : WorkflowStatus.Suspended;
    }

    // The first token to the target, by arrival.
    private static int TokenTo(ScopeState scope, FlowGraph graph, int target)
    {
        for (var i = 0; i < scope.Tokens.Count; i++)
        {
            if (graph.ConnectionTarget[scope.Tokens[i]] == target)
                return i;
        }
        return -1;
    }

    // The first connection a join requires that has no token and can never get one, or -1.
    private static int FirstMissingForever(ScopeState scope, FlowGraph graph, int target, int[] required, LiveWork live)
    {
        foreach (var connection in required)
        {
            if (!scope.Tokens.Contains(connection) && JoinRules.CanNeverArrive(graph, connection, target, live))
                return connection;
        }
        return -1;
    }

    private void Fault(ActivityExecution execution, ActivityNode node, IncidentKind kind, string message, string? exceptionType)
    {
        execution.State = ExecutionState.Faulted;
        Log(execution, ExecutionEvent.Faulted, message);
        RaiseIncident(execution.Id, node, kind, message, exceptionType);
        _instance.Status = WorkflowStatus.Faulted;
    }

    private void RaiseIncident(int? executionId, ActivityNode node, IncidentKind kind, string message, string? exceptionType)
    {
        var at = Now;
        var incident = new Incident
        {
            Id = WorkflowIds.NewId(at),
            ExecutionId = executionId,
            ActivityId = node.Id,
            ActivityType = node.Type,
            Message = message,
            ExceptionType = exceptionType,
            Kind = kind,
            At = at,
        };
        _instance.Incidents.Add(incident);
        _result.IncidentRaised(incident);
    }

    private void Schedule(ScopeState scope, string activityId) =>
        _instance.Executions.Add(new ActivityExecution { Id = ++_instance.NextId, ScopeId = scope.Id, ActivityId = activityId, State = ExecutionState.Scheduled });

    private ScopeState NewScope(string flowchartId, int? owner)
    {
        var scope = new ScopeState { Id = ++_instance.NextId, FlowchartId = flowchartId, OwnerExecutionId = owner };
        _instance.Scopes.Add(scope);
        return scope;
    }

    // Lookups in the instance's lists are plain loops: a predicate capturing the id would allocate on every call.
    // Where executions are removed one by one, the first match is looked up again each time, because removing one
    // can take others with it (a container takes its nested flowchart's).
    private ActivityExecution? FindExecution(int id)
    {
        foreach (var execution in _instance.Executions)
        {
            if (execution.Id == id)
                return execution;
        }
        return null;
    }

    private ActivityExecution? FirstExecutionIn(int scopeId)
    {
        foreach (var execution in _instance.Executions)
        {
            if (execution.ScopeId == scopeId)
                return execution;
        }
        return null;
    }

    private ActivityExecution? FirstExecutionAt(ScopeState scope, FlowGraph graph, ActivitySet activities)
    {
        foreach (var execution in _instance.Executions)
        {
            if (execution.ScopeId == scope.Id && activities.Contains(graph.IndexOf(execution.ActivityId)))
                return execution;
        }
        return null;
    }

    private ScopeState ScopeOf(ActivityExecution execution)
    {
        foreach (var scope in _instance.Scopes)
        {
            if (scope.Id == execution.ScopeId)
                return scope;
        }
        throw new InvalidOperationException($"Execution {execution.Id} has no scope {execution.ScopeId}.");
    }

    // Removes an execution with its bookmarks; a container takes its child flowchart with it.
    private void RemoveExecution(ActivityExecution execution, ExecutionEvent why, string? detail)
    {
        if (!_instance.Executions.Remove(execution))
            return;
        for (var i = _instance.Bookmarks.Count - 1; i >= 0; i--)
        {
            var bookmark = _instance.Bookmarks[i];
            if (bookmark.ExecutionId != execution.Id)
                continue;
            _instance.Bookmarks.RemoveAt(i);
            _result.BookmarkRemoved(bookmark);
        }
        if (execution.State == ExecutionState.Faulted)
        {
            foreach (var incident in _instance.Incidents)
            {
                if (incident.ExecutionId == execution.Id && incident.ResolvedAt is null)
                    incident.ResolvedAt = Now;
            }
        }
        while (ScopeOwnedBy(execution.Id) is { } child)
        {
            while (FirstExecutionIn(child.Id) is { } inner)
                RemoveExecution(inner, ExecutionEvent.Cancelled, detail);
            _instance.Scopes.Remove(child);
        }
        Log(execution, why, detail);
    }

    private ActivityExecution? OwnerOf(ScopeState scope) =>
        scope.OwnerExecutionId is { } owner ? FindExecution(owner) : null;

    private ScopeState? ScopeOwnedBy(int executionId)
    {
        foreach (var scope in _instance.Scopes)
        {
            if (scope.OwnerExecutionId == executionId)
                return scope;
        }
        return null;
    }

    // Only the log shows which ports an activity took: a fork's list is joined only when the log is kept.
    private string? OutcomeForLog(ActivityResult result) =>
        _result.RecordLog ? result.Outcome ?? string.Join(",", result.MoreOutcomes ?? []) : null;

    private void Log(ActivityExecution execution, ExecutionEvent what, string? detail)
    {
        if (!_result.RecordLog)
            return;
        var type = _workflow.TypeOf(execution.ActivityId);
        _result.Record(new ExecutionLogEntry(Now, execution.Id, execution.ActivityId, type, what, detail));
    }
}

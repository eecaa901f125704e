using Approval.Engine.Definitions;
using Approval.Engine.Flowcharts;

namespace Approval.Engine.Runtime;

/// <summary>
/// Corrections: an administrator runs a completed activity again. Inside a loop's body the same activity exists once per
/// iteration still running, so the correction names the iteration (the one its wait was in), or it reopens the latest
/// iteration in which the activity has run: a reviewer's correction of the current round, never of a round already left.
/// </summary>
internal sealed partial class InstanceRun
{
    /// <summary>
    /// A correction: runs a completed activity again. What the activity led to and is still alive is cancelled, the
    /// tokens it (or what followed it) sent are withdrawn, and a WaitAll/Converge join the flow had already passed
    /// gets back the tokens of its other branches, so it waits for the reopened branch alone.
    /// </summary>
    /// <param name="iteration">Inside a loop's body, the iteration to reopen it in (the innermost loop's, from 0); null: the latest in which it ran.</param>
    /// <exception cref="WorkflowCorrectionException">The activity cannot be reopened, with the reason.</exception>
    public void Reopen(string activityId, string reason, int? iteration = null)
    {
        var scope = ScopeToReopenIn(activityId, iteration);
        var graph = _workflow.Graph(scope.FlowchartId);
        var reopened = graph.IndexOf(activityId);
        var after = After(graph, reopened);
        var passed = PassedJoins(scope, graph, after);
        foreach (var join in passed)
        {
            var mode = graph.Modes[join];
            if (mode is not (MergeMode.Merge or MergeMode.Converge))
                throw new WorkflowCorrectionException(
                    $"the flow has passed '{graph.Activities[join].DisplayName}' ({mode}), whose other branches cannot be restored: reopen a later step instead");
        }
        var why = $"reopened '{graph.Activities[reopened].DisplayName}': {reason}";
        while (FirstExecutionAt(scope, graph, after) is { } execution)
            RemoveExecution(execution, ExecutionEvent.Cancelled, why);
        for (var i = scope.Tokens.Count - 1; i >= 0; i--)
        {
            var source = graph.ConnectionSource[scope.Tokens[i]];
            if (source == reopened || after.Contains(source))
                scope.Tokens.RemoveAt(i);
        }
        foreach (var join in passed)
        {
            var required = graph.Modes[join] == MergeMode.Converge ? graph.Inbound[join] : graph.ForwardInbound[join];
            foreach (var connection in required)
            {
                var source = graph.ConnectionSource[connection];
                if (source != reopened && !after.Contains(source) && !scope.Tokens.Contains(connection))
                    scope.Tokens.Add(connection);
            }
        }
        Schedule(scope, activityId);
    }

    // The scope whose run of the flowchart the correction applies to. Outside loops there is one; in a loop's body one per
    // running iteration (in the order they were opened): the named iteration's, else the latest in which the activity has
    // run (it left tokens or work after it); an iteration in which it has not run yet is taken only when none has.
    private ScopeState ScopeToReopenIn(string activityId, int? iteration)
    {
        ScopeState? ran = null, notYet = null;
        string? runningNow = null;
        var inFlowchart = false;
        foreach (var scope in _instance.Scopes)
        {
            var graph = _workflow.Graph(scope.FlowchartId);
            if (!graph.TryIndexOf(activityId, out var reopened))
                continue;
            inFlowchart = true;
            if (iteration is not null && IterationOf(scope) != iteration)
                continue;
            var only = new ActivitySet(graph.Activities.Length);
            only.Add(reopened);
            if (FirstExecutionAt(scope, graph, only) is not null)
                runningNow ??= graph.Activities[reopened].DisplayName;
            else if (HasRun(scope, graph, reopened))
                ran = scope;
            else
                notYet ??= scope;
        }
        if ((ran ?? notYet) is { } chosen)
            return chosen;
        var where = iteration is null ? "" : $" in iteration {iteration}";
        if (runningNow is not null)
            throw new WorkflowCorrectionException($"'{runningNow}' is running now{where}: there is nothing to reopen");
        throw new WorkflowCorrectionException(inFlowchart && iteration is not null
            ? $"'{activityId}' is not in an iteration {iteration} this instance is running (an iteration that ended cannot be reopened)"
            : $"'{activityId}' is not in a flowchart this instance is running");
    }

    // The activity has run in this scope if a token it (or what followed it) sent is waiting, or work after it is alive.
    private bool HasRun(ScopeState scope, FlowGraph graph, int activity)
    {
        var after = After(graph, activity);
        foreach (var token in scope.Tokens)
        {
            var source = graph.ConnectionSource[token];
            if (source == activity || after.Contains(source))
                return true;
        }
        return FirstExecutionAt(scope, graph, after) is not null;
    }

    private static ActivitySet After(FlowGraph graph, int activity)
    {
        var after = new ActivitySet(graph.Activities.Length);
        for (var i = 0; i < graph.Activities.Length; i++)
        {
            if (graph.Ancestors[i].Contains(activity))
                after.Add(i);
        }
        return after;
    }

    // The innermost loop iteration a scope runs in (its own, or that of the scope around the activity that opened it).
    private int? IterationOf(ScopeState scope)
    {
        for (ScopeState? current = scope; current is not null;)
        {
            if (current.Iteration is { } iteration)
                return iteration;
            var owner = OwnerOf(current);
            current = owner is null ? null : ScopeOf(owner);
        }
        return null;
    }

    // The joins after the reopened activity that the flow went through: those upstream of something alive after it.
    private List<int> PassedJoins(ScopeState scope, FlowGraph graph, ActivitySet after)
    {
        var passed = new List<int>();
        for (var join = 0; join < graph.Activities.Length; join++)
        {
            if (!after.Contains(join) || graph.ForwardInbound[join].Length < 2)
                continue;
            foreach (var execution in _instance.Executions)
            {
                if (execution.ScopeId == scope.Id && graph.Ancestors[graph.IndexOf(execution.ActivityId)].Contains(join))
                {
                    passed.Add(join);
                    break;
                }
            }
        }
        return passed;
    }
}

using Approval.Engine.Runtime;

namespace Approval.Engine.Flowcharts;

/// <summary>
/// What is still alive in one flowchart scope: executions (scheduled, suspended, running, faulted) and tokens
/// waiting at activities that have not run yet. Joins ask it whether anything upstream could still arrive.
/// </summary>
internal readonly struct LiveWork(FlowGraph graph, ScopeState scope, List<ActivityExecution> executions)
{
    /// <summary>
    /// Whether live work could still send a token to <paramref name="target"/>: an execution anywhere upstream of it
    /// (a branch on its way round a loop counts), or a token waiting at a join among its forward ancestors.
    /// Waiting tokens count only forward, so two joins in a loop can never wait on each other.
    /// </summary>
    public bool AnyUpstreamOf(int target)
    {
        var upstream = graph.Upstream[target];
        var ancestors = graph.Ancestors[target];
        foreach (var execution in executions)
        {
            if (execution.ScopeId == scope.Id && graph.TryIndexOf(execution.ActivityId, out var index) && upstream.Contains(index))
                return true;
        }
        foreach (var token in scope.Tokens)
        {
            var waitingAt = graph.ConnectionTarget[token];
            if (waitingAt != target && ancestors.Contains(waitingAt))
                return true;
        }
        return false;
    }

    /// <summary>Whether live work can still reach activity <paramref name="activity"/>, loops included,
    /// ignoring tokens waiting at <paramref name="exceptWaitingAt"/>.</summary>
    public bool AnyCanReach(int activity, int exceptWaitingAt)
    {
        foreach (var execution in executions)
        {
            if (execution.ScopeId == scope.Id && graph.TryIndexOf(execution.ActivityId, out var index) && graph.CanReach(index, activity))
                return true;
        }
        foreach (var token in scope.Tokens)
        {
            var waitingAt = graph.ConnectionTarget[token];
            if (waitingAt != exceptWaitingAt && graph.CanReach(waitingAt, activity))
                return true;
        }
        return false;
    }
}

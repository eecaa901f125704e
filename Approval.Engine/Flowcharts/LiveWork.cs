using Approval.Engine.Runtime;

namespace Approval.Engine.Flowcharts;

/// <summary>
/// What is still alive in one flowchart scope: executions (scheduled, suspended, running, faulted) and tokens
/// waiting at activities that have not run yet. Joins ask it whether anything upstream could still arrive.
/// </summary>
internal readonly struct LiveWork(FlowGraph graph, ScopeState scope, List<ActivityExecution> executions)
{
    /// <summary>Whether live work sits at a forward ancestor of <paramref name="target"/>.</summary>
    public bool AnyAncestorOf(int target)
    {
        var ancestors = graph.Ancestors[target];
        foreach (var execution in executions)
        {
            if (execution.ScopeId == scope.Id && graph.TryIndexOf(execution.ActivityId, out var index) && ancestors.Contains(index))
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

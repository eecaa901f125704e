using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Engine.Flowcharts;
using Approval.Engine.Structured;

namespace Approval.Engine.Runtime;

/// <summary>
/// Loops (<c>Elsa.ForEach</c>, <c>Elsa.For</c>, <c>Elsa.ParallelForEach</c>): the loop's execution stays running while it
/// owns iteration scopes, each one a run of the body's flowchart with its own <c>CurrentValue</c> and <c>CurrentIndex</c>
/// (<see cref="ScopeState.Locals"/>). A bookmark inside an iteration is an ordinary bookmark of that scope, so iterations
/// wait and resume independently, across stores and reloads.
/// </summary>
internal sealed partial class InstanceRun
{
    private void BeginLoop(ActivityExecution execution, ScopeState scope, FlowGraph graph, int index, LoopActivity loop)
    {
        var node = graph.Activities[index];
        _context.Enter(_instance, _workflow.Definition, graph, index, execution);
        LoopState state;
        try
        {
            state = loop.Begin(_context);
        }
        catch (OperationCanceledException) when (_environment.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // An items expression that throws or is not a list: a visible, retryable incident, as for any activity.
            Fault(execution, node, IncidentKind.ActivityFault, ex.Message, ex.GetType().Name);
            return;
        }

        // A loop without a body (or with an empty one) has nothing to repeat: it completes at once.
        if (_workflow.BodyOf(node.Id) is not { } body || _workflow.Graph(body.Id).StartIndex < 0)
        {
            Complete(execution, scope, graph, index, ActivityResult.Done);
            return;
        }
        execution.State = ExecutionState.Running;
        execution.Loop = state;
        if (!state.Parallel)
        {
            ContinueLoop(execution, state);
            return;
        }
        var items = state.Items!;
        state.Items = null; // each iteration holds its own item; the loop needs no copy
        if (items.Count == 0)
        {
            Complete(execution, scope, graph, index, ActivityResult.Done);
            return;
        }
        for (var i = 0; i < items.Count; i++)
            OpenIteration(execution, node.Id, body, state, i, items[i]?.DeepClone());
    }

    // An iteration's scope completed (or the loop starts): the next iteration, or the loop's completion.
    private void ContinueLoop(ActivityExecution execution, LoopState state)
    {
        if (!state.Broken)
        {
            if (state.Parallel && ScopeOwnedBy(execution.Id) is not null)
                return; // other iterations still run
            if (!state.Parallel && LoopActivity.TryNext(state, out var value))
            {
                OpenIteration(execution, execution.ActivityId, _workflow.BodyOf(execution.ActivityId)!, state, state.Index - 1, value);
                return;
            }
        }
        execution.Loop = null;
        var parent = ScopeOf(execution);
        var graph = _workflow.Graph(parent.FlowchartId);
        Complete(execution, parent, graph, graph.IndexOf(execution.ActivityId), ActivityResult.Done);
    }

    private void OpenIteration(ActivityExecution execution, string loopId, ActivityNode body, LoopState state, int iteration, JsonNode? value)
    {
        var locals = DeclaredLocals(body);
        locals[LoopActivity.CurrentValue] = value;
        locals[LoopActivity.CurrentIndex] = JsonValue.Create(iteration);
        if (LoopActivity.BoundVariable(_workflow.Definition.ActivitiesById[loopId], _workflow.Definition) is { } bound)
        {
            // ForEach and For set the bound workflow variable, as Elsa's do; parallel iterations each see their own item
            // under that name instead, so one department's review never reads another's.
            if (state.Parallel)
                locals[bound] = value?.DeepClone();
            else
                _instance.Variables[bound] = value?.DeepClone();
        }
        var scope = NewScope(body.Id, execution.Id);
        scope.Iteration = iteration;
        scope.Locals = locals;
        var graph = _workflow.Graph(body.Id);
        Schedule(scope, graph.Activities[graph.StartIndex].Id);
    }

    // The variables a nested flowchart declares, fresh for this run of it: one iteration's never reach another's.
    private static Dictionary<string, JsonNode?> DeclaredLocals(ActivityNode flowchart)
    {
        var locals = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var variable in flowchart.Variables)
            locals[variable.Name] = Values.Typed(variable.TypeName, variable.InitialValue?.DeepClone());
        return locals;
    }
}

using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Flowcharts;

namespace Approval.Engine.Runtime;

/// <summary>A definition made ready to run: a graph per flowchart, merge modes resolved. Immutable and shared.</summary>
public sealed class CompiledWorkflow
{
    private readonly Dictionary<string, FlowGraph> _graphs = new(StringComparer.Ordinal);

    internal CompiledWorkflow(WorkflowDefinition definition, ActivityRegistry registry)
    {
        Definition = definition;
        // A structured root (an Elsa.Sequence) runs as the flowchart it compiles to, under its own id.
        _types[definition.Root.Id] = definition.Root.Type;
        Compile(Structured.CompositeLowering.Lower(definition.Root) ?? definition.Root, registry);
        // Scripts in a loop's body read its iteration's value as getCurrentValue() / getCurrentIndex() too, and a nested
        // flowchart's own variables as getX() / setX(v).
        if (_hasLoops)
            _localNames.UnionWith([Structured.LoopActivity.CurrentValue, Structured.LoopActivity.CurrentIndex]);
        VariableNames = [.. definition.Variables.Select(v => v.Name).Union(_localNames, StringComparer.Ordinal)];
    }

    public WorkflowDefinition Definition { get; }

    internal IReadOnlyList<string> VariableNames { get; }

    internal FlowGraph Graph(string flowchartId) => _graphs[flowchartId];

    /// <summary>The flowchart a container activity runs as its body (a non-flowchart body is wrapped in one).</summary>
    internal ActivityNode? BodyOf(string activityId) => _bodies.GetValueOrDefault(activityId);

    /// <summary>Whether the scope of this flowchart is a loop's (<c>Elsa.Break</c> ends the innermost one).</summary>
    internal bool IsLoop(string flowchartId) => _loops.Contains(flowchartId);

    /// <summary>The type of an activity the runner may execute, those the compilation of composites added included.</summary>
    internal string TypeOf(string activityId) => _types.GetValueOrDefault(activityId, "?");

    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

    private readonly HashSet<string> _loops = new(StringComparer.Ordinal);

    private bool _hasLoops;

    private readonly HashSet<string> _localNames = new(StringComparer.Ordinal);

    private readonly Dictionary<string, ActivityNode> _bodies = new(StringComparer.Ordinal);

    private void Compile(ActivityNode flowchart, ActivityRegistry registry)
    {
        _graphs[flowchart.Id] = new FlowGraph(flowchart, registry);
        _types.TryAdd(flowchart.Id, flowchart.Type);
        foreach (var variable in flowchart.Variables)
            _localNames.Add(variable.Name);
        foreach (var child in flowchart.Activities)
        {
            _types.TryAdd(child.Id, child.Type);
            _hasLoops |= registry.TryGet(child.Type, out var type) && type is Structured.LoopActivity;
            if (child.Type == BuiltInTypes.Flowchart)
                Compile(child, registry);
            if ((Structured.CompositeLowering.Lower(child) ?? Structured.SlotPortLowering.Lower(child, registry)) is { } composite)
            {
                _bodies[child.Id] = composite;
                if (Structured.CompositeLowering.IsLoop(child.Type))
                    _loops.Add(composite.Id);
                Compile(composite, registry);
            }
            else if (child.Body is { } body)
            {
                var bodyFlowchart = body.Type == BuiltInTypes.Flowchart
                    ? body
                    : new ActivityNode(body.Id + ":body", BuiltInTypes.Flowchart, body.Name) { Activities = [body] };
                _bodies[child.Id] = bodyFlowchart;
                Compile(bodyFlowchart, registry);
            }
        }
    }
}

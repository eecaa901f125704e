using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Engine.Runtime;

namespace Approval.Engine.Structured;

/// <summary>How a loop visits its iterations.</summary>
internal enum LoopKind
{
    /// <summary><c>Elsa.ForEach</c>: one item after another.</summary>
    ForEach,
    /// <summary><c>Elsa.For</c>: from <c>start</c> to <c>end</c> by <c>step</c>.</summary>
    For,
    /// <summary><c>Elsa.ParallelForEach</c>: every item at once.</summary>
    ParallelForEach,
}

/// <summary>
/// Elsa's loops over a body. Unlike the composites they cannot be compiled to a flowchart: each iteration needs its own
/// current value. So the runner (<c>InstanceRun.Loops</c>) opens one scope per iteration on the body's flowchart, holding
/// the iteration's <c>CurrentValue</c> and <c>CurrentIndex</c> as scope-local variables; this type evaluates the inputs
/// and says which iteration comes next. The names and defaults are Elsa's: <c>items</c>; <c>start</c>, <c>end</c>,
/// <c>step</c> (1), <c>outerBoundInclusive</c> (true); the <c>currentValue</c> output bound to a variable.
/// </summary>
internal sealed class LoopActivity(string typeName, LoopKind kind) : ActivityType
{
    /// <summary>The scope-local variables an iteration's body sees (Elsa declares the same two for each iteration).</summary>
    public const string CurrentValue = "CurrentValue";
    public const string CurrentIndex = "CurrentIndex";

    public override string TypeName => typeName;

    public LoopKind Kind => kind;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new InvalidOperationException($"{typeName} is run by the runner, one scope per iteration.");

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (BoundVariableReference(node) is { } bound && !definition.Variables.Any(v => v.Id == bound || v.Name == bound))
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.VariableUndeclared, ("input", "currentValue"), ("variable", bound));
    }

    public static IEnumerable<ActivityType> All() =>
    [
        new LoopActivity("Elsa.ForEach", LoopKind.ForEach), new LoopActivity("Elsa.For", LoopKind.For),
        new LoopActivity("Elsa.ParallelForEach", LoopKind.ParallelForEach),
    ];

    /// <summary>Evaluates the loop's inputs, once, when it starts.</summary>
    public LoopState Begin(ActivityContext context)
    {
        if (kind != LoopKind.For)
            return new LoopState { Items = ItemsOf(context.Evaluate("items")), Parallel = kind == LoopKind.ParallelForEach };
        return new LoopState
        {
            Start = Values.AsInt64(context.Evaluate("start")) ?? 0,
            End = Values.AsInt64(context.Evaluate("end")) ?? 0,
            Step = Values.AsInt64(context.Evaluate("step")) ?? 1,
            Inclusive = context.GetBoolean("outerBoundInclusive") ?? true,
        };
    }

    /// <summary>The value of the next iteration of a ForEach or a For, or false when the loop is done.</summary>
    public static bool TryNext(LoopState state, out JsonNode? value)
    {
        value = null;
        if (state.Items is { } items)
        {
            if (state.Index >= items.Count)
                return false;
            value = items[state.Index]?.DeepClone();
            state.Index++;
            return true;
        }
        // Counting up when the end is not below the start, down otherwise; the step is a distance (as Elsa's For).
        var up = state.End >= state.Start;
        var next = state.Index == 0 ? state.Start : up ? state.Current + state.Step : state.Current - state.Step;
        var go = up ? (state.Inclusive ? next <= state.End : next < state.End) : (state.Inclusive ? next >= state.End : next > state.End);
        if (!go)
            return false;
        state.Current = next;
        state.Index++;
        value = JsonValue.Create(next);
        return true;
    }

    /// <summary>The name of the workflow variable the <c>currentValue</c> output is bound to, if any.</summary>
    public static string? BoundVariable(ActivityNode node, WorkflowDefinition definition)
    {
        if (BoundVariableReference(node) is not { } reference)
            return null;
        foreach (var variable in definition.Variables)
        {
            if (variable.Id == reference || variable.Name == reference)
                return variable.Name;
        }
        return null;
    }

    // Elsa writes an output as { typeName, memoryReference: { id } }, the id being a workflow variable's.
    private static string? BoundVariableReference(ActivityNode node) =>
        node.Properties.TryGetValue("currentValue", out var output) && output is JsonObject o && o["memoryReference"] is JsonObject reference
            ? WorkflowDefinitionReader.Text(reference, "id")
            : null;

    // A list as Elsa accepts it: a JSON array, a string holding one, nothing (no iteration), or a single value (one).
    private static JsonArray ItemsOf(JsonNode? value)
    {
        switch (value)
        {
            case null:
                return [];
            case JsonArray array:
                return (JsonArray)array.DeepClone();
            case JsonValue text when text.TryGetValue<string>(out var s) && s.TrimStart().StartsWith('['):
                try
                {
                    return JsonNode.Parse(s) as JsonArray ?? [];
                }
                catch (JsonException ex)
                {
                    throw new FormatException($"items: '{s}' is not a list: {ex.Message}", ex);
                }
            default:
                return [value.DeepClone()];
        }
    }
}

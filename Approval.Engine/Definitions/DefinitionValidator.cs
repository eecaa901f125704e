using Approval.Engine.Activities;
using Approval.Engine.Expressions;

namespace Approval.Engine.Definitions;

/// <summary>The checks a definition passes before it may run: ids, connections, expressions, activity inputs.</summary>
internal sealed class DefinitionValidator(ActivityRegistry registry, List<DefinitionError> errors)
{
    public void Validate(WorkflowDefinition definition)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Walk(definition, definition.Root, seen);
    }

    private void Walk(WorkflowDefinition definition, ActivityNode node, HashSet<string> seen)
    {
        var source = definition.Source;
        if (!seen.Add(node.Id))
            errors.Add(DefinitionError.At(source, node.Id, DefinitionErrorCode.ActivityIdRepeated));

        foreach (var (name, input) in node.Inputs)
        {
            if (input.Kind == ExpressionKind.JavaScript && JavaScriptSandbox.ParseError(input.Text ?? "") is { } parseError)
                errors.Add(DefinitionError.At(source, node.Id, DefinitionErrorCode.ScriptDoesNotParse, ("input", name), ("detail", parseError)));
            if (input.Kind == ExpressionKind.Variable && VariableName(input) is { } variable
                && !definition.Declares(variable))
                errors.Add(DefinitionError.At(source, node.Id, DefinitionErrorCode.VariableUndeclared, ("input", name), ("variable", variable)));
        }

        if (registry.TryGet(node.Type, out var type))
        {
            foreach (var reason in type.Validate(node, definition))
                errors.Add(new DefinitionError(source, node.Id, reason));
        }

        if (node.Body is not null)
            Walk(definition, node.Body, seen);
        foreach (var slot in node.Slots.Values)
            Walk(definition, slot, seen);

        if (node.Type != BuiltInTypes.Flowchart)
        {
            // A Sequence's or a Parallel's children: no connections between them to check.
            foreach (var child in node.Activities)
                Walk(definition, child, seen);
            return;
        }

        var ids = node.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var c in node.Connections)
        {
            // A broken connection is named at its activity that exists, where an author looks for it in a diagram;
            // at the flowchart only when neither end is in it.
            var known = ids.Contains(c.SourceId) ? c.SourceId : ids.Contains(c.TargetId) ? c.TargetId : node.Id;
            if (!ids.Contains(c.SourceId))
                errors.Add(DefinitionError.At(source, known, DefinitionErrorCode.ConnectionSourceMissing, ("activity", c.SourceId)));
            if (!ids.Contains(c.TargetId))
                errors.Add(DefinitionError.At(source, known, DefinitionErrorCode.ConnectionTargetMissing, ("activity", c.TargetId)));
        }
        if (node.StartActivityId is { } start && !ids.Contains(start))
            errors.Add(DefinitionError.At(source, node.Id, DefinitionErrorCode.StartActivityMissing, ("activity", start)));

        foreach (var child in node.Activities)
            Walk(definition, child, seen);
    }

    internal static string? VariableName(InputValue input) => input.Value switch
    {
        System.Text.Json.Nodes.JsonObject o => DefinitionTextOf(o, "name") ?? DefinitionTextOf(o, "id"),
        _ => input.Text,
    };

    private static string? DefinitionTextOf(System.Text.Json.Nodes.JsonObject o, string name) =>
        WorkflowDefinitionReader.Text(o, name);
}

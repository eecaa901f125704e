namespace Approval.Engine.Definitions;

/// <summary>A loaded, validated workflow definition in the Elsa 3 format: one version of one definition.</summary>
/// <param name="Id">Id of this version (Elsa's <c>id</c>).</param>
/// <param name="DefinitionId">Id stable across versions (Elsa's <c>definitionId</c>).</param>
public sealed record WorkflowDefinition(
    string Id,
    string DefinitionId,
    int Version,
    string Name,
    IReadOnlyList<VariableDefinition> Variables,
    ActivityNode Root)
{
    /// <summary>Where it was read from (a file name), for error messages.</summary>
    public string? Source { get; init; }

    /// <summary>Every activity of the definition, nested flowcharts included, by id.</summary>
    public IReadOnlyDictionary<string, ActivityNode> ActivitiesById => _byId ??= IndexActivities(Root);

    private IReadOnlyDictionary<string, ActivityNode>? _byId;

    /// <summary>Whether a variable of that name or id is declared: by the workflow, or locally by a nested flowchart.</summary>
    public bool Declares(string nameOrId) =>
        Variables.Any(v => v.Name == nameOrId || v.Id == nameOrId)
        || ActivitiesById.Values.Any(a => a.Variables.Any(v => v.Name == nameOrId || v.Id == nameOrId));

    private static Dictionary<string, ActivityNode> IndexActivities(ActivityNode root)
    {
        var index = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
        var stack = new Stack<ActivityNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            index.TryAdd(node.Id, node);
            foreach (var child in node.Activities)
                stack.Push(child);
            if (node.Body is not null)
                stack.Push(node.Body);
            foreach (var slot in node.Slots.Values)
                stack.Push(slot);
        }
        return index;
    }
}

/// <summary>A workflow variable with its declared type and initial value.</summary>
public sealed record VariableDefinition(string Id, string Name, string TypeName, System.Text.Json.Nodes.JsonNode? InitialValue);

using System.Text.Json.Nodes;

namespace Approval.Engine.Definitions;

/// <summary>One activity of a definition: its type, its inputs as expressions and, for a flowchart, its children.</summary>
public sealed record ActivityNode(string Id, string Type, string? Name)
{
    /// <summary>Inputs by name (case-insensitive, as Elsa serialises them in camelCase).</summary>
    public IReadOnlyDictionary<string, InputValue> Inputs { get; init; } =
        new Dictionary<string, InputValue>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raw JSON properties that are not typed inputs (e.g. FlowSwitch <c>cases</c>), by name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Properties { get; init; } =
        new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>customProperties.mergeMode</c> of the activity, if set and not <c>None</c>.</summary>
    public MergeMode? MergeMode { get; init; }

    /// <summary>The <c>customProperties.canStartWorkflow</c> flag.</summary>
    public bool CanStartWorkflow { get; init; }

    /// <summary>Child activities when the activity is a flowchart.</summary>
    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    /// <summary>Connections between the children when the activity is a flowchart.</summary>
    public IReadOnlyList<Connection> Connections { get; init; } = [];

    /// <summary>
    /// Activities held in a composite's other slots, by slot: <c>then</c>, <c>else</c>, <c>default</c>, and list slots by
    /// position (<c>branches/0</c>, <c>cases/1</c> for a Switch case's activity).
    /// </summary>
    public IReadOnlyDictionary<string, ActivityNode> Slots { get; init; } = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);

    /// <summary>The activity a container (e.g. <c>Elsa.FlowNode</c>) runs as its body, if any.</summary>
    public ActivityNode? Body { get; init; }

    /// <summary>
    /// Variables a nested flowchart declares: local to each run of it (each iteration of a loop whose body it is gets its
    /// own), as Elsa scopes them. The root's variables are the workflow's (<see cref="WorkflowDefinition.Variables"/>).
    /// </summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    /// <summary>The flowchart's explicit <c>start</c> activity id, if given.</summary>
    public string? StartActivityId { get; init; }

    /// <summary>A name for people: the activity's name, else its id.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;

    /// <summary>The input of that name, if the definition sets it.</summary>
    public InputValue? Input(string name) => Inputs.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A connection from an outcome port of one activity to another activity.</summary>
public sealed record Connection(string SourceId, string SourcePort, string TargetId, string TargetPort);

/// <summary>How an activity with several inbound connections decides when to run (Elsa's <c>MergeMode</c>).</summary>
public enum MergeMode
{
    /// <summary>Runs once every inbound branch that was actually taken has arrived; untaken branches are ignored (the default).</summary>
    Stream,
    /// <summary>Waits for a token on every forward inbound connection; loop-back connections are ignored.</summary>
    Merge,
    /// <summary>Waits for a token on every inbound connection, loop-back ones included.</summary>
    Converge,
    /// <summary>Runs once for every arriving token.</summary>
    Cascade,
    /// <summary>Runs on the first arriving token and cancels the other inbound branches.</summary>
    Race,
}

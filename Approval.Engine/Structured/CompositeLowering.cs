using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;

namespace Approval.Engine.Structured;

/// <summary>
/// Elsa's structured composites, each compiled once per definition into a small flowchart that runs as the composite's
/// body (the runner opens a scope for it, as for a nested <c>Elsa.Flowchart</c>, and completes the composite when the scope
/// is done). So the flowchart is the one composite the runtime schedules, and a bookmark or a timer inside a Sequence, an
/// If or a While is an ordinary bookmark of that scope: resumable, persisted in the same instance state as before.
/// The activities an author wrote keep their ids; the few the compilation adds are named <c>{composite id}:{role}</c>.
/// </summary>
internal static class CompositeLowering
{
    public const string Sequence = "Elsa.Sequence";
    public const string Parallel = "Elsa.Parallel";
    public const string If = "Elsa.If";
    public const string Switch = "Elsa.Switch";
    public const string Fork = "Elsa.Fork";
    public const string While = "Elsa.While";

    /// <summary>The composite types this compiles, in the order the engine README lists them.</summary>
    public static readonly IReadOnlyList<string> Types = [Sequence, Parallel, If, Switch, Fork, While];

    /// <summary>Composites whose scope an <c>Elsa.Break</c> inside them ends.</summary>
    public static bool IsLoop(string type) => type == While;

    /// <summary>The flowchart that runs <paramref name="node"/>, with the composite's own id; null when it is not a composite.</summary>
    public static ActivityNode? Lower(ActivityNode node) => node.Type switch
    {
        Sequence => SequenceOf(node),
        Parallel => ParallelOf(node),
        If => IfOf(node),
        Switch => SwitchOf(node),
        Fork => ForkOf(node),
        While => WhileOf(node),
        _ => null,
    };

    // Each child runs when the one before it completes, whatever port it completed through (a decision in a sequence
    // does not stop it).
    private static ActivityNode SequenceOf(ActivityNode node)
    {
        var children = node.Activities;
        var connections = new List<Connection>();
        for (var i = 1; i < children.Count; i++)
            connections.Add(Any(children[i - 1], children[i]));
        return Chart(node, children, connections, children.Count > 0 ? children[0].Id : null);
    }

    // Every child starts at once; the scope, and so the Parallel, completes when the last of them has.
    private static ActivityNode ParallelOf(ActivityNode node)
    {
        var start = Synthetic(node, "start", "Elsa.FlowNode");
        return Chart(node, [start, .. node.Activities], [.. node.Activities.Select(c => Done(start, c))], start.Id);
    }

    private static ActivityNode IfOf(ActivityNode node)
    {
        var decision = Synthetic(node, "condition", "Elsa.FlowDecision", ("condition", node.Input("condition")));
        var activities = new List<ActivityNode> { decision };
        var connections = new List<Connection>();
        foreach (var (slot, port) in new[] { ("then", "True"), ("else", "False") })
        {
            if (node.Slots.TryGetValue(slot, out var branch))
            {
                activities.Add(branch);
                connections.Add(new Connection(decision.Id, port, branch.Id, "In"));
            }
        }
        return Chart(node, activities, connections, decision.Id);
    }

    // Elsa's Switch as a FlowSwitch whose ports are the cases' positions (two cases may carry the same label).
    private static ActivityNode SwitchOf(ActivityNode node)
    {
        var cases = new JsonArray();
        var activities = new List<ActivityNode>();
        var connections = new List<Connection>();
        var source = node.Properties.TryGetValue("cases", out var raw) && raw is JsonArray array ? array : [];
        var flowSwitch = Synthetic(node, "switch", "Elsa.FlowSwitch", ("mode", node.Input("mode")));
        for (var i = 0; i < source.Count; i++)
        {
            var port = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            cases.Add(new JsonObject { ["label"] = port, ["condition"] = (source[i] as JsonObject)?["condition"]?.DeepClone() });
            if (node.Slots.TryGetValue($"cases/{i}", out var activity))
            {
                activities.Add(activity);
                connections.Add(new Connection(flowSwitch.Id, port, activity.Id, "In"));
            }
        }
        if (node.Slots.TryGetValue("default", out var fallback))
        {
            activities.Add(fallback);
            connections.Add(new Connection(flowSwitch.Id, "Default", fallback.Id, "In"));
        }
        flowSwitch = flowSwitch with { Properties = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase) { ["cases"] = cases } };
        return Chart(node, [flowSwitch, .. activities], connections, flowSwitch.Id);
    }

    // Branches start together and meet at a FlowJoin in the Fork's join mode (Elsa's default: WaitAny, which cancels
    // the branches still running).
    private static ActivityNode ForkOf(ActivityNode node)
    {
        var branches = Listed(node, "branches");
        var mode = node.Input("joinMode") ?? new InputValue("String", ExpressionKind.Literal, JsonValue.Create("WaitAny"));
        var start = Synthetic(node, "start", "Elsa.FlowNode");
        var join = Synthetic(node, "join", BuiltInTypes.FlowJoin, ("mode", mode));
        var connections = new List<Connection>();
        foreach (var branch in branches)
        {
            connections.Add(Done(start, branch));
            connections.Add(Any(branch, join));
        }
        return Chart(node, [start, .. branches, join], connections, start.Id);
    }

    // The condition is looked at before each pass; the body's completion, whatever its port, goes back to it.
    private static ActivityNode WhileOf(ActivityNode node)
    {
        var decision = Synthetic(node, "condition", "Elsa.FlowDecision", ("condition", node.Input("condition")));
        if (node.Body is not { } body)
            return Chart(node, [decision], [new Connection(decision.Id, "True", decision.Id, "In")], decision.Id);
        return Chart(node, [decision, body], [new Connection(decision.Id, "True", body.Id, "In"), Any(body, decision)], decision.Id);
    }

    /// <summary>The activities of a list slot (<c>branches/0</c>, <c>branches/1</c>, …), in order.</summary>
    public static IReadOnlyList<ActivityNode> Listed(ActivityNode node, string slot)
    {
        var list = new List<ActivityNode>();
        for (var i = 0; node.Slots.TryGetValue($"{slot}/{i}", out var activity); i++)
            list.Add(activity);
        return list;
    }

    private static ActivityNode Chart(ActivityNode owner, IReadOnlyList<ActivityNode> activities, IReadOnlyList<Connection> connections, string? start) =>
        new(owner.Id, BuiltInTypes.Flowchart, owner.Name) { Activities = activities, Connections = connections, StartActivityId = start };

    private static ActivityNode Synthetic(ActivityNode owner, string role, string type, params (string Name, InputValue? Value)[] inputs)
    {
        var values = new Dictionary<string, InputValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in inputs)
        {
            if (value is not null)
                values[name] = value;
        }
        return new ActivityNode($"{owner.Id}:{role}", type, owner.Name) { Inputs = values };
    }

    private static Connection Any(ActivityNode from, ActivityNode to) => new(from.Id, ActivityResult.AnyOutcome, to.Id, "In");

    private static Connection Done(ActivityNode from, ActivityNode to) => new(from.Id, ActivityResult.DoneOutcome, to.Id, "In");
}

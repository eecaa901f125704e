using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using System.Text.Json.Nodes;

namespace Approval.Engine.Activities.BuiltIn;

/// <summary><c>Elsa.Flowchart</c>: a container; the runner opens a scope for it and completes it when the scope is done.</summary>
internal sealed class FlowchartActivity : ActivityType
{
    public override string TypeName => BuiltInTypes.Flowchart;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new InvalidOperationException("Flowcharts are executed by the runner.");
}

/// <summary><c>Elsa.Start</c>: where a flowchart begins.</summary>
internal sealed class StartActivity : ActivityType
{
    public override string TypeName => BuiltInTypes.Start;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.Done);
}

/// <summary><c>Elsa.End</c>: completes the flowchart it is in; branches still running there are cancelled.</summary>
internal sealed class EndActivity : ActivityType
{
    public override string TypeName => "Elsa.End";
    public override IReadOnlyList<string> Outcomes { get; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.EndFlowchart);
}

/// <summary><c>Elsa.Complete</c>: completes the whole workflow.</summary>
internal sealed class CompleteActivity : ActivityType
{
    public override string TypeName => "Elsa.Complete";
    public override IReadOnlyList<string> Outcomes { get; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.CompleteWorkflow);
}

/// <summary><c>Elsa.Finish</c>: finishes the whole workflow, like <c>Elsa.Complete</c>.</summary>
internal sealed class FinishActivity : ActivityType
{
    public override string TypeName => "Elsa.Finish";
    public override IReadOnlyList<string> Outcomes { get; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.CompleteWorkflow);
}

/// <summary><c>Elsa.FlowNode</c>: does nothing; a junction in the drawing.</summary>
internal sealed class FlowNodeActivity : ActivityType
{
    public override string TypeName => "Elsa.FlowNode";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.Done);
}

/// <summary><c>Elsa.FlowFork</c>: completes through every named branch (input <c>branches</c>, comma separated), else Done.</summary>
internal sealed class FlowForkActivity : ActivityType
{
    public override string TypeName => "Elsa.FlowFork";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(context.Prepared is ActivityResult prepared ? prepared : Through(context.Evaluate("branches")));

    // Branches are nearly always constant (Elsa Studio writes them as an Object expression holding a JSON array):
    // the result is then worked out once per definition, not parsed again on every execution.
    internal override object? Prepare(ActivityNode node) => node.Input("branches") switch
    {
        null => Through(null),
        { Kind: ExpressionKind.Literal or ExpressionKind.Object } constant => Through(ExpressionEvaluator.Constant(constant)),
        _ => null,
    };

    private static ActivityResult Through(JsonNode? value)
    {
        var branches = value switch
        {
            JsonArray array => array.Select(Values.AsString).OfType<string>().ToList(),
            { } node => (Values.AsString(node) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            null => [],
        };
        return branches.Count == 0 ? ActivityResult.Done : ActivityResult.Through(branches);
    }
}

/// <summary><c>Elsa.FlowJoin</c>: completes at once; when it runs is decided by its <c>mode</c> (see <see cref="Flowcharts.JoinRules"/>).</summary>
internal sealed class FlowJoinActivity : ActivityType
{
    public override string TypeName => BuiltInTypes.FlowJoin;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.Done);

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (node.Input("mode") is { Kind: ExpressionKind.Literal } mode && mode.Text is { } text
            && !Enum.TryParse<Flowcharts.FlowJoinMode>(text, ignoreCase: true, out _))
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.JoinModeUnknown, ("mode", text));
    }
}

/// <summary><c>Elsa.FlowDecision</c>: completes through True or False by its <c>condition</c>.</summary>
internal sealed class FlowDecisionActivity : ActivityType
{
    public override string TypeName => "Elsa.FlowDecision";
    public override IReadOnlyList<string> Outcomes { get; } = ["True", "False"];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.Through(context.GetBoolean("condition") == true ? "True" : "False"));
}

/// <summary><c>Elsa.FlowSwitch</c>: completes through the label of the first matching case (or of every matching
/// case when <c>mode</c> is MatchAny), else through Default.</summary>
internal sealed class FlowSwitchActivity : ActivityType
{
    public override string TypeName => "Elsa.FlowSwitch";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var matchAny = string.Equals(context.GetString("mode"), "MatchAny", StringComparison.OrdinalIgnoreCase);
        var matched = new List<string>();
        foreach (var (label, condition) in Cases(context.Node))
        {
            if (Values.AsBoolean(condition is null ? null : context.EvaluateExpression(condition)) != true)
                continue;
            matched.Add(label);
            if (!matchAny)
                break;
        }
        return new(matched.Count == 0 ? ActivityResult.Through("Default") : ActivityResult.Through(matched));
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        foreach (var (label, condition) in Cases(node))
        {
            if (condition is { Kind: ExpressionKind.JavaScript } && JavaScriptSandbox.ParseError(condition.Text ?? "") is { } error)
                yield return DefinitionErrorReason.Of(DefinitionErrorCode.CaseScriptDoesNotParse, ("case", label), ("detail", error));
        }
    }

    internal static IEnumerable<(string Label, InputValue? Condition)> Cases(ActivityNode node)
    {
        var casesNode = node.Properties.TryGetValue("cases", out var raw) ? raw : node.Input("cases")?.Value;
        if (casesNode is not JsonArray cases)
            yield break;
        foreach (var item in cases.OfType<JsonObject>())
        {
            var label = item["label"]?.GetValue<string>() ?? "";
            InputValue? condition = item["condition"] switch
            {
                JsonObject c when c["expression"] is JsonObject e => Expression(e),
                JsonObject c when c.ContainsKey("type") => Expression(c),
                JsonValue v => new InputValue("Boolean", ExpressionKind.Literal, v.DeepClone()),
                _ => null,
            };
            yield return (label, condition);
        }
    }

    private static InputValue Expression(JsonObject e)
    {
        var kind = e["type"]?.GetValue<string>() switch
        {
            "JavaScript" => ExpressionKind.JavaScript,
            "Variable" => ExpressionKind.Variable,
            "Object" => ExpressionKind.Object,
            _ => ExpressionKind.Literal,
        };
        return new InputValue("Boolean", kind, e["value"]?.DeepClone());
    }
}

using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;

namespace Approval.Engine.Activities.BuiltIn;

/// <summary><c>Elsa.WriteLine</c>: writes its <c>text</c> to the run's console.</summary>
internal sealed class WriteLineActivity : ActivityType
{
    public override string TypeName => "Elsa.WriteLine";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.WriteLine(context.GetString("text") ?? "");
        return new(ActivityResult.Done);
    }
}

/// <summary><c>Elsa.SetVariable</c>: sets <c>variable</c> to <c>value</c>.</summary>
internal sealed class SetVariableActivity : ActivityType
{
    public override string TypeName => "Elsa.SetVariable";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = VariableOf(context.Node) ?? throw new InvalidOperationException("SetVariable names no variable.");
        context.SetVariable(name, context.Evaluate("value")?.DeepClone());
        return new(ActivityResult.Done);
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var name = VariableOf(node);
        if (name is null)
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.SetVariableWithoutVariable);
        else if (!definition.Declares(name))
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.SetVariableUndeclared, ("variable", name));
    }

    // Elsa writes the variable as an object { id, name, ... }, older files as an input or a plain name.
    private static string? VariableOf(ActivityNode node)
    {
        if (node.Properties.TryGetValue("variable", out var raw))
        {
            return raw switch
            {
                JsonObject o => (o["name"] ?? o["id"])?.GetValue<string>(),
                JsonValue v => Values.AsString(v),
                _ => null,
            };
        }
        return node.Input("variable") is { } input ? DefinitionValidator.VariableName(input) : null;
    }
}

/// <summary><c>Elsa.SetOutput</c>: sets workflow output <c>outputName</c> to <c>outputValue</c>.</summary>
internal sealed class SetOutputActivity : ActivityType
{
    public override string TypeName => "Elsa.SetOutput";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var name = context.GetString("outputName") ?? throw new InvalidOperationException("SetOutput names no output.");
        context.SetOutput(name, context.Evaluate("outputValue")?.DeepClone());
        return new(ActivityResult.Done);
    }
}

/// <summary><c>Elsa.SetName</c>: names the instance.</summary>
internal sealed class SetNameActivity : ActivityType
{
    public override string TypeName => "Elsa.SetName";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetWorkflowName(context.GetString("value"));
        return new(ActivityResult.Done);
    }
}

/// <summary><c>Elsa.Correlate</c>: sets the instance's correlation id.</summary>
internal sealed class CorrelateActivity : ActivityType
{
    public override string TypeName => "Elsa.Correlate";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        context.SetCorrelationId(context.GetString("correlationId"));
        return new(ActivityResult.Done);
    }
}

/// <summary><c>Elsa.RunJavaScript</c>: runs its <c>script</c> (for its effect on variables).</summary>
internal sealed class RunJavaScriptActivity : ActivityType
{
    public override string TypeName => "Elsa.RunJavaScript";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var script = context.Node.Input("script");
        if (script is not null)
        {
            // The script input is the code itself, whatever its expression kind says.
            var code = script.Kind == ExpressionKind.JavaScript ? script : script with { Kind = ExpressionKind.JavaScript };
            context.EvaluateExpression(code);
        }
        return new(ActivityResult.Done);
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (node.Input("script") is { Kind: not ExpressionKind.JavaScript } script && JavaScriptSandbox.ParseError(script.Text ?? "") is { } error)
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.ScriptDoesNotParse, ("input", "script"), ("detail", error));
    }
}

/// <summary><c>Elsa.Fault</c>: faults the instance with its <c>message</c>.</summary>
internal sealed class FaultActivity : ActivityType
{
    public override string TypeName => "Elsa.Fault";
    public override IReadOnlyList<string> Outcomes { get; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.Fault(context.GetString("message") ?? context.GetString("code") ?? "The workflow raised a fault."));
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Definitions;

namespace Approval.Engine.Expressions;

/// <summary>Evaluates an input's expression to a JSON value; one per run, so the JavaScript engine is reused.</summary>
internal sealed class ExpressionEvaluator(JavaScriptLimits limits)
{
    private JavaScriptSandbox? _javaScript;

    public JsonNode? Evaluate(InputValue input, IExpressionScope scope)
    {
        switch (input.Kind)
        {
            case ExpressionKind.Literal or ExpressionKind.Object:
                return Constant(input);
            case ExpressionKind.Variable:
                var name = DefinitionValidator.VariableName(input);
                return name is null ? null : scope.GetVariable(name);
            case ExpressionKind.JavaScript:
                _javaScript ??= new JavaScriptSandbox(limits);
                return _javaScript.Evaluate(input.Text ?? "", scope);
            default:
                throw new InvalidOperationException($"Unsupported expression kind {input.Kind}.");
        }
    }

    /// <summary>The value of a Literal or an Object expression, which depends on nothing but the definition.</summary>
    public static JsonNode? Constant(InputValue input)
    {
        // Object expressions are usually a JSON document written as a string.
        if (input.Kind == ExpressionKind.Object && input.Value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                return input.Value;
            }
        }
        return input.Value;
    }
}

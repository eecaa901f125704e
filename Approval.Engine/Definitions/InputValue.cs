using System.Text.Json.Nodes;

namespace Approval.Engine.Definitions;

/// <summary>The kinds of expression an input may hold.</summary>
public enum ExpressionKind
{
    /// <summary>A constant, written as a string or a JSON literal.</summary>
    Literal,
    /// <summary>A JSON value (object, array or scalar), possibly written as a JSON string.</summary>
    Object,
    /// <summary>The current value of a workflow variable, named by its name or id.</summary>
    Variable,
    /// <summary>A JavaScript snippet run in the sandbox; <c>return</c> at top level is allowed.</summary>
    JavaScript,
}

/// <summary>An activity input: the type it declares and the expression that yields its value.</summary>
public sealed record InputValue(string? TypeName, ExpressionKind Kind, JsonNode? Value)
{
    /// <summary>The expression text (the script for JavaScript, the literal as a string otherwise).</summary>
    public string? Text => Value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => Value.ToJsonString(),
    };
}

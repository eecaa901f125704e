using System.Globalization;
using System.Text.Json.Nodes;

namespace Approval.Engine.Expressions;

/// <summary>Conversions of JSON values to the CLR types activity inputs declare (Elsa writes most as strings).</summary>
public static class Values
{
    public static string? AsString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    public static bool? AsBoolean(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) && bool.TryParse(s.Trim(), out var parsed) => parsed,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0,
        _ => throw new FormatException($"'{node.ToJsonString()}' is not a boolean"),
    };

    public static long? AsInt64(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => (long)d,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s.Trim(), CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new FormatException($"'{node.ToJsonString()}' is not a whole number"),
    };

    public static TimeSpan? AsTimeSpan(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue<double>(out var ms):
                return TimeSpan.FromMilliseconds(ms);
            case JsonValue v when v.TryGetValue<string>(out var s):
                s = s.Trim();
                if (TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out var span))
                    return span;
                if (s.StartsWith('P'))
                    return System.Xml.XmlConvert.ToTimeSpan(s); // ISO 8601 duration, e.g. PT5M
                throw new FormatException($"'{s}' is not a time span (expected e.g. 00:05:00 or PT5M)");
            default:
                throw new FormatException($"'{node.ToJsonString()}' is not a time span");
        }
    }

    public static DateTimeOffset? AsDateTimeOffset(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) && DateTimeOffset.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) => instant,
        _ => throw new FormatException($"'{node.ToJsonString()}' is not a date and time"),
    };

    /// <summary>Converts a variable's declared initial value (often a string) to a JSON value of its type.</summary>
    public static JsonNode? Typed(string typeName, JsonNode? value)
    {
        if (value is null)
            return null;
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            switch (typeName)
            {
                case "Boolean": return bool.TryParse(s, out var b) ? JsonValue.Create(b) : null;
                case "Int32" or "Int64" or "Int16" or "Byte":
                    return long.TryParse(s, CultureInfo.InvariantCulture, out var l) ? JsonValue.Create(l) : null;
                case "Double" or "Single" or "Decimal":
                    return double.TryParse(s, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : null;
                case "Object" or "ObjectArray" or "StringArray" or "JsonObject" or "ExpandoObject":
                    try { return s.Length == 0 ? null : JsonNode.Parse(s); } catch (System.Text.Json.JsonException) { return value; }
            }
        }
        return value;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace Approval.Workflows.Inputs;

/// <summary>
/// Bounds an application's form (free JSON in the request): at most <see cref="TextLimits.ListItems"/> fields or
/// array entries at each level, names of at most <see cref="TextLimits.Code"/>, texts of at most
/// <see cref="TextLimits.FormText"/>, and no deeper than <see cref="MaxDepth"/>. The item's form says which fields
/// it expects; these bounds hold for whatever else is sent too, since the form is stored as given.
/// </summary>
public static class FormLimits
{
    /// <summary>How deep objects and arrays may nest inside a form.</summary>
    public const int MaxDepth = 4;

    public static void Check(string field, JsonNode? node) => Check(field, node, 0);

    private static void Check(string path, JsonNode? node, int depth)
    {
        switch (node)
        {
            case JsonObject obj:
                if (depth >= MaxDepth || obj.Count > TextLimits.ListItems)
                    throw new InputTooLongException(path, depth >= MaxDepth ? MaxDepth : TextLimits.ListItems, items: true);
                foreach (var (name, value) in obj)
                {
                    TextLimits.Check($"{path}.{name}", name, TextLimits.Code);
                    Check($"{path}.{name}", value, depth + 1);
                }
                break;
            case JsonArray array:
                if (depth >= MaxDepth || array.Count > TextLimits.ListItems)
                    throw new InputTooLongException(path, depth >= MaxDepth ? MaxDepth : TextLimits.ListItems, items: true);
                for (var i = 0; i < array.Count; i++)
                    Check($"{path}[{i}]", array[i], depth + 1);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                TextLimits.Check(path, value.GetValue<string>(), TextLimits.FormText);
                break;
        }
    }
}

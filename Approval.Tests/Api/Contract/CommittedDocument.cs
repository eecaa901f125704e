using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Approval.Tests.Api.Contract;

/// <summary>
/// The committed <c>openapi/Approval.Api.json</c>, read once per test run, as JSON Schemas a response can be held to:
/// the operation a request names (its method and the path template it fits), and the schema of that operation's
/// answer for a status and media type. OpenAPI 3.0's schema dialect is turned into JSON Schema 2020-12 on the way
/// (<c>nullable</c> becomes a <c>null</c> type, <c>$ref</c>s point into one registered document). Every answer's schema is
/// built when the document is read, and nothing is written afterwards: fixtures running in parallel read it at once, and
/// neither a <see cref="JsonNode"/> (it materialises its children at the first read) nor a <see cref="SchemaRegistry"/> is
/// safe for a write beside other threads' reads.
/// </summary>
internal sealed class CommittedDocument
{
    private const string Base = "urn:approval:openapi";
    private static readonly Lazy<CommittedDocument> Loaded = new(() => new CommittedDocument(File.ReadAllText(PathOf())), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JsonObject _paths;
    private readonly List<(string Template, string[] Segments)> _templates;
    private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly Dictionary<string, JsonSchema> _schemas = [];

    public static CommittedDocument Instance => Loaded.Value;

    private CommittedDocument(string text)
    {
        var document = JsonNode.Parse(text)!.AsObject();
        _paths = document["paths"]!.AsObject();
        _templates = [.. _paths.Select(p => (p.Key, p.Key.Trim('/').Split('/')))];
        var definitions = new JsonObject();
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
            definitions[name] = ToJsonSchema(schema!);
        var root = new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$id"] = Base, ["$defs"] = definitions };
        using var json = JsonDocument.Parse(root.ToJsonString());
        _ = JsonSchema.Build(json.RootElement.Clone(), _build, new Uri(Base));
        foreach (var (template, item) in _paths)
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is not JsonObject described || described["responses"] is not JsonObject responses)
                    continue;
                foreach (var (status, response) in responses)
                {
                    if (response?["content"] is not JsonObject content)
                        continue;
                    foreach (var (mediaType, media) in content)
                    {
                        if (media?["schema"] is { } schema)
                            _schemas[Key(template, method, status, mediaType)] = Build(schema);
                    }
                }
            }
        }
    }

    private static string Key(string template, string method, string status, string mediaType) =>
        $"{method.ToLowerInvariant()} {template} {status} {mediaType}";

    private JsonSchema Build(JsonNode schema)
    {
        var converted = ToJsonSchema(schema).AsObject();
        converted["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        using var json = JsonDocument.Parse(converted.ToJsonString());
        return JsonSchema.Build(json.RootElement.Clone(), _build, new Uri($"{Base}:response:{_schemas.Count}"));
    }

    /// <summary>The document's path template a request path fits (the one with the most literal segments), and its operation.</summary>
    public (string Template, JsonObject Operation)? Operation(string method, string path)
    {
        var segments = Uri.UnescapeDataString(path).Trim('/').Split('/');
        var best = _templates
            .Where(t => t.Segments.Length == segments.Length
                && t.Segments.Zip(segments).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(t => t.Segments.Count(s => !s.StartsWith('{')))
            .Select(t => t.Template)
            .FirstOrDefault();
        if (best is null || _paths[best]![method.ToLowerInvariant()] is not JsonObject operation)
            return null;
        return (best, operation);
    }

    /// <summary>The schema of an operation's answer for a status and media type; null when the document gives none.</summary>
    public JsonSchema? ResponseSchema(string template, string method, string status, string mediaType) =>
        _schemas.GetValueOrDefault(Key(template, method, status, mediaType));

    /// <summary>OpenAPI 3.0's schema object as JSON Schema 2020-12.</summary>
    private static JsonNode ToJsonSchema(JsonNode node)
    {
        if (node is JsonArray array)
            return new JsonArray([.. array.Select(n => n is null ? null : ToJsonSchema(n))]);
        if (node is not JsonObject schema)
            return node.DeepClone();
        var converted = new JsonObject();
        foreach (var (name, value) in schema)
        {
            if (name is "nullable" or "example" or "examples" or "xml" or "discriminator")
                continue;
            converted[name] = name == "$ref" && (string?)value is { } reference
                ? reference.Replace("#/components/schemas/", $"{Base}#/$defs/", StringComparison.Ordinal)
                : value is null ? null : ToJsonSchema(value);
        }
        if (schema["nullable"]?.GetValue<bool>() != true)
            return converted;
        // "nullable" beside allOf/anyOf/oneOf (a record that may be null) means: that, or null, as generators read it.
        if (converted["type"] is JsonValue type && converted["allOf"] is null && converted["anyOf"] is null && converted["oneOf"] is null)
        {
            converted["type"] = new JsonArray((string)type!, "null");
            if (converted["enum"] is JsonArray values)
                values.Add(null);
            return converted;
        }
        return new JsonObject { ["anyOf"] = new JsonArray(converted, new JsonObject { ["type"] = "null" }) };
    }

    private static string PathOf()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Approval.sln")))
                return Path.Combine(directory.FullName, "openapi", "Approval.Api.json");
        throw new InvalidOperationException("Approval.sln not found above the test directory");
    }
}

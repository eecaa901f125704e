using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Activities;

namespace Approval.Engine.Definitions;

/// <summary>
/// Reads Elsa 3 workflow definition JSON (as Elsa Studio exports it) and validates it against the
/// activity types this runtime knows. Every problem is reported, not just the first.
/// </summary>
public sealed class WorkflowDefinitionReader(ActivityRegistry registry)
{
    // Properties of an activity object that are structure, not inputs.
    private static readonly HashSet<string> StructuralProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "activities",
        "connections", "variables", "start", "canStartWorkflow", "runAsynchronously", "source", "line",
        "synchronousCompletion", "body",
    };

    /// <summary>Reads a definition file.</summary>
    public DefinitionReadResult ReadFile(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            return DefinitionReadResult.Failed(DefinitionError.At(path, null, DefinitionErrorCode.FileUnreadable, ("detail", ex.Message)));
        }
        catch (UnauthorizedAccessException ex)
        {
            return DefinitionReadResult.Failed(DefinitionError.At(path, null, DefinitionErrorCode.FileUnreadable, ("detail", ex.Message)));
        }
        return Read(json, Path.GetFileName(path));
    }

    /// <summary>Reads a definition from its JSON text; <paramref name="source"/> names it in errors.</summary>
    public DefinitionReadResult Read(string json, string? source = null)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return DefinitionReadResult.Failed(DefinitionError.At(source, null, DefinitionErrorCode.NotJson, ("detail", ex.Message)));
        }

        if (document is not JsonObject root)
            return DefinitionReadResult.Failed(DefinitionError.At(source, null, DefinitionErrorCode.NotAnObject));

        var errors = new List<DefinitionError>();
        var parse = new ParseRun(registry, source, errors);
        if (root["root"] is not JsonObject rootActivity)
        {
            errors.Add(DefinitionError.At(source, null, DefinitionErrorCode.NoRoot));
            return new DefinitionReadResult(null, errors);
        }

        var rootNode = parse.Activity(rootActivity, isRoot: true);
        if (rootNode is not null && rootNode.Type != BuiltInTypes.Flowchart && !Structured.CompositeLowering.Types.Contains(rootNode.Type))
            errors.Add(DefinitionError.At(source, rootNode.Id, DefinitionErrorCode.RootNotFlowchart, ("type", rootNode.Type)));

        var variables = new List<VariableDefinition>();
        parse.Variables(root["variables"] as JsonArray, variables);
        parse.Variables(rootActivity["variables"] as JsonArray, variables);

        if (rootNode is null)
            return new DefinitionReadResult(null, errors);

        var definitionId = Text(root, "definitionId") ?? Text(root, "id") ?? rootNode.Id;
        var definition = new WorkflowDefinition(
            Text(root, "id") ?? definitionId,
            definitionId,
            root["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : 1,
            Text(root, "name") ?? definitionId,
            variables,
            rootNode) { Source = source };

        new DefinitionValidator(registry, errors).Validate(definition);
        return errors.Count > 0 ? new DefinitionReadResult(null, errors) : new DefinitionReadResult(definition, errors);
    }

    internal static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private sealed class ParseRun(ActivityRegistry registry, string? source, List<DefinitionError> errors)
    {
        public ActivityNode? Activity(JsonObject json, bool isRoot = false)
        {
            var id = Text(json, "id");
            var type = Text(json, "type");
            if (string.IsNullOrEmpty(id))
            {
                // The missing id refuses the definition, but must not hide what else is wrong inside it (a root
                // without an id would otherwise be the only error an author sees, not the unsupported types below it).
                errors.Add(DefinitionError.At(source, null, DefinitionErrorCode.ActivityWithoutId, ("type", type ?? "?")));
                if (!string.IsNullOrEmpty(type) && !registry.TryGet(type, out _))
                    errors.Add(new DefinitionError(source, null, registry.UnsupportedReason(type)));
                foreach (var child in (json["activities"] as JsonArray ?? []).OfType<JsonObject>())
                    Activity(child);
                if (json["body"] is JsonObject idlessBody && idlessBody.ContainsKey("type"))
                    Activity(idlessBody);
                return null;
            }
            if (string.IsNullOrEmpty(type))
            {
                errors.Add(DefinitionError.At(source, id, DefinitionErrorCode.ActivityWithoutType));
                return null;
            }
            // A published definition used as an activity: Elsa Studio writes the definition's own type name beside its
            // workflowDefinitionId; it runs as a sub-workflow, the exported name and pinned version kept as properties.
            string? exportedType = null;
            if (!registry.TryGet(type, out _) && json.ContainsKey("workflowDefinitionId")
                && registry.TryGet(SubWorkflows.WorkflowDefinitionActivity.Type, out _))
                (exportedType, type) = (type, SubWorkflows.WorkflowDefinitionActivity.Type);
            if (!registry.TryGet(type, out _))
                errors.Add(new DefinitionError(source, id, registry.UnsupportedReason(type)));

            var inputs = new Dictionary<string, InputValue>(StringComparer.OrdinalIgnoreCase);
            var properties = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
            var slots = new Dictionary<string, ActivityNode>(StringComparer.Ordinal);
            foreach (var (name, value) in json)
            {
                // A flowchart's `start` names its start activity; Elsa.For's is an input (an expression wrapper). Likewise
                // `body` is a While's or FlowNode's activity, but Elsa.SendEmail's text.
                if (StructuralProperties.Contains(name) && !(name is "start" or "body" && IsExpressionWrapper(value)))
                    continue;
                if (value is JsonObject wrapper && wrapper.ContainsKey("expression"))
                {
                    var input = Input(id, name, wrapper);
                    if (input is not null)
                        inputs[name] = input;
                    continue;
                }
                properties[name] = value;
                Slots(name, value, slots);
            }

            if (exportedType is not null)
            {
                properties[SubWorkflows.WorkflowDefinitionActivity.ExportedTypeProperty] = exportedType;
                properties[SubWorkflows.WorkflowDefinitionActivity.VersionProperty] = json["version"]?.DeepClone();
            }

            var custom = json["customProperties"] as JsonObject;
            var children = new List<ActivityNode>();
            var connections = new List<Connection>();
            if (json["activities"] is JsonArray activities)
            {
                foreach (var child in activities)
                {
                    if (child is JsonObject childObject && Activity(childObject) is { } node)
                        children.Add(node);
                }
            }
            if (json["connections"] is JsonArray connectionArray)
            {
                foreach (var c in connectionArray)
                {
                    if (c is JsonObject connection && Connection(id, connection) is { } parsed)
                        connections.Add(parsed);
                }
            }

            var body = json["body"] is JsonObject bodyJson && bodyJson.ContainsKey("type") ? Activity(bodyJson) : null;

            // The root's variables are the workflow's (read by the caller); a nested flowchart's are its own.
            var locals = new List<VariableDefinition>();
            if (!isRoot)
                Variables(json["variables"] as JsonArray, locals);

            return new ActivityNode(id, type, Text(json, "name"))
            {
                Body = body,
                Variables = locals.Count > 0 ? locals : [],
                Inputs = inputs,
                Properties = properties,
                MergeMode = MergeModeOf(id, custom?["mergeMode"]),
                CanStartWorkflow = custom?["canStartWorkflow"] is JsonValue csw && csw.TryGetValue<bool>(out var can) && can,
                Activities = children,
                Slots = slots,
                Connections = connections,
                StartActivityId = json["start"] switch
                {
                    JsonValue s when s.TryGetValue<string>(out var startId) => startId,
                    JsonObject o => Text(o, "id"),
                    _ => null,
                },
            };
        }

        // A composite's activity slots: an object with a type (If's then/else, Switch's default), a list of them (Fork's
        // branches), or a Switch's cases, each holding its activity.
        private void Slots(string name, JsonNode? value, Dictionary<string, ActivityNode> slots)
        {
            if (IsActivity(value) && Activity((JsonObject)value!) is { } single)
            {
                slots[name] = single;
                return;
            }
            if (value is not JsonArray list)
                return;
            for (var i = 0; i < list.Count; i++)
            {
                var item = IsActivity(list[i]) ? list[i] : list[i] is JsonObject holder && IsActivity(holder["activity"]) ? holder["activity"] : null;
                if (item is JsonObject activity && Activity(activity) is { } node)
                    slots[$"{name}/{i}"] = node;
            }
        }

        private static bool IsExpressionWrapper(JsonNode? node) => node is JsonObject o && o.ContainsKey("expression");

        private static bool IsActivity(JsonNode? node) =>
            node is JsonObject o && !o.ContainsKey("expression") && o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type.Contains('.');

        private InputValue? Input(string activityId, string name, JsonObject wrapper)
        {
            var typeName = Text(wrapper, "typeName");
            if (wrapper["expression"] is not JsonObject expression)
                return new InputValue(typeName, ExpressionKind.Literal, null);
            var kind = Text(expression, "type");
            var value = expression["value"]?.DeepClone();
            switch (kind)
            {
                case "Literal": return new InputValue(typeName, ExpressionKind.Literal, value);
                case "Object": return new InputValue(typeName, ExpressionKind.Object, value);
                case "Variable": return new InputValue(typeName, ExpressionKind.Variable, value);
                case "JavaScript": return new InputValue(typeName, ExpressionKind.JavaScript, value);
                case null: return new InputValue(typeName, ExpressionKind.Literal, value);
                case "Liquid":
                    errors.Add(DefinitionError.At(source, activityId, DefinitionErrorCode.LiquidUnsupported, ("input", name)));
                    return null;
                default:
                    errors.Add(DefinitionError.At(source, activityId, DefinitionErrorCode.ExpressionKindUnsupported, ("input", name), ("kind", kind ?? "")));
                    return null;
            }
        }

        private Connection? Connection(string flowchartId, JsonObject json)
        {
            // Elsa 3: { source: { activity, port }, target: { activity, port } }; older exports: { source, target, sourcePort, targetPort }.
            string? sourceId, sourcePort, targetId, targetPort;
            if (json["source"] is JsonObject s && json["target"] is JsonObject t)
            {
                (sourceId, sourcePort) = (Text(s, "activity"), Text(s, "port"));
                (targetId, targetPort) = (Text(t, "activity"), Text(t, "port"));
            }
            else
            {
                (sourceId, sourcePort) = (Text(json, "source"), Text(json, "sourcePort"));
                (targetId, targetPort) = (Text(json, "target"), Text(json, "targetPort"));
            }
            if (sourceId is null || targetId is null)
            {
                errors.Add(DefinitionError.At(source, flowchartId, DefinitionErrorCode.ConnectionWithoutEnds));
                return null;
            }
            return new Connection(sourceId, sourcePort ?? "Done", targetId, targetPort ?? "In");
        }

        private MergeMode? MergeModeOf(string activityId, JsonNode? node)
        {
            if (node is null)
                return null;
            if (node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                if (string.Equals(text, "None", StringComparison.OrdinalIgnoreCase) || text.Length == 0)
                    return null;
                if (Enum.TryParse<MergeMode>(text, ignoreCase: true, out var mode))
                    return mode;
            }
            errors.Add(DefinitionError.At(source, activityId, DefinitionErrorCode.MergeModeUnknown, ("mode", node.ToJsonString())));
            return null;
        }

        public void Variables(JsonArray? array, List<VariableDefinition> into)
        {
            if (array is null)
                return;
            foreach (var item in array)
            {
                if (item is not JsonObject v)
                    continue;
                var name = Text(v, "name");
                if (string.IsNullOrEmpty(name))
                {
                    errors.Add(DefinitionError.At(source, null, DefinitionErrorCode.VariableWithoutName));
                    continue;
                }
                if (into.Any(x => x.Name == name))
                {
                    errors.Add(DefinitionError.At(source, null, DefinitionErrorCode.VariableDeclaredTwice, ("variable", name)));
                    continue;
                }
                into.Add(new VariableDefinition(Text(v, "id") ?? name, name, Text(v, "typeName") ?? "Object", v["value"]?.DeepClone()));
            }
        }
    }
}

/// <summary>The outcome of reading a definition: the definition, or the errors that refused it.</summary>
public sealed record DefinitionReadResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    public bool Succeeded => Definition is not null && Errors.Count == 0;

    /// <summary>The definition, or an <see cref="InvalidDefinitionException"/> listing every error.</summary>
    public WorkflowDefinition GetOrThrow() => Definition ?? throw new InvalidDefinitionException(Errors);

    internal static DefinitionReadResult Failed(DefinitionError error) => new(null, [error]);
}

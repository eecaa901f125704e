using System.Text.Json.Nodes;
using Approval.Engine.Expressions;
using Approval.Engine.Runtime;

namespace Approval.Engine.SubWorkflows;

/// <summary>
/// What a sub-workflow activity asks its host for: a child instance of a definition. The activity suspends on a
/// bookmark named after the child (<see cref="BookmarkNameFor"/>) carrying this request as its payload, so the request
/// is stored with the parent before the child exists; the host (<see cref="Hosting.WorkflowRuntime"/>) starts the child
/// after saving the parent, and resumes that bookmark with a <see cref="SubWorkflowOutcome"/> when the parent may go on.
/// </summary>
public sealed record SubWorkflowRequest(
    string ChildInstanceId,
    string DefinitionId,
    int? Version,
    JsonObject Input,
    string? CorrelationId,
    bool WaitForCompletion)
{
    private const string BookmarkPrefix = "subworkflow:";

    /// <summary>The name of the parent's bookmark that the end of child <paramref name="childInstanceId"/> resumes.</summary>
    public static string BookmarkNameFor(string childInstanceId) => BookmarkPrefix + childInstanceId;

    /// <summary>The request a bookmark carries, or null for any other bookmark.</summary>
    public static SubWorkflowRequest? Of(Bookmark bookmark)
    {
        if (bookmark.Name is not { } name || !name.StartsWith(BookmarkPrefix, StringComparison.Ordinal) || bookmark.Payload is not JsonObject payload)
            return null;
        return new SubWorkflowRequest(
            name[BookmarkPrefix.Length..],
            Values.AsString(payload["definitionId"]) ?? "",
            payload["version"] is JsonValue v && v.TryGetValue<int>(out var version) ? version : null,
            payload["input"] as JsonObject ?? [],
            Values.AsString(payload["correlationId"]),
            Values.AsBoolean(payload["waitForCompletion"]) ?? false);
    }

    internal JsonObject ToPayload() => new()
    {
        ["definitionId"] = DefinitionId,
        ["version"] = Version,
        ["input"] = Input.DeepClone(),
        ["correlationId"] = CorrelationId,
        ["waitForCompletion"] = WaitForCompletion,
    };
}

/// <summary>
/// How a child stood when its parent's activity was resumed: its status and output, or the problem that stops the
/// parent's activity (the child faulted or was cancelled, its definition is missing, the nesting is too deep).
/// <see cref="Waited"/> is false when the parent did not wait for the end (it goes on as soon as the child is started).
/// </summary>
public sealed record SubWorkflowOutcome(string ChildInstanceId, WorkflowStatus Status, JsonObject Output, string? Problem, bool Waited)
{
    /// <summary>The outcome of a child instance as it stands.</summary>
    public static SubWorkflowOutcome Of(WorkflowInstance child, bool waited)
    {
        var problem = child.Status switch
        {
            WorkflowStatus.Faulted => "faulted: " + string.Join("; ", child.OpenIncidents.Select(i => $"{i.ActivityId}: {i.Message}")),
            WorkflowStatus.Cancelled => "was cancelled",
            _ => null,
        };
        return new SubWorkflowOutcome(child.Id, child.Status, new JsonObject(child.Output.Select(o => KeyValuePair.Create(o.Key, o.Value?.DeepClone()))), problem, waited);
    }

    public JsonObject ToJson() => new()
    {
        ["workflowInstanceId"] = ChildInstanceId,
        ["status"] = Status.ToString(),
        ["output"] = Output.DeepClone(),
        ["problem"] = Problem,
        ["waited"] = Waited,
    };

    internal static SubWorkflowOutcome From(JsonNode? json)
    {
        var o = json as JsonObject ?? [];
        return new SubWorkflowOutcome(
            Values.AsString(o["workflowInstanceId"]) ?? "",
            Enum.TryParse<WorkflowStatus>(Values.AsString(o["status"]), out var status) ? status : WorkflowStatus.Finished,
            o["output"] as JsonObject ?? [],
            Values.AsString(o["problem"]),
            Values.AsBoolean(o["waited"]) ?? true);
    }
}

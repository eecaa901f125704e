using System.Text.Json.Nodes;

namespace Approval.Tests.Engine.SubWorkflows;

/// <summary>Parents and children for the sub-workflow specifications, each under a definition id of its own.</summary>
internal static class SubWorkflowDefinitions
{
    /// <summary>A department's own review: RunTask <paramref name="task"/>, then output <c>verdict</c> = the task's <c>verdict</c>.</summary>
    public static string DepartmentReview(string definitionId, string task = "department-review") => Named(definitionId, Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Task("review", task),
            Flow.Js("verdict", "Elsa.SetOutput", "outputValue", "return (input.Department || '?') + ':' + 'reviewed';").With("outputName", "verdict"),
            Flow.End()),
        Flow.Connections(Flow.Connect("start", "review"), Flow.Connect("review", "verdict"), Flow.Connect("verdict", "end"))),
        inputs: ["Department"]);

    /// <summary>A child that faults at once.</summary>
    public static string Faulting(string definitionId) => Named(definitionId, Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Activity("fault", "Elsa.Fault", ("message", "the department system is down"))),
        Flow.Connections(Flow.Connect("start", "fault"))));

    /// <summary>Start → <paramref name="subWorkflow"/> → WriteLine of variable <c>Review</c> → End.</summary>
    public static string Parent(string definitionId, JsonObject subWorkflow) => Named(definitionId, Flow.Definition(
        Flow.Activities(Flow.Start(), subWorkflow, Flow.Js("after", "Elsa.WriteLine", "text", "return 'after: ' + JSON.stringify(getVariable('Review'));"), Flow.End()),
        Flow.Connections(Flow.Connect("start", subWorkflow["id"]!.GetValue<string>()), Flow.Connect(subWorkflow["id"]!.GetValue<string>(), "after"), Flow.Connect("after", "end")),
        ReviewVariable()));

    /// <summary>
    /// The approval use case: acceptance forks into the fire department's own review procedure (a sub-workflow) and the
    /// tax review (a task of the parent); both joined (wait all) before the decision is written.
    /// </summary>
    public static string ParallelReview(string definitionId, string childId) => Named(definitionId, Flow.Definition(
        Flow.Activities(Flow.Start(),
            Execute("fire", childId, wait: true, input: new JsonObject { ["Department"] = "消防" }),
            Flow.Task("tax", "tax-review"),
            Flow.Join("join", "WaitAll"),
            Flow.Js("decide", "Elsa.WriteLine", "text", "return '办结: ' + getVariable('Review').verdict;"),
            Flow.End()),
        Flow.Connections(Flow.Connect("start", "fire"), Flow.Connect("start", "tax"), Flow.Connect("fire", "join"), Flow.Connect("tax", "join"),
            Flow.Connect("join", "decide"), Flow.Connect("decide", "end")),
        ReviewVariable()));

    /// <summary>An <c>Elsa.ExecuteWorkflow</c> (or <c>Elsa.DispatchWorkflow</c>) of <paramref name="childId"/>, its result into variable <c>Review</c>.</summary>
    public static JsonObject Execute(string id, string childId, bool wait, JsonObject? input = null, string type = "Elsa.ExecuteWorkflow")
    {
        var activity = Flow.Activity(id, type, ("workflowDefinitionId", childId), ("waitForCompletion", wait));
        if (input is not null)
            activity["input"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = input.ToJsonString() } };
        activity["result"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Review" } };
        return activity;
    }

    /// <summary>A published definition used as an activity, as Elsa Studio exports it: its own type name, id and version.</summary>
    public static JsonObject AsActivity(string id, string childId, int? version, string department)
    {
        var activity = Flow.Activity(id, "DepartmentReview", ("department", department));
        activity["workflowDefinitionId"] = childId;
        activity["workflowDefinitionVersionId"] = $"{childId}-v{version ?? 1}";
        activity["latestAvailablePublishedVersion"] = version ?? 1;
        if (version is not null)
            activity["version"] = version;
        activity["verdict"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "Review" } };
        return activity;
    }

    public static JsonObject With(this JsonObject activity, string input, string literal)
    {
        activity[input] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = literal } };
        return activity;
    }

    private static JsonArray ReviewVariable() => [new JsonObject { ["id"] = "Review", ["name"] = "Review", ["typeName"] = "Object" }];

    public static string Named(string definitionId, string json, string[]? inputs = null)
    {
        var definition = JsonNode.Parse(json)!;
        definition["definitionId"] = definitionId;
        definition["id"] = $"{definitionId}-v1";
        definition["name"] = definitionId;
        if (inputs is not null)
            definition["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)new JsonObject { ["name"] = i, ["type"] = "String" })]);
        return definition.ToJsonString();
    }
}

using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Runtime;

namespace Approval.Benchmarks;

/// <summary>
/// The reference process, in the Elsa 3 format: Start → FlowFork into six department reviews
/// (<c>Elsa.RunTask</c>, one task name per department, each suspends on a bookmark) → FlowJoin WaitAll → End.
/// </summary>
internal static class ReferenceProcess
{
    public const int Departments = 6;

    private static readonly (string Branch, string Name)[] Reviews =
    [
        ("fire", "消防审查"),
        ("planning", "规划审查"),
        ("environment", "环保审查"),
        ("health", "卫生审查"),
        ("transport", "交通审查"),
        ("heritage", "文物审查"),
    ];

    /// <summary>What a department sends back when it completes its review (the same for every resume).</summary>
    public static JsonNode ReviewResult { get; } = new JsonObject { ["approved"] = true, ["comment"] = "符合要求" };

    public static string Json()
    {
        var activities = new JsonArray
        {
            new JsonObject { ["id"] = "start", ["type"] = "Elsa.Start", ["name"] = "受理" },
            new JsonObject
            {
                ["id"] = "fork", ["type"] = "Elsa.FlowFork", ["name"] = "分送各部门",
                // As Elsa Studio writes FlowFork branches: an Object expression holding a JSON array.
                ["branches"] = Input("List<String>", "Object", new JsonArray([.. Reviews.Select(r => (JsonNode)r.Branch)]).ToJsonString()),
            },
            new JsonObject
            {
                ["id"] = "join", ["type"] = "Elsa.FlowJoin", ["name"] = "汇总意见",
                ["mode"] = Input("FlowJoinMode", "Literal", "WaitAll"),
            },
            new JsonObject { ["id"] = "end", ["type"] = "Elsa.End", ["name"] = "办结" },
        };
        var connections = new JsonArray { Connect("start", "Done", "fork"), Connect("join", "Done", "end") };
        foreach (var (branch, name) in Reviews)
        {
            activities.Add(new JsonObject
            {
                ["id"] = "review-" + branch, ["type"] = "Elsa.RunTask", ["name"] = name,
                ["taskName"] = Input("String", "Literal", "review-" + branch),
            });
            connections.Add(Connect("fork", branch, "review-" + branch));
            connections.Add(Connect("review-" + branch, "Done", "join"));
        }
        return new JsonObject
        {
            ["id"] = "reference-process-v1",
            ["definitionId"] = "reference-process",
            ["name"] = "Reference process",
            ["version"] = 1,
            ["root"] = new JsonObject
            {
                ["id"] = "flowchart", ["type"] = "Elsa.Flowchart",
                ["activities"] = activities,
                ["connections"] = connections,
            },
        }.ToJsonString();
    }

    public static CompiledWorkflow Compile(WorkflowEngine engine) =>
        engine.Compile(engine.CreateReader().Read(Json(), "reference-process.json").GetOrThrow());

    public static WorkflowEngine Engine(bool recordLog, TimeProvider? time = null) =>
        new(ActivityRegistry.CreateDefault(), time ?? TimeProvider.System, new WorkflowEngineOptions { RecordExecutionLog = recordLog });

    private static JsonObject Input(string typeName, string kind, string value) => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = kind, ["value"] = value },
    };

    private static JsonObject Connect(string source, string port, string target) => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };
}

using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Engine;

/// <summary>Runs one definition in memory with a fake clock and records what WriteLine wrote.</summary>
internal sealed class WorkflowHarness
{
    private readonly StringWriter _console = new();

    public WorkflowHarness(string json, ActivityRegistry? registry = null, Action<WorkflowEngineOptions>? configure = null)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));
        var options = new WorkflowEngineOptions { Console = _console };
        configure?.Invoke(options);
        Engine = new WorkflowEngine(registry ?? ActivityRegistry.CreateDefault(), Clock, options);
        var read = Engine.CreateReader().Read(json, "test.json");
        Assert.That(read.Errors, Is.Empty, "the definition should load");
        Workflow = Engine.Compile(read.GetOrThrow());
        Instance = Engine.CreateInstance(Workflow);
    }

    public static WorkflowHarness ForFile(string path) => new(File.ReadAllText(path));

    public FakeTimeProvider Clock { get; }
    public WorkflowEngine Engine { get; }
    public CompiledWorkflow Workflow { get; }
    public WorkflowInstance Instance { get; }
    public RunResult? Last { get; private set; }

    public IReadOnlyList<string> Lines =>
        _console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    public WorkflowStatus Status => Instance.Status;

    public IEnumerable<string?> PendingBookmarkNames => Instance.Bookmarks.Select(b => b.Name);

    public async Task<RunResult> StartAsync() => Last = await Engine.StartAsync(Workflow, Instance);

    public async Task<RunResult> ResumeAsync(string name, JsonNode? input = null)
    {
        Last = await Engine.ResumeByNameAsync(Workflow, Instance, name, input);
        Assert.That(Last.Outcome, Is.EqualTo(RunOutcome.Ran), $"a bookmark named '{name}' should have been waiting");
        return Last;
    }

    public async Task<RunResult> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return Last = await Engine.FireDueTimersAsync(Workflow, Instance);
    }
}

/// <summary>Writes small flowchart definitions in the Elsa 3 format for tests.</summary>
internal static class Flow
{
    public static string Definition(JsonArray activities, JsonArray connections, JsonArray? variables = null) =>
        new JsonObject
        {
            ["id"] = "test-v1",
            ["definitionId"] = "test",
            ["name"] = "Test",
            ["version"] = 1,
            ["variables"] = variables ?? [],
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart",
                ["id"] = "root",
                ["activities"] = activities,
                ["connections"] = connections,
            },
        }.ToJsonString();

    public static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["name"] = id };
        foreach (var (name, value) in inputs)
            activity[name] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        return activity;
    }

    public static JsonObject Start(string id = "start") => Activity(id, "Elsa.Start");
    public static JsonObject End(string id = "end") => Activity(id, "Elsa.End");
    public static JsonObject Write(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", text));
    public static JsonObject Event(string id, string name) => Activity(id, "Elsa.Event", ("eventName", name));
    public static JsonObject Task(string id, string name) => Activity(id, "Elsa.RunTask", ("taskName", name));
    public static JsonObject Join(string id, string mode) => Activity(id, "Elsa.FlowJoin", ("mode", mode));
    public static JsonObject Decision(string id, bool value) => Activity(id, "Elsa.FlowDecision", ("condition", value));
    public static JsonObject Delay(string id, string timeSpan) => Activity(id, "Elsa.Delay", ("timeSpan", timeSpan));

    /// <summary>A nested <c>Elsa.Flowchart</c> activity with its own activities and connections.</summary>
    public static JsonObject Flowchart(string id, JsonArray activities, JsonArray connections) => new()
    {
        ["id"] = id,
        ["type"] = "Elsa.Flowchart",
        ["name"] = id,
        ["activities"] = activities,
        ["connections"] = connections,
    };

    public static JsonObject Js(string id, string type, string input, string script)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["name"] = id };
        activity[input] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script } };
        return activity;
    }

    public static JsonObject WithMergeMode(this JsonObject activity, string mode)
    {
        activity["customProperties"] = new JsonObject { ["mergeMode"] = mode };
        return activity;
    }

    public static JsonObject Connect(string source, string target, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = target, ["port"] = "In" },
    };

    public static JsonArray Activities(params JsonObject[] items) => [.. items];
    public static JsonArray Connections(params JsonObject[] items) => [.. items];
}

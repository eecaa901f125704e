using System.Text.Json.Nodes;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using static Approval.Tests.Engine.Flow;

namespace Approval.Tests.Engine;

/// <summary>
/// Elsa's structured composites (Sequence, Parallel, If, Switch, Fork, While, Break), run as the flowcharts they compile
/// to: in order, with waits inside them resumable after the instance was stored as JSON and read back.
/// </summary>
public class StructuredActivityTests
{
    private static JsonObject Sequence(string id, params JsonObject[] activities) =>
        new() { ["id"] = id, ["type"] = "Elsa.Sequence", ["name"] = id, ["activities"] = new JsonArray([.. activities]) };

    private static JsonObject Parallel(string id, params JsonObject[] activities) =>
        new() { ["id"] = id, ["type"] = "Elsa.Parallel", ["name"] = id, ["activities"] = new JsonArray([.. activities]) };

    private static JsonObject Condition(string script) =>
        new() { ["typeName"] = "Boolean", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script } };

    private static JsonObject If(string id, string condition, JsonObject? then, JsonObject? otherwise)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = "Elsa.If", ["name"] = id, ["condition"] = Condition(condition) };
        if (then is not null) node["then"] = then;
        if (otherwise is not null) node["else"] = otherwise;
        return node;
    }

    private static JsonObject While(string id, string condition, JsonObject body) =>
        new() { ["id"] = id, ["type"] = "Elsa.While", ["name"] = id, ["condition"] = Condition(condition), ["body"] = body };

    private static JsonObject Script(string id, string script) => Js(id, "Elsa.RunJavaScript", "script", script);

    private static JsonObject WriteJs(string id, string script) => Js(id, "Elsa.WriteLine", "text", script);

    private static JsonArray Counter(string name = "i") =>
        [new JsonObject { ["id"] = name, ["name"] = name, ["typeName"] = "Int32", ["value"] = "0" }];

    // A definition whose root is the given activity (an Elsa.Sequence root, as Elsa's code-first workflows have).
    private static string Rooted(JsonObject root, JsonArray? variables = null) =>
        new JsonObject { ["id"] = "test-v1", ["definitionId"] = "test", ["version"] = 1, ["variables"] = variables ?? [], ["root"] = root }.ToJsonString();

    private static async Task<WorkflowHarness> Started(string json, Dictionary<string, JsonNode?>? input = null)
    {
        var harness = new WorkflowHarness(json);
        if (input is not null)
            foreach (var (name, value) in input)
                harness.Instance.Input[name] = value;
        await harness.StartAsync();
        return harness;
    }

    // The instance as a store keeps it and reads it back, resumed by bookmark name.
    private static async Task<(WorkflowInstance Instance, RunResult Result)> ReloadAndResume(WorkflowHarness harness, WorkflowInstance instance, string name)
    {
        var reloaded = WorkflowInstanceJson.Deserialize(WorkflowInstanceJson.Serialize(instance));
        var result = await harness.Engine.ResumeByNameAsync(harness.Workflow, reloaded, name, null);
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Ran), $"a bookmark named '{name}' should have been waiting");
        return (reloaded, result);
    }

    [Test]
    public async Task A_sequence_as_the_root_runs_its_activities_in_order_whatever_port_each_completes_through()
    {
        var run = await Started(Rooted(Sequence("root", Write("one", "1"), Decision("d", false), Write("two", "2"))));
        Assert.That(run.Lines, Is.EqualTo(new[] { "1", "2" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_task_inside_a_sequence_suspends_it_and_resuming_the_stored_instance_continues_after_the_task()
    {
        var run = await Started(Definition(
            Activities(Start(), Sequence("seq", Write("a", "受理"), Task("t", "审查"), Write("b", "审查完毕")), Write("after", "办结")),
            Connections(Connect("start", "seq"), Connect("seq", "after"))));
        Assert.That(run.Lines, Is.EqualTo(new[] { "受理" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Suspended));
        Assert.That(run.PendingBookmarkNames, Is.EqualTo(new[] { "审查" }));

        var (instance, _) = await ReloadAndResume(run, run.Instance, "审查");
        Assert.That(run.Lines, Is.EqualTo(new[] { "受理", "审查完毕", "办结" }));
        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_parallel_runs_every_branch_and_completes_when_the_last_one_has()
    {
        var run = await Started(Definition(
            Activities(Start(), Parallel("par", Task("fire", "消防审查"), Task("tax", "税务审查")), Write("after", "汇总")),
            Connections(Connect("start", "par"), Connect("par", "after"))));
        Assert.That(run.PendingBookmarkNames, Is.EquivalentTo(new[] { "消防审查", "税务审查" }));

        await run.ResumeAsync("税务审查");
        Assert.That(run.Lines, Is.Empty);
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Suspended));

        await run.ResumeAsync("消防审查");
        Assert.That(run.Lines, Is.EqualTo(new[] { "汇总" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [TestCase(150, "big")]
    [TestCase(50, "small")]
    public async Task An_if_runs_then_or_else_by_its_condition(int amount, string line)
    {
        var run = await Started(Rooted(Sequence("root",
            If("if", "return getAmount() > 100;", Write("then", "big"), Write("else", "small")), Write("after", "after"))),
            new() { ["Amount"] = amount });
        Assert.That(run.Lines, Is.EqualTo(new[] { line, "after" }));
    }

    [TestCase("MatchFirst", 7, new[] { "over five" })]
    [TestCase("MatchAny", 7, new[] { "over five", "odd" })]
    [TestCase("MatchFirst", 2, new[] { "neither" })]
    public async Task A_switch_runs_its_matching_cases_else_its_default(string mode, int n, string[] lines)
    {
        var cases = new JsonArray(
            new JsonObject { ["label"] = "big", ["condition"] = Condition("return getN() > 5;")["expression"]!.DeepClone(), ["activity"] = Write("c1", "over five") },
            new JsonObject { ["label"] = "odd", ["condition"] = Condition("return getN() % 2 === 1;")["expression"]!.DeepClone(), ["activity"] = Write("c2", "odd") });
        var @switch = new JsonObject
        {
            ["id"] = "sw", ["type"] = "Elsa.Switch", ["cases"] = cases, ["default"] = Write("dflt", "neither"),
            ["mode"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = mode } },
        };
        var run = await Started(Rooted(Sequence("root", @switch)), new() { ["n"] = n });
        Assert.That(run.Lines, Is.EquivalentTo(lines));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    private static JsonObject Fork(string id, string joinMode, params JsonObject[] branches) => new()
    {
        ["id"] = id, ["type"] = "Elsa.Fork", ["branches"] = new JsonArray([.. branches]),
        ["joinMode"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = joinMode } },
    };

    [Test]
    public async Task A_fork_waiting_for_any_branch_continues_on_the_first_and_cancels_the_others()
    {
        var run = await Started(Rooted(Sequence("root", Fork("fork", "WaitAny", Task("a", "A"), Task("b", "B")), Write("after", "after"))));
        Assert.That(run.PendingBookmarkNames, Is.EquivalentTo(new[] { "A", "B" }));

        await run.ResumeAsync("B");
        Assert.That(run.Lines, Is.EqualTo(new[] { "after" }));
        Assert.That(run.Instance.Bookmarks, Is.Empty, "the other branch's bookmark is cancelled");
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_fork_waiting_for_all_branches_continues_after_the_last()
    {
        var run = await Started(Rooted(Sequence("root", Fork("fork", "WaitAll", Task("a", "A"), Task("b", "B")), Write("after", "after"))));
        await run.ResumeAsync("A");
        Assert.That(run.Lines, Is.Empty);
        await run.ResumeAsync("B");
        Assert.That(run.Lines, Is.EqualTo(new[] { "after" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_while_loops_until_its_condition_is_false()
    {
        var run = await Started(Rooted(Sequence("root",
            While("loop", "return getI() < 3;", Sequence("body", Script("inc", "setI(getI() + 1);"), WriteJs("w", "return 'pass ' + getI();"))),
            Write("done", "done")), Counter()));
        Assert.That(run.Lines, Is.EqualTo(new[] { "pass 1", "pass 2", "pass 3", "done" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
        // The log names the activities the compilation added by their type, and the composites by theirs.
        var log = run.Last!.Log;
        Assert.That(log.Where(e => e.ActivityId == "loop:condition" && e.Event == ExecutionEvent.Completed).Select(e => (e.ActivityType, e.Detail)),
            Is.EqualTo(new[] { ("Elsa.FlowDecision", "True"), ("Elsa.FlowDecision", "True"), ("Elsa.FlowDecision", "True"), ("Elsa.FlowDecision", "False") }));
        Assert.That(log.Where(e => e.ActivityId == "loop" && e.Event == ExecutionEvent.Completed).Select(e => e.ActivityType), Is.EqualTo(new[] { "Elsa.While" }));
    }

    [Test]
    public async Task A_break_ends_the_innermost_loop_from_inside_nested_composites()
    {
        var run = await Started(Rooted(Sequence("root",
            While("loop", "return true;", Sequence("body",
                Script("inc", "setI(getI() + 1);"),
                If("stop", "return getI() === 3;", new JsonObject { ["id"] = "break", ["type"] = "Elsa.Break" }, null),
                WriteJs("w", "return 'pass ' + getI();"))),
            Write("done", "done")), Counter()));
        Assert.That(run.Lines, Is.EqualTo(new[] { "pass 1", "pass 2", "done" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_timer_inside_a_while_fires_once_per_pass_and_the_loop_then_ends()
    {
        var run = await Started(Rooted(Sequence("root",
            While("loop", "return getI() < 2;", Sequence("body", Delay("wait", "1.00:00:00"), Script("inc", "setI(getI() + 1);"), WriteJs("w", "return 'day ' + getI();"))),
            Write("done", "done")), Counter()));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Suspended));
        Assert.That(run.Instance.Bookmarks.Single().DueAt, Is.EqualTo(run.Clock.GetUtcNow().AddDays(1)));

        await run.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.That(run.Lines, Is.EqualTo(new[] { "day 1" }));
        await run.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.That(run.Lines, Is.EqualTo(new[] { "day 1", "day 2", "done" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [TestCase("Elsa.RunCSharp")]
    public void Activities_not_run_yet_are_refused_by_name(string type)
    {
        var read = new Approval.Engine.Definitions.WorkflowDefinitionReader(Approval.Engine.Activities.ActivityRegistry.CreateDefault())
            .Read(Rooted(Sequence("root", Activity("x", type))), "test.json");
        Assert.That(read.Errors.Select(e => e.ToString()), Has.Some.StartsWith($"test.json: activity 'x': activity type '{type}' is not supported"));
    }
}

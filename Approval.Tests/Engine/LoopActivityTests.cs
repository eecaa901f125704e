using System.Text.Json.Nodes;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using static Approval.Tests.Engine.Flow;

namespace Approval.Tests.Engine;

/// <summary>
/// Elsa's loops: <c>Elsa.ForEach</c> and <c>Elsa.For</c> run their body once per value, one after another;
/// <c>Elsa.ParallelForEach</c> runs one body per item at once, each with its own current value, and completes after the
/// last. Waits inside iterations resume independently, after the instance was stored as JSON and read back.
/// </summary>
public class LoopActivityTests
{
    private static JsonObject Expression(string kind, JsonNode value) =>
        new() { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = kind, ["value"] = value } };

    private static JsonObject Sequence(string id, params JsonObject[] activities) =>
        new() { ["id"] = id, ["type"] = "Elsa.Sequence", ["activities"] = new JsonArray([.. activities]) };

    // A loop as Elsa Studio writes it: its inputs, its body, and its currentValue output bound to a variable by id.
    private static JsonObject Loop(string id, string type, JsonObject body, string? boundTo = null, params (string Name, JsonObject Value)[] inputs)
    {
        var loop = new JsonObject { ["id"] = id, ["type"] = type, ["name"] = id, ["body"] = body };
        foreach (var (name, value) in inputs)
            loop[name] = value;
        if (boundTo is not null)
            loop["currentValue"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = boundTo } };
        return loop;
    }

    private static JsonObject ForEach(string id, JsonNode items, JsonObject body, string? boundTo = null, string type = "Elsa.ForEach") =>
        Loop(id, type, body, boundTo, ("items", Expression("Object", items.ToJsonString())));

    private static JsonObject For(string id, long start, long end, long step, bool inclusive, JsonObject body) =>
        Loop(id, "Elsa.For", body, null,
            ("start", Expression("Literal", start)), ("end", Expression("Literal", end)),
            ("step", Expression("Literal", step)), ("outerBoundInclusive", Expression("Literal", inclusive)));

    private static string Rooted(JsonObject root, params string[] variables) => new JsonObject
    {
        ["id"] = "test-v1", ["definitionId"] = "test", ["version"] = 1, ["root"] = root,
        ["variables"] = new JsonArray([.. variables.Select(v => (JsonNode)new JsonObject { ["id"] = v + "-id", ["name"] = v, ["typeName"] = "Object" })]),
    }.ToJsonString();

    private static async Task<WorkflowHarness> Started(string json)
    {
        var harness = new WorkflowHarness(json);
        await harness.StartAsync();
        return harness;
    }

    private static async Task<WorkflowInstance> ReloadAndResume(WorkflowHarness harness, WorkflowInstance instance, string name)
    {
        var reloaded = WorkflowInstanceJson.Deserialize(WorkflowInstanceJson.Serialize(instance));
        var bookmark = reloaded.Bookmarks.Single(b => b.Name == name);
        var result = await harness.Engine.ResumeAsync(harness.Workflow, reloaded, bookmark.Id, null);
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Ran), $"the bookmark '{name}' should have been waiting");
        return reloaded;
    }

    [Test]
    public async Task A_for_each_runs_its_body_once_per_item_in_order_and_the_bound_variable_holds_each_item()
    {
        var run = await Started(Rooted(Sequence("root",
            ForEach("loop", new JsonArray("受理", "审查", "办结"),
                Js("w", "Elsa.WriteLine", "text", "return getCurrentIndex() + ':' + getCurrentValue() + '=' + getStep();"), boundTo: "step-id"),
            Js("after", "Elsa.WriteLine", "text", "return 'last ' + getStep();")), "step"));
        Assert.That(run.Lines, Is.EqualTo(new[] { "0:受理=受理", "1:审查=审查", "2:办结=办结", "last 办结" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(run.Last!.Log.Count(e => e.ActivityId == "loop" && e.Event == ExecutionEvent.Completed), Is.EqualTo(1));
    }

    [Test]
    public async Task A_for_each_waits_on_each_iterations_task_before_starting_the_next_and_the_stored_instance_continues()
    {
        var run = await Started(Rooted(Sequence("root",
            ForEach("loop", new JsonArray("fire", "samr"), Sequence("body",
                Js("t", "Elsa.RunTask", "taskName", "return 'review-' + getCurrentValue();"),
                Js("w", "Elsa.WriteLine", "text", "return 'reviewed ' + getCurrentValue();"))),
            Write("after", "done"))));
        Assert.That(run.PendingBookmarkNames, Is.EqualTo(new[] { "review-fire" }));

        var instance = await ReloadAndResume(run, run.Instance, "review-fire");
        Assert.That(instance.Bookmarks.Select(b => b.Name), Is.EqualTo(new[] { "review-samr" }));
        Assert.That(run.Lines, Is.EqualTo(new[] { "reviewed fire" }));

        instance = await ReloadAndResume(run, instance, "review-samr");
        Assert.That(run.Lines, Is.EqualTo(new[] { "reviewed fire", "reviewed samr", "done" }));
        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(instance.Scopes, Is.Empty);
    }

    [Test]
    public async Task A_break_ends_the_for_each_it_is_in_and_the_flow_goes_on_after_the_loop()
    {
        var body = Sequence("body",
            new JsonObject
            {
                ["id"] = "stop", ["type"] = "Elsa.If", ["then"] = new JsonObject { ["id"] = "break", ["type"] = "Elsa.Break" },
                ["condition"] = new JsonObject { ["typeName"] = "Boolean", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "return getCurrentValue() === 'c';" } },
            },
            Js("w", "Elsa.WriteLine", "text", "return getCurrentValue();"));
        var run = await Started(Rooted(Sequence("root", ForEach("loop", new JsonArray("a", "b", "c", "d"), body), Write("after", "after"))));
        Assert.That(run.Lines, Is.EqualTo(new[] { "a", "b", "after" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [TestCase(1, 5, 2, true, new[] { "1", "3", "5" })]
    [TestCase(1, 5, 2, false, new[] { "1", "3" })]
    [TestCase(3, 1, 1, true, new[] { "3", "2", "1" })]
    [TestCase(0, 3, 1, false, new[] { "0", "1", "2" })]
    [TestCase(2, 2, 1, false, new string[0])]
    public async Task A_for_counts_from_start_to_end_by_step_including_the_end_when_the_outer_bound_is_inclusive(
        int start, int end, int step, bool inclusive, string[] lines)
    {
        var run = await Started(Rooted(Sequence("root",
            For("loop", start, end, step, inclusive, Js("w", "Elsa.WriteLine", "text", "return '' + getCurrentValue();")))));
        Assert.That(run.Lines, Is.EqualTo(lines));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    /// <summary>The approval use case: one review task per department of a list, all at once, resumed in any order.</summary>
    [Test]
    public async Task A_parallel_for_each_opens_one_review_per_department_and_completes_after_the_last_whatever_the_order()
    {
        var body = Sequence("review",
            Js("t", "Elsa.RunTask", "taskName", "return 'review-' + getCurrentValue();"),
            Js("w", "Elsa.WriteLine", "text", "return getCurrentIndex() + ' ' + getCurrentValue() + ' reviewed, bound ' + getDept();"));
        var run = await Started(Rooted(Sequence("root",
            ForEach("each", new JsonArray("fire", "samr", "housing"), body, boundTo: "dept-id", type: "Elsa.ParallelForEach"),
            Write("after", "汇总")), "dept"));
        Assert.That(run.PendingBookmarkNames, Is.EquivalentTo(new[] { "review-fire", "review-samr", "review-housing" }));
        Assert.That(run.Instance.Scopes.Count(s => s.Iteration is not null), Is.EqualTo(3));

        var instance = await ReloadAndResume(run, run.Instance, "review-samr");
        instance = await ReloadAndResume(run, instance, "review-housing");
        Assert.That(run.Lines, Is.EqualTo(new[] { "1 samr reviewed, bound samr", "2 housing reviewed, bound housing" }));
        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Suspended));
        Assert.That(instance.Bookmarks.Select(b => b.Name), Is.EqualTo(new[] { "review-fire" }));

        instance = await ReloadAndResume(run, instance, "review-fire");
        Assert.That(run.Lines, Is.EqualTo(new[] { "1 samr reviewed, bound samr", "2 housing reviewed, bound housing", "0 fire reviewed, bound fire", "汇总" }));
        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(instance.Variables.GetValueOrDefault("dept"), Is.Null, "parallel iterations keep their item to themselves");
    }

    [Test]
    public async Task An_iteration_setting_its_current_value_changes_its_own_and_not_another_iterations()
    {
        var body = Sequence("body",
            Js("t", "Elsa.RunTask", "taskName", "return 'task-' + getCurrentValue();"),
            Js("set", "Elsa.RunJavaScript", "script", "setCurrentValue(getCurrentValue() + '!');"),
            Js("w", "Elsa.WriteLine", "text", "return variables.CurrentValue;"));
        var run = await Started(Rooted(Sequence("root", ForEach("each", new JsonArray("a", "b"), body, type: "Elsa.ParallelForEach"))));
        await run.ResumeAsync("task-b");
        await run.ResumeAsync("task-a");
        Assert.That(run.Lines, Is.EqualTo(new[] { "b!", "a!" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task Variables_the_body_flowchart_declares_are_fresh_for_each_iteration()
    {
        var body = Flowchart("body",
            Activities(
                Js("set", "Elsa.RunJavaScript", "script", "setOpinion(getOpinion() + ' ' + getCurrentValue());"),
                Js("t", "Elsa.RunTask", "taskName", "return 'task-' + getCurrentValue();"),
                Js("w", "Elsa.WriteLine", "text", "return getOpinion();")),
            Connections(Connect("set", "t"), Connect("t", "w")));
        body["variables"] = new JsonArray(new JsonObject { ["id"] = "opinion-id", ["name"] = "opinion", ["typeName"] = "String", ["value"] = "意见:" });
        var run = await Started(Rooted(Sequence("root", ForEach("each", new JsonArray("fire", "samr"), body, type: "Elsa.ParallelForEach"))));
        await run.ResumeAsync("task-samr");
        await run.ResumeAsync("task-fire");
        Assert.That(run.Lines, Is.EqualTo(new[] { "意见: samr", "意见: fire" }));
        Assert.That(run.Instance.Variables, Does.Not.ContainKey("opinion"), "a body's variable is not the workflow's");
    }

    [Test]
    public async Task Timers_inside_parallel_iterations_fire_once_each()
    {
        var body = Sequence("body", Delay("wait", "1.00:00:00"), Js("w", "Elsa.WriteLine", "text", "return 'due ' + getCurrentValue();"));
        var run = await Started(Rooted(Sequence("root", ForEach("each", new JsonArray(1, 2, 3), body, type: "Elsa.ParallelForEach"), Write("after", "done"))));
        Assert.That(run.Instance.Bookmarks.Select(b => b.DueAt), Is.EqualTo(Enumerable.Repeat<DateTimeOffset?>(run.Clock.GetUtcNow().AddDays(1), 3)));

        await run.AdvanceAsync(TimeSpan.FromHours(23));
        Assert.That(run.Lines, Is.Empty);
        await run.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.That(run.Lines, Is.EqualTo(new[] { "due 1", "due 2", "due 3", "done" }));
        await run.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.That(run.Lines, Has.Count.EqualTo(4), "no timer fires twice");
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_timer_inside_a_for_each_fires_once_per_iteration_and_none_is_lost()
    {
        var body = Sequence("body", Delay("wait", "1.00:00:00"), Js("w", "Elsa.WriteLine", "text", "return 'day ' + getCurrentValue();"));
        var run = await Started(Rooted(Sequence("root", ForEach("loop", new JsonArray(1, 2, 3), body), Write("after", "done"))));
        for (var day = 1; day <= 3; day++)
        {
            Assert.That(run.Instance.Bookmarks, Has.Count.EqualTo(1), "one timer at a time");
            // Two days pass: the iteration's timer fires once; the next iteration's is due a day after that.
            await run.AdvanceAsync(TimeSpan.FromDays(2));
        }
        Assert.That(run.Lines, Is.EqualTo(new[] { "day 1", "day 2", "day 3", "done" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task In_nested_loops_the_inner_current_value_shadows_the_outer_one_which_stays_readable_through_its_variable()
    {
        var inner = ForEach("inner", new JsonArray(1, 2), Js("w", "Elsa.WriteLine", "text", "return getOuter() + getCurrentValue();"));
        var run = await Started(Rooted(Sequence("root", ForEach("outer-loop", new JsonArray("x", "y"), inner, boundTo: "outer-id")), "outer"));
        Assert.That(run.Lines, Is.EqualTo(new[] { "x1", "x2", "y1", "y2" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_fault_in_one_parallel_iteration_is_retried_and_the_loop_then_completes_once()
    {
        var body = Sequence("body",
            Js("check", "Elsa.RunJavaScript", "script", "if (getCurrentValue() === 'b' && !getVariable('fixed')) throw new Error('no opinion for ' + getCurrentValue());"),
            Js("w", "Elsa.WriteLine", "text", "return 'ok ' + getCurrentValue();"));
        var run = await Started(Rooted(Sequence("root", ForEach("each", new JsonArray("a", "b"), body, type: "Elsa.ParallelForEach"), Write("after", "done")), "fixed"));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(run.Lines, Is.Empty, "a fault stops the instance, the other iteration's next step included");
        var incident = run.Instance.Incidents.Single();
        Assert.That(incident.Message, Does.Contain("no opinion for b"));

        run.Instance.Variables["fixed"] = true;
        var retried = await run.Engine.RetryAsync(run.Workflow, run.Instance, incident.Id);
        Assert.That(run.Lines, Is.EqualTo(new[] { "ok a", "ok b", "done" }));
        Assert.That(run.Instance.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(retried.Log.Count(e => e.ActivityId == "each" && e.Event == ExecutionEvent.Completed), Is.EqualTo(1));
    }

    // One department per iteration: its review, then the head's sign-off of that department's opinion.
    private static Task<WorkflowHarness> ReviewsThenSignOffs() => Started(Rooted(Sequence("root",
        ForEach("each", new JsonArray("fire", "samr", "housing"), Sequence("body",
            Js("review", "Elsa.RunTask", "taskName", "return 'review-' + getCurrentValue();"),
            Js("sign", "Elsa.RunTask", "taskName", "return 'sign-' + getCurrentValue();")), type: "Elsa.ParallelForEach"))));

    /// <summary>A correction of one department's review reopens that department's, in the iteration its task was in.</summary>
    [Test]
    public async Task Reopening_a_review_inside_a_parallel_for_each_reopens_it_in_the_iteration_its_task_was_in()
    {
        var run = await ReviewsThenSignOffs();
        var samrTask = run.Instance.Bookmarks.Single(b => b.Name == "review-samr");
        Assert.That(samrTask.Iteration, Is.EqualTo(1), "the wait knows its iteration");
        await run.ResumeAsync("review-fire");
        await run.ResumeAsync("review-samr");
        Assert.That(run.PendingBookmarkNames, Is.EquivalentTo(new[] { "review-housing", "sign-fire", "sign-samr" }));

        var corrected = await run.Engine.ReopenAsync(run.Workflow, run.Instance, "review", "市场监管意见有误", samrTask.Iteration);
        Assert.That(corrected.RemovedBookmarks.Select(b => b.Name), Is.EqualTo(new[] { "sign-samr" }), "fire's sign-off is not touched");
        Assert.That(run.PendingBookmarkNames, Is.EquivalentTo(new[] { "review-housing", "sign-fire", "review-samr" }));
        Assert.That(run.Instance.Bookmarks.Single(b => b.Name == "review-samr").Iteration, Is.EqualTo(1));

        var reloaded = WorkflowInstanceJson.Deserialize(WorkflowInstanceJson.Serialize(run.Instance));
        Assert.That(reloaded.Bookmarks.Select(b => b.Iteration), Is.EquivalentTo(new int?[] { 2, 0, 1 }), "the iteration is stored with the wait");
    }

    [Test]
    public async Task Reopening_without_naming_the_iteration_takes_the_latest_one_in_which_the_step_ran()
    {
        var run = await ReviewsThenSignOffs();
        await run.ResumeAsync("review-samr");
        await run.ResumeAsync("review-housing");

        // fire's review is waiting (iteration 0, the first); samr's and housing's ran: housing's is the latest.
        await run.Engine.ReopenAsync(run.Workflow, run.Instance, "review", "重新审查");
        Assert.That(run.PendingBookmarkNames, Is.EquivalentTo(new[] { "review-fire", "sign-samr", "review-housing" }));

        await run.ResumeAsync("review-housing");
        await run.ResumeAsync("review-fire");
        foreach (var department in new[] { "fire", "samr", "housing" })
            await run.ResumeAsync("sign-" + department);
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task Reopening_in_an_iteration_where_the_step_waits_now_or_that_ended_is_refused_and_nothing_changes()
    {
        var run = await ReviewsThenSignOffs();
        await run.ResumeAsync("review-fire");
        await run.ResumeAsync("sign-fire");
        var before = WorkflowInstanceJson.Serialize(run.Instance);

        var waiting = Assert.ThrowsAsync<WorkflowCorrectionException>(async () => await run.Engine.ReopenAsync(run.Workflow, run.Instance, "review", "x", 1));
        Assert.That(waiting!.Message, Is.EqualTo("'review' is running now in iteration 1: there is nothing to reopen"));
        var ended = Assert.ThrowsAsync<WorkflowCorrectionException>(async () => await run.Engine.ReopenAsync(run.Workflow, run.Instance, "review", "x", 0));
        Assert.That(ended!.Message, Does.Contain("not in an iteration 0 this instance is running"));
        Assert.That(WorkflowInstanceJson.Serialize(run.Instance), Is.EqualTo(before));
    }

    [Test]
    public async Task A_loop_over_no_items_completes_at_once()
    {
        var run = await Started(Rooted(Sequence("root",
            ForEach("loop", new JsonArray(), Task("t", "never")), ForEach("each", new JsonArray(), Task("u", "never"), type: "Elsa.ParallelForEach"),
            Write("after", "done"))));
        Assert.That(run.Lines, Is.EqualTo(new[] { "done" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task Items_that_are_not_a_list_fault_the_loop_with_an_incident_naming_it()
    {
        var loop = Loop("loop", "Elsa.ForEach", Task("t", "never"), null, ("items", Expression("JavaScript", "return '[1, 2';")));
        var run = await Started(Rooted(Sequence("root", loop)));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Faulted));
        var incident = run.Instance.Incidents.Single();
        Assert.That(incident.ActivityId, Is.EqualTo("loop"));
        Assert.That(incident.Message, Does.StartWith("items: '[1, 2' is not a list"));
    }

    [Test]
    public void A_current_value_bound_to_an_undeclared_variable_is_refused_at_load()
    {
        var read = new Approval.Engine.Definitions.WorkflowDefinitionReader(Approval.Engine.Activities.ActivityRegistry.CreateDefault())
            .Read(Rooted(Sequence("root", ForEach("loop", new JsonArray(1), Write("w", "x"), boundTo: "nowhere"))), "test.json");
        Assert.That(read.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { "test.json: activity 'loop': input 'currentValue' reads variable 'nowhere', which the definition does not declare" }));
    }

    /// <summary>An instance stored before loops existed (no iteration, locals or loop fields) loads and runs on.</summary>
    [Test]
    public async Task An_instance_stored_in_the_format_before_loops_loads_and_resumes()
    {
        var harness = new WorkflowHarness(Definition(
            Activities(Start(), Task("t", "审查"), Write("w", "办结")),
            Connections(Connect("start", "t"), Connect("t", "w"))));
        const string stored = """
            {"id":"0193a1b2c3d4e5f6a7b8c9d0e1f2a3b4","definitionId":"test","definitionVersionId":"test-v1","definitionVersion":1,
             "status":"Suspended","createdAt":"2026-11-24T01:00:00+00:00","updatedAt":"2026-11-24T01:00:00+00:00","revision":3,
             "input":{},"variables":{},"output":{},
             "scopes":[{"id":1,"flowchartId":"root","tokens":[]}],
             "executions":[{"id":3,"scopeId":1,"activityId":"t","state":"Suspended"}],
             "bookmarks":[{"id":"0193a1b2c3d4e5f6a7b8c9d0e1f2a3b5","executionId":3,"activityId":"t","activityType":"Elsa.RunTask","name":"审查","createdAt":"2026-11-24T01:00:00+00:00"}],
             "incidents":[],"resumedBookmarkIds":[],"nextId":3}
            """;
        var instance = WorkflowInstanceJson.Deserialize(stored);
        Assert.That(instance.Scopes.Single().Iteration, Is.Null);

        var result = await harness.Engine.ResumeAsync(harness.Workflow, instance, "0193a1b2c3d4e5f6a7b8c9d0e1f2a3b5", null);
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.Ran));
        Assert.That(harness.Lines, Is.EqualTo(new[] { "办结" }));
        Assert.That(instance.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task An_instance_without_loops_is_stored_in_the_same_format_as_before()
    {
        var run = await Started(Definition(Activities(Start(), Task("t", "审查")), Connections(Connect("start", "t"))));
        var json = WorkflowInstanceJson.Serialize(run.Instance);
        Assert.That(json, Does.Not.Contain("\"iteration\"").And.Not.Contain("\"locals\"").And.Not.Contain("\"loop\""));
    }
}

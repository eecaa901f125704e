using System.Text.Json.Nodes;
using Approval.Engine.Runtime;
using static Approval.Tests.Engine.Flow;

namespace Approval.Tests.Engine.Joins;

/// <summary>
/// Our join semantics on small inline flowcharts (see <c>Approval.Engine/Flowcharts/JoinRules.cs</c>): Stream and
/// WaitAllActive wait for the branches actually taken, WaitAll/Merge for every forward inbound connection, Converge for
/// loop-backs too, Cascade runs per token, WaitAny/Race runs once and cancels the rest. Plus scope completion
/// (End, Complete in nested flowcharts) and how resuming by bookmark id answers.
/// </summary>
public class JoinSemanticsTests
{
    private const WorkflowStatus Suspended = WorkflowStatus.Suspended;
    private const WorkflowStatus Finished = WorkflowStatus.Finished;
    private const WorkflowStatus Faulted = WorkflowStatus.Faulted;

    /// <summary>The joins that wait only for the branches actually taken.</summary>
    public static readonly string[] TakenBranchJoins = ["Stream by default", "Stream", "WaitAllActive"];

    // The join under test, id "j" (each definition follows it with "joined"): an activity with no merge mode (Stream by default),
    // one with an explicit mergeMode, or an Elsa.FlowJoin with that mode.
    private static JsonObject JoinOf(string kind) => kind switch
    {
        "Stream by default" => Activity("j", "Elsa.FlowNode"),
        "Stream" or "Merge" or "Converge" or "Cascade" => Activity("j", "Elsa.FlowNode").WithMergeMode(kind),
        _ => Join("j", kind),
    };

    // ---- Stream / WaitAllActive: wait for every branch that was taken, ignore the ones that were not ----

    [TestCaseSource(nameof(TakenBranchJoins))]
    public async Task Join_of_taken_branches_waits_for_a_slow_branch_two_steps_upstream(string join)
    {
        var run = StepTable.For(Definition(
            Activities(Start(), Task("a", "A"), Write("a2", "A2"), Write("b", "B"), JoinOf(join), Write("joined", "joined")),
            Connections(Connect("start", "a"), Connect("a", "a2"), Connect("a2", "j"), Connect("start", "b"), Connect("b", "j"), Connect("j", "joined"))));

        await run.Start();
        run.Expect(["B"], ["Task A"], Suspended);

        await run.CompleteTask("A");
        run.Expect(["A2", "joined"], [], Finished);
        Assert.That(run.Written("joined"), Is.EqualTo(1));
    }

    [TestCaseSource(nameof(TakenBranchJoins))]
    public async Task Join_of_taken_branches_ignores_a_branch_cut_off_by_a_decision(string join)
    {
        var run = StepTable.For(Definition(
            Activities(Start(), Decision("d", false), Write("cut", "cut"), Write("cut2", "cut 2"), Write("other", "other port"),
                Task("t", "T"), Write("b", "B"), JoinOf(join), Write("joined", "joined")),
            Connections(Connect("start", "d"), Connect("d", "cut", "True"), Connect("cut", "cut2"), Connect("cut2", "j"),
                Connect("d", "other", "False"), Connect("start", "t"), Connect("t", "b"), Connect("b", "j"), Connect("j", "joined"))));

        await run.Start();
        run.Expect(["other port"], ["Task T"], Suspended);

        await run.CompleteTask("T");
        run.Expect(["B", "joined"], [], Finished);
    }

    // The #6725 shape with each join: 'report' is rejected once (a loop back to its task), 'cost' arrives first.
    [TestCase("WaitAll")]
    [TestCase("Stream by default")]
    [TestCase("Stream")]
    [TestCase("WaitAllActive")]
    public async Task Join_waits_for_a_taken_branch_that_loops_back_to_an_earlier_activity(string join)
    {
        var setRejected = new JsonObject
        {
            ["id"] = "mark", ["type"] = "Elsa.SetVariable", ["name"] = "mark",
            ["variable"] = new JsonObject { ["id"] = "v-rejected", ["name"] = "Rejected", ["typeName"] = "Boolean" },
            ["value"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "true" } },
        };
        var run = StepTable.For(Definition(
            Activities(Start(), Task("report", "Report"), Js("d", "Elsa.FlowDecision", "condition", "return getRejected();"), setRejected,
                Write("rejected", "rejected"), Write("approved", "approved"), Task("cost", "Cost"), Write("cost-line", "cost"), JoinOf(join), Write("joined", "joined")),
            Connections(Connect("start", "report"), Connect("start", "cost"), Connect("report", "d"), Connect("d", "approved", "True"),
                Connect("d", "mark", "False"), Connect("mark", "rejected"), Connect("rejected", "report"), Connect("approved", "j"),
                Connect("cost", "cost-line"), Connect("cost-line", "j"), Connect("j", "joined")),
            [new JsonObject { ["id"] = "v-rejected", ["name"] = "Rejected", ["typeName"] = "Boolean", ["value"] = "false" }]));

        await run.Start();
        run.Expect([], ["Task Report", "Task Cost"], Suspended);

        await run.CompleteTask("Cost");
        run.Expect(["cost"], ["Task Report"], Suspended);

        await run.CompleteTask("Report");
        run.Expect(["rejected"], ["Task Report"], Suspended);

        await run.CompleteTask("Report");
        run.Expect(["approved", "joined"], [], Finished);
        Assert.That(run.Written("joined"), Is.EqualTo(1));
    }

    // ---- WaitAll / Merge: every forward inbound connection, so a cut branch is a deadlock ----

    [TestCase("WaitAll")]
    [TestCase("Merge")]
    public async Task Wait_all_join_after_a_decision_cut_a_branch_is_a_deadlock_naming_the_join_and_the_missing_branch(string join)
    {
        var run = StepTable.For(Definition(
            Activities(Start(), Decision("d", false), Write("cut-branch", "cut"), Task("t", "T"), Write("b", "B"), JoinOf(join), Write("joined", "joined")),
            Connections(Connect("start", "d"), Connect("d", "cut-branch", "True"), Connect("cut-branch", "j"),
                Connect("start", "t"), Connect("t", "b"), Connect("b", "j"), Connect("j", "joined"))));

        await run.Start();
        run.Expect([], ["Task T"], Suspended);

        await run.CompleteTask("T");
        run.Expect(["B"], [], Faulted);
        var incident = run.Instance.Incidents.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident.Kind, Is.EqualTo(IncidentKind.Deadlock));
            Assert.That(incident.ActivityId, Is.EqualTo("j"));
            Assert.That(incident.Message, Does.Contain("'j'").And.Contain("Merge").And.Contain("'cut-branch'"));
            Assert.That(run.Last!.NewIncidents, Is.EqualTo(new[] { incident }));
        }
    }

    [Test]
    public async Task Wait_all_join_holding_an_arrival_becomes_a_deadlock_when_a_later_decision_cuts_the_other_branch()
    {
        var run = StepTable.For(Definition(
            Activities(Start(), Task("t", "T"), Decision("d", false), Write("cut-branch", "cut"), Write("b", "B"), JoinOf("WaitAll"), Write("joined", "joined")),
            Connections(Connect("start", "t"), Connect("t", "d"), Connect("d", "cut-branch", "True"), Connect("cut-branch", "j"),
                Connect("start", "b"), Connect("b", "j"), Connect("j", "joined"))));

        await run.Start();
        run.Expect(["B"], ["Task T"], Suspended); // the decision is still to come: the join waits, no incident yet

        await run.CompleteTask("T");
        run.Expect([], [], Faulted);
        var incident = run.Instance.Incidents.Single();
        Assert.That(incident.Kind, Is.EqualTo(IncidentKind.Deadlock));
        Assert.That(incident.Message, Does.Contain("'j'").And.Contain("'cut-branch'"));
    }

    // ---- Converge: loop-back connections count too ----

    // Start → a → j, Start → b → j, j → joined → d; d: True loops back to j, False → done. The decision says False.
    private static string LoopBackIntoJoin(string join) => Definition(
        Activities(Start(), Write("a", "A"), Write("b", "B"), JoinOf(join), Write("joined", "joined"), Decision("d", false), Write("done", "done")),
        Connections(Connect("start", "a"), Connect("start", "b"), Connect("a", "j"), Connect("b", "j"), Connect("j", "joined"),
            Connect("joined", "d"), Connect("d", "j", "True"), Connect("d", "done", "False")));

    [Test]
    public async Task Merge_join_ignores_its_loop_back_connection()
    {
        var run = StepTable.For(LoopBackIntoJoin("Merge"));

        await run.Start();
        run.Expect(["A", "B", "joined", "done"], [], Finished);
    }

    [TestCase("Converge")]
    [TestCase("WaitAllInbound")]
    public async Task Converge_join_needs_a_token_on_its_loop_back_connection_too(string join)
    {
        var run = StepTable.For(LoopBackIntoJoin(join));

        await run.Start();
        run.Expect(["A", "B"], [], Faulted);
        var incident = run.Instance.Incidents.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(incident.Kind, Is.EqualTo(IncidentKind.Deadlock));
            Assert.That(incident.ActivityId, Is.EqualTo("j"));
            Assert.That(incident.Message, Does.Contain("Converge").And.Contain("'d' (port True)"));
        }
    }

    // ---- WaitAllInbound (Elsa FlowJoin's newer mode): every inbound connection, whether or not its source ran ----

    [Test]
    public async Task Wait_all_inbound_join_blocks_when_a_decision_did_not_follow_one_of_its_connections()
    {
        // Elsa's ExplicitJoinWaitAllInboundTests (join-wait-all-inbound.json): the decision says false, so only the False
        // branch reaches the join; Elsa leaves the workflow blocked, we say so in a Deadlock incident.
        var run = StepTable.For(Definition(
            Activities(Start(), Decision("d", false), Write("yes", "True branch"), Write("no", "False branch"), Join("j", "WaitAllInbound"), Write("joined", "joined")),
            Connections(Connect("start", "d"), Connect("d", "yes", "True"), Connect("d", "no", "False"),
                Connect("yes", "j"), Connect("no", "j"), Connect("j", "joined"))));

        await run.Start();
        run.Expect(["False branch"], [], Faulted);
        var incident = run.Instance.Incidents.Single();
        Assert.That(incident.Kind, Is.EqualTo(IncidentKind.Deadlock));
        Assert.That(incident.Message, Does.Contain("'j'").And.Contain("'yes'"));
    }

    [Test]
    public async Task Wait_all_inbound_join_runs_once_when_every_inbound_connection_brought_a_token()
    {
        var run = StepTable.For(Definition(
            Activities(Start(), Write("a", "A"), Task("t", "T"), Write("b", "B"), Join("j", "WaitAllInbound"), Write("joined", "joined")),
            Connections(Connect("start", "a"), Connect("start", "t"), Connect("t", "b"), Connect("a", "j"), Connect("b", "j"), Connect("j", "joined"))));

        await run.Start();
        run.Expect(["A"], ["Task T"], Suspended);

        await run.CompleteTask("T");
        run.Expect(["B", "joined"], [], Finished);
        Assert.That(run.Written("joined"), Is.EqualTo(1));
    }

    // ---- Cascade: once per token ----

    [Test]
    public async Task Cascade_join_runs_once_per_arriving_token()
    {
        var run = StepTable.For(Definition(
            Activities(Start(), Write("a", "A"), Task("t", "T"), JoinOf("Cascade"), Write("joined", "joined")),
            Connections(Connect("start", "a"), Connect("start", "t"), Connect("a", "j"), Connect("t", "j"), Connect("j", "joined"))));

        await run.Start();
        run.Expect(["A", "joined"], ["Task T"], Suspended);

        await run.CompleteTask("T");
        run.Expect(["joined"], [], Finished);
    }

    // ---- WaitAny / Race ----

    // Three branches into a WaitAny join: a task, a one-hour Delay and an event.
    private static string RaceOfTaskDelayAndEvent() => Definition(
        Activities(Start(), Task("task", "Review"), Delay("delay", "01:00:00"), Event("event", "Go"), Join("j", "WaitAny"), Write("after", "after join")),
        Connections(Connect("start", "task"), Connect("start", "delay"), Connect("start", "event"),
            Connect("task", "j"), Connect("delay", "j"), Connect("event", "j"), Connect("j", "after")));

    [Test]
    public async Task Wait_any_join_won_by_an_event_cancels_the_task_and_delay_bookmarks_and_runs_what_follows()
    {
        var run = StepTable.For(RaceOfTaskDelayAndEvent());

        await run.Start();
        run.Expect([], ["Task Review", "Delay delay due t=3600s", "Event Go"], Suspended);
        var task = run.BookmarkId("Review");
        var delay = run.TimerId("delay");
        var go = run.BookmarkId("Go");

        await run.Publish("Go");
        run.Expect(["after join"], [], Finished);
        Assert.That(run.Last!.RemovedBookmarks.Select(b => b.Id), Is.EquivalentTo(new[] { go, task, delay }), "resumed: Go; cancelled: the task and the delay");

        await run.AdvanceTo(7200);
        run.Expect([], [], Finished);
        await run.ResumeRefused(task, RunOutcome.NotFound, "complete the cancelled task");
    }

    [Test]
    public async Task Wait_any_join_won_by_a_task_cancels_the_delay_and_event_bookmarks_and_runs_what_follows()
    {
        var run = StepTable.For(RaceOfTaskDelayAndEvent());

        await run.Start();
        var task = run.BookmarkId("Review");
        var delay = run.TimerId("delay");
        var go = run.BookmarkId("Go");

        await run.CompleteTask("Review");
        run.Expect(["after join"], [], Finished);
        Assert.That(run.Last!.RemovedBookmarks.Select(b => b.Id), Is.EquivalentTo(new[] { task, delay, go }));
    }

    [Test]
    [Description("the note under elsa-core #6448 in Regressions/README.md")]
    public async Task Wait_any_join_discards_a_losing_branch_that_was_queued_but_had_not_run()
    {
        // 'fast' is queued before 'slow', so the join fires while the Event is scheduled and has not suspended yet.
        var run = StepTable.For(Definition(
            Activities(Start(), Write("fast", "fast"), Event("slow", "Slow"), Join("j", "WaitAny"), Write("after", "after join")),
            Connections(Connect("start", "fast"), Connect("start", "slow"), Connect("fast", "j"), Connect("slow", "j"), Connect("j", "after"))));

        await run.Start();
        run.Expect(["fast", "after join"], [], Finished);
        Assert.That(run.Last!.CreatedBookmarks, Is.Empty, "the Slow event never ran");
    }

    [Test]
    public async Task Wait_any_join_inside_a_loop_fires_again_on_every_pass()
    {
        // round → (A | B) → WaitAny → joined → event Next → back to round.
        var run = StepTable.For(Definition(
            Activities(Start(), Write("round", "round"), Event("a", "A"), Event("b", "B"), Join("j", "WaitAny"), Write("joined", "joined"), Event("next", "Next")),
            Connections(Connect("start", "round"), Connect("round", "a"), Connect("round", "b"), Connect("a", "j"), Connect("b", "j"),
                Connect("j", "joined"), Connect("joined", "next"), Connect("next", "round"))));

        await run.Start();
        run.Expect(["round"], ["Event A", "Event B"], Suspended);

        foreach (var winner in new[] { "A", "B", "A" })
        {
            await run.Publish(winner);
            run.Expect(["joined"], ["Event Next"], Suspended);

            await run.Publish("Next");
            run.Expect(["round"], ["Event A", "Event B"], Suspended);
        }
        Assert.That(run.Written("joined"), Is.EqualTo(3));
    }

    // ---- End and Complete inside a nested flowchart ----

    [Test]
    public async Task End_inside_a_nested_flowchart_completes_only_that_flowchart_and_the_outer_one_continues()
    {
        var inner = Flowchart("inner",
            Activities(Start("inner-start"), Event("inner-wait", "InnerWait"), Write("inner-line", "inner"), End("inner-end")),
            Connections(Connect("inner-start", "inner-wait"), Connect("inner-start", "inner-line"), Connect("inner-line", "inner-end")));
        var run = StepTable.For(Definition(
            Activities(Start(), inner, Write("after-inner", "after inner"), Event("outer-wait", "OuterWait"), Write("outer-line", "outer")),
            Connections(Connect("start", "inner"), Connect("start", "outer-wait"), Connect("inner", "after-inner"), Connect("outer-wait", "outer-line"))));

        await run.Start();
        run.Expect(["inner", "after inner"], ["Event OuterWait"], Suspended);
        Assert.That(run.Last!.CreatedBookmarks.Select(b => b.Name), Is.EqualTo(new[] { "OuterWait" }), "the inner event's bookmark was cancelled by the inner End");

        await run.Publish("OuterWait");
        run.Expect(["outer"], [], Finished);
    }

    [Test]
    public async Task Complete_inside_a_nested_flowchart_finishes_the_whole_workflow_and_cancels_bookmarks_elsewhere()
    {
        var inner = Flowchart("inner",
            Activities(Start("inner-start"), Event("inner-wait", "Go"), Activity("complete", "Elsa.Complete")),
            Connections(Connect("inner-start", "inner-wait"), Connect("inner-wait", "complete")));
        var run = StepTable.For(Definition(
            Activities(Start(), inner, Write("after-inner", "after inner"), Task("outer-task", "OuterTask"), Delay("outer-delay", "00:10:00")),
            Connections(Connect("start", "inner"), Connect("start", "outer-task"), Connect("start", "outer-delay"), Connect("inner", "after-inner"))));

        await run.Start();
        run.Expect([], ["Event Go", "Task OuterTask", "Delay outer-delay due t=600s"], Suspended);
        var outerTask = run.BookmarkId("OuterTask");
        var outerDelay = run.TimerId("outer-delay");

        await run.Publish("Go");
        run.Expect([], [], Finished);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Last!.RemovedBookmarks.Select(b => b.Id), Is.SupersetOf(new[] { outerTask, outerDelay }));
            Assert.That(run.Instance.Executions, Is.Empty);
            Assert.That(run.Instance.Scopes, Is.Empty);
        }
    }

    // ---- Resuming by bookmark id ----

    [TestCase("WaitAll")]
    [TestCase("WaitAllActive")]
    [TestCase("Stream by default")]
    public async Task Join_fires_once_after_its_tasks_are_completed_out_of_order(string join)
    {
        var run = StepTable.For(Definition(
            Activities(Start(), Activity("fork", "Elsa.FlowFork", ("branches", "one,two,three")),
                Task("t1", "Task1"), Task("t2", "Task2"), Task("t3", "Task3"), Write("w1", "1"), Write("w2", "2"), Write("w3", "3"),
                JoinOf(join), Write("joined", "joined")),
            Connections(Connect("start", "fork"), Connect("fork", "t1", "one"), Connect("fork", "t2", "two"), Connect("fork", "t3", "three"),
                Connect("t1", "w1"), Connect("t2", "w2"), Connect("t3", "w3"), Connect("w1", "j"), Connect("w2", "j"), Connect("w3", "j"),
                Connect("j", "joined"))));

        await run.Start();
        run.Expect([], ["Task Task1", "Task Task2", "Task Task3"], Suspended);

        await run.CompleteTask("Task3");
        run.Expect(["3"], ["Task Task1", "Task Task2"], Suspended);

        await run.CompleteTask("Task1");
        run.Expect(["1"], ["Task Task2"], Suspended);

        await run.CompleteTask("Task2");
        run.Expect(["2", "joined"], [], Finished);
    }

    private static string StartEventWrite() => Definition(
        Activities(Start(), Event("wait", "Go"), Write("line", "went")),
        Connections(Connect("start", "wait"), Connect("wait", "line")));

    [Test]
    public async Task Resuming_an_unknown_bookmark_id_returns_not_found_and_changes_nothing()
    {
        var run = StepTable.For(StartEventWrite());
        await run.Start();
        run.Expect([], ["Event Go"], Suspended);

        await run.ResumeRefused("no-such-bookmark", RunOutcome.NotFound);
        run.Expect([], ["Event Go"], Suspended);
    }

    [Test]
    public async Task Resuming_an_old_bookmark_of_a_finished_instance_returns_already_resumed_and_changes_nothing()
    {
        var run = StepTable.For(StartEventWrite());
        await run.Start();
        var go = run.BookmarkId("Go");
        await run.Publish("Go");
        run.Expect(["went"], [], Finished);

        await run.ResumeRefused(go, RunOutcome.AlreadyResumed);
        run.Expect([], [], Finished);
    }
}

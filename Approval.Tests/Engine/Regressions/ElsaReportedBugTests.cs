using Approval.Engine.Runtime;

namespace Approval.Tests.Engine.Regressions;

/// <summary>
/// Join bugs Elsa's users reported, replayed from the step tables in README.md beside this file: after every action,
/// the lines written during that step, the bookmarks left pending and the status. Timer bugs are in
/// <see cref="ElsaReportedTimerBugTests"/>.
/// </summary>
public class ElsaReportedBugTests
{
    private const WorkflowStatus Suspended = WorkflowStatus.Suspended;
    private const WorkflowStatus Finished = WorkflowStatus.Finished;

    // ---- #6725: WaitAll join with a loop-back inside one branch ----

    [Test]
    [Description("elsa-core #6725, variant A: the report branch loops while the cost branch is still suspended")]
    public async Task Wait_all_join_keeps_the_other_branch_pending_while_one_branch_loops_back()
    {
        var run = StepTable.Load("issue-6725-waitall-loop-in-branch.json");

        await run.Start();
        run.Expect(["start"], ["Task Report", "Task Cost"], Suspended);
        var firstReport = run.BookmarkId("Report");
        var cost = run.BookmarkId("Cost");

        await run.CompleteTask("Report");
        run.Expect(["report submitted", "report rejected"], ["Task Report", "Task Cost"], Suspended);
        Assert.That(run.BookmarkId("Report"), Is.Not.EqualTo(firstReport), "the loop creates a new Report bookmark");
        Assert.That(run.BookmarkId("Cost"), Is.EqualTo(cost), "the cost task is untouched by the loop");

        await run.CompleteTask("Report");
        run.Expect(["report submitted", "report approved"], ["Task Cost"], Suspended);

        await run.CompleteTask("Cost");
        run.Expect(["cost submitted", "joined"], [], Finished);
        Assert.That(run.Written("joined"), Is.EqualTo(1));
    }

    [Test]
    [Description("elsa-core #6725, variant B: the cost branch arrives first, then the report branch loops")]
    public async Task Wait_all_join_waits_for_a_branch_that_loops_back_before_it_arrives()
    {
        var run = StepTable.Load("issue-6725-waitall-loop-in-branch.json");

        await run.Start();
        run.Expect(["start"], ["Task Report", "Task Cost"], Suspended);

        await run.CompleteTask("Cost");
        run.Expect(["cost submitted"], ["Task Report"], Suspended);

        await run.CompleteTask("Report");
        run.Expect(["report submitted", "report rejected"], ["Task Report"], Suspended);

        await run.CompleteTask("Report");
        run.Expect(["report submitted", "report approved", "joined"], [], Finished);
        Assert.That(run.Written("joined"), Is.EqualTo(1));
    }

    // ---- #6763: WaitAll join remembers an arrival across a suspension ----

    [Test]
    [Description("elsa-core #6763: one branch reaches the WaitAll join in the first run, the other after an event")]
    public async Task Wait_all_join_remembers_a_branch_that_arrived_before_the_instance_suspended()
    {
        var run = StepTable.Load("issue-6763-waitall-branch-resumed-later.json");

        await run.Start();
        run.Expect(["start", "discharge done"], ["Event Weighed"], Suspended);

        await run.Publish("Weighed");
        run.Expect(["weighing done", "after join"], [], Finished);
    }

    // ---- #6346: WaitAny join of two events must run what follows it ----

    [Test]
    [Description("elsa-core #6346: publishing Approve runs the WaitAny join and End; the Reject bookmark is cancelled")]
    public async Task Wait_any_join_of_two_events_runs_its_successors_and_cancels_the_other_event()
    {
        var run = StepTable.Load("issue-6346-waitany-two-events-then-end.json");

        await run.Start();
        run.Expect(["waiting"], ["Event Approve", "Event Reject"], Suspended);
        var reject = run.BookmarkId("Reject");

        await run.Publish("Approve");
        run.Expect(["after join"], [], Finished);
        Assert.That(run.Last!.RemovedBookmarks.Select(b => b.Id), Does.Contain(reject), "the Reject bookmark is cancelled");

        await run.PublishWithNothingWaiting("Reject");
        run.Expect([], [], Finished);
    }

    [Test]
    [Description("elsa-core #6346, mirror: publishing Reject first")]
    public async Task Wait_any_join_of_two_events_runs_its_successors_whichever_event_comes_first()
    {
        var run = StepTable.Load("issue-6346-waitany-two-events-then-end.json");

        await run.Start();
        run.Expect(["waiting"], ["Event Approve", "Event Reject"], Suspended);
        var approve = run.BookmarkId("Approve");

        await run.Publish("Reject");
        run.Expect(["after join"], [], Finished);
        Assert.That(run.Last!.RemovedBookmarks.Select(b => b.Id), Does.Contain(approve), "the Approve bookmark is cancelled");

        await run.PublishWithNothingWaiting("Approve");
        run.Expect([], [], Finished);
    }

    // ---- #6448: cancelling the losing branch must not complete the flowchart early ----

    [Test]
    [Description("elsa-core #6448 (fixed by #7336, #7340): WaitAny cancels the suspended branch and still runs what follows the join")]
    public async Task Wait_any_join_cancelling_a_suspended_branch_still_runs_the_activities_after_the_join()
    {
        var run = StepTable.Load("issue-6448-waitany-cancel-must-not-end-flowchart.json");

        await run.Start();
        run.Expect(["start", "fast", "after join", "done"], [], Finished);
        Assert.That(run.Instance.Executions, Is.Empty, "the Slow event was cancelled, not left suspended");

        await run.PublishWithNothingWaiting("Slow");
        run.Expect([], [], Finished);
    }

    // ---- #7993 (and #6591): WaitAny join inside a loop ----

    [Test]
    [Description("elsa-core #7993 (fixed by PR #7994), related #6591: the second pass arrives through the other inbound")]
    public async Task Wait_any_join_in_a_loop_fires_again_when_the_next_pass_arrives_through_the_other_inbound()
    {
        var run = StepTable.Load("issue-7993-waitany-in-loop-other-inbound.json");

        await run.Start();
        run.Expect(["round start"], ["Event A", "Event B"], Suspended);
        var roundOne = new[] { run.BookmarkId("A"), run.BookmarkId("B") };

        await run.Publish("A");
        run.Expect(["joined", "round start"], ["Event A", "Event B"], Suspended);
        Assert.That(run.Instance.Bookmarks.Select(b => b.Id).Intersect(roundOne), Is.Empty, "both bookmarks of round 2 are new");
        Assert.That(run.Last!.RemovedBookmarks.Select(b => b.Id), Does.Contain(roundOne[1]), "the round-1 B bookmark is cancelled");

        await run.Publish("B");
        run.Expect(["joined", "done"], [], Finished);
    }

    [Test]
    [Description("elsa-core #7993, variant: the second pass arrives through the same inbound")]
    public async Task Wait_any_join_in_a_loop_fires_again_when_the_next_pass_arrives_through_the_same_inbound()
    {
        var run = StepTable.Load("issue-7993-waitany-in-loop-other-inbound.json");

        await run.Start();
        run.Expect(["round start"], ["Event A", "Event B"], Suspended);

        await run.Publish("A");
        run.Expect(["joined", "round start"], ["Event A", "Event B"], Suspended);

        await run.Publish("A");
        run.Expect(["joined", "done"], [], Finished);
    }
}

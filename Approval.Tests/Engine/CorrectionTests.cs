using Approval.Engine.Runtime;

namespace Approval.Tests.Engine;

/// <summary>Corrections: an administrator runs a wrongly completed step again; what followed it is undone, nothing is rewritten.</summary>
public class CorrectionTests
{
    private static WorkflowHarness Parallel(string joinMode) => new(Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Task("a", "a"), Flow.Task("b", "b"), Flow.Task("c", "c"), Flow.Join("join", joinMode),
            Flow.Write("joined", "joined"), Flow.Task("decision", "decision")),
        Flow.Connections(Flow.Connect("start", "a"), Flow.Connect("start", "b"), Flow.Connect("start", "c"),
            Flow.Connect("a", "join"), Flow.Connect("b", "join"), Flow.Connect("c", "join"),
            Flow.Connect("join", "joined"), Flow.Connect("joined", "decision"))));

    [Test]
    public async Task Reopening_a_review_after_the_join_withdraws_the_decision_and_waits_for_that_review_alone()
    {
        var harness = Parallel("WaitAll");
        await harness.StartAsync();
        foreach (var task in new[] { "a", "b", "c" })
            await harness.ResumeAsync(task);
        Assert.That(harness.PendingBookmarkNames, Is.EqualTo(new[] { "decision" }));

        var corrected = await harness.Engine.ReopenAsync(harness.Workflow, harness.Instance, "b", "审查意见有误");
        Assert.That(harness.PendingBookmarkNames, Is.EqualTo(new[] { "b" }));
        Assert.That(corrected.RemovedBookmarks.Select(b => b.Name), Is.EqualTo(new[] { "decision" }));
        Assert.That(corrected.Log.Any(e => e.Event == ExecutionEvent.Cancelled && e.Detail!.Contains("审查意见有误")), Is.True);

        await harness.ResumeAsync("b");
        Assert.That(harness.Lines, Is.EqualTo(new[] { "joined", "joined" }));
        Assert.That(harness.PendingBookmarkNames, Is.EqualTo(new[] { "decision" }));
    }

    [Test]
    public async Task Reopening_a_review_while_the_join_still_waits_takes_back_its_arrival()
    {
        var harness = Parallel("WaitAll");
        await harness.StartAsync();
        await harness.ResumeAsync("a");
        await harness.Engine.ReopenAsync(harness.Workflow, harness.Instance, "a", "补充审查");
        Assert.That(harness.PendingBookmarkNames, Is.EquivalentTo(new[] { "a", "b", "c" }));
        await harness.ResumeAsync("b");
        await harness.ResumeAsync("c");
        Assert.That(harness.Lines, Is.Empty, "the join waits for the reopened review too");
        await harness.ResumeAsync("a");
        Assert.That(harness.Lines, Is.EqualTo(new[] { "joined" }));
    }

    [Test]
    public async Task A_join_of_taken_branches_cannot_be_rewound_and_nothing_changes()
    {
        var harness = Parallel("WaitAllActive");
        await harness.StartAsync();
        foreach (var task in new[] { "a", "b", "c" })
            await harness.ResumeAsync(task);
        var before = Approval.Engine.Hosting.WorkflowInstanceJson.Serialize(harness.Instance);
        var error = Assert.ThrowsAsync<WorkflowCorrectionException>(async () => await harness.Engine.ReopenAsync(harness.Workflow, harness.Instance, "b", "x"));
        Assert.That(error!.Message, Does.Contain("cannot be restored"));
        Assert.That(Approval.Engine.Hosting.WorkflowInstanceJson.Serialize(harness.Instance), Is.EqualTo(before));
    }

    [Test]
    public async Task A_step_that_is_waiting_now_has_nothing_to_reopen()
    {
        var harness = Parallel("WaitAll");
        await harness.StartAsync();
        Assert.ThrowsAsync<WorkflowCorrectionException>(async () => await harness.Engine.ReopenAsync(harness.Workflow, harness.Instance, "a", "x"));
    }
}

using Approval.Engine.Activities;
using Approval.Engine.Runtime;

namespace Approval.Tests.Engine;

/// <summary>An activity that throws leaves a visible, retryable incident; nothing is lost.</summary>
public class FaultAndRetryTests
{
    /// <summary>Fails until told otherwise, like a department system that is down.</summary>
    private sealed class FlakyActivity : ActivityType
    {
        public bool Down { get; set; } = true;
        public override string TypeName => "Test.Flaky";

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
            Down ? throw new InvalidOperationException("the tax system is down") : new(ActivityResult.Done);
    }

    /// <summary>Stages a message for its host, then fails while told to (a computed address found wrong after staging).</summary>
    private sealed class StagingActivity : ActivityType
    {
        public sealed record Message(int ExecutionId) : StagedEffect;

        public bool Down { get; set; } = true;
        public override string TypeName => "Test.Staging";

        public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
        {
            context.Stage(new Message(context.ExecutionId));
            return Down ? throw new InvalidOperationException("the address is wrong") : new(ActivityResult.Done);
        }
    }

    [Test]
    public async Task What_an_activity_staged_before_it_failed_is_dropped_and_its_retry_stages_it_once()
    {
        var staging = new StagingActivity();
        var harness = new WorkflowHarness(Flow.Definition(
            Flow.Activities(Flow.Start(), Flow.Activity("send", "Test.Staging"), Flow.Event("after", "after")),
            Flow.Connections(Flow.Connect("start", "send"), Flow.Connect("send", "after"))), ActivityRegistry.CreateDefault().Register(staging));

        var failed = await harness.StartAsync();
        Assert.That(harness.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(failed.StagedEffects, Is.Empty, "a failed execution's effects are not the host's to write");

        staging.Down = false;
        var retried = await harness.Engine.RetryAsync(harness.Workflow, harness.Instance, harness.Instance.Incidents.Single().Id);
        Assert.That(retried.StagedEffects, Is.EqualTo(new[] { new StagingActivity.Message(harness.Instance.Incidents.Single().ExecutionId!.Value) }),
            "staged once, by the execution the incident stopped");
        Assert.That(harness.PendingBookmarkNames, Is.EqualTo(new[] { "after" }));
    }

    [Test]
    public async Task A_throwing_activity_opens_an_incident_and_a_retry_continues_where_it_stopped()
    {
        var flaky = new FlakyActivity();
        var registry = ActivityRegistry.CreateDefault().Register(flaky);
        var harness = new WorkflowHarness(Flow.Definition(
            Flow.Activities(Flow.Write("before", "before"), Flow.Activity("flaky", "Test.Flaky"), Flow.Write("after", "after")),
            Flow.Connections(Flow.Connect("before", "flaky"), Flow.Connect("flaky", "after"))), registry);

        await harness.StartAsync();
        Assert.That(harness.Status, Is.EqualTo(WorkflowStatus.Faulted));
        var incident = harness.Instance.Incidents.Single();
        Assert.That(incident.Message, Is.EqualTo("the tax system is down"));
        Assert.That(incident.ExceptionType, Is.EqualTo(nameof(InvalidOperationException)));

        flaky.Down = false;
        var retried = await harness.Engine.RetryAsync(harness.Workflow, harness.Instance, incident.Id);
        Assert.That(retried.Outcome, Is.EqualTo(RunOutcome.Ran));
        Assert.That(harness.Lines, Is.EqualTo(new[] { "before", "after" }));
        Assert.That(harness.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(incident.ResolvedAt, Is.Not.Null);
    }

    [Test]
    public async Task A_faulted_instance_refuses_resumes_until_its_incident_is_dealt_with()
    {
        var registry = ActivityRegistry.CreateDefault().Register(new FlakyActivity());
        var harness = new WorkflowHarness(Flow.Definition(
            Flow.Activities(Flow.Start(), Flow.Task("task", "review"), Flow.Activity("flaky", "Test.Flaky")),
            Flow.Connections(Flow.Connect("start", "task"), Flow.Connect("start", "flaky"))), registry);
        await harness.StartAsync();

        var bookmark = harness.Instance.Bookmarks.Single();
        var result = await harness.Engine.ResumeAsync(harness.Workflow, harness.Instance, bookmark.Id);
        Assert.That(result.Outcome, Is.EqualTo(RunOutcome.NotRunnable));
        Assert.That(harness.Instance.Bookmarks, Has.Count.EqualTo(1), "the bookmark is kept for after the retry");
    }

    [Test]
    public async Task The_fault_activity_stops_the_instance_with_its_message()
    {
        var harness = new WorkflowHarness(Flow.Definition(
            Flow.Activities(Flow.Activity("fault", "Elsa.Fault", ("message", "材料不全"))), Flow.Connections()));
        await harness.StartAsync();
        Assert.That(harness.Instance.Incidents.Single().Message, Is.EqualTo("材料不全"));
        Assert.That(harness.Instance.Incidents.Single().Kind, Is.EqualTo(IncidentKind.WorkflowFault));
    }
}

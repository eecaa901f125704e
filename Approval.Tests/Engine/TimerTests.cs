using Approval.Engine.Runtime;

namespace Approval.Tests.Engine;

/// <summary>Timers fire once, at their instant on the injected clock — never twice, never not at all.</summary>
public class TimerTests
{
    private static WorkflowHarness Waiting(string type, string input, string value) => new(Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Activity("wait", type, (input, value)), Flow.Write("after", "after")),
        Flow.Connections(Flow.Connect("start", "wait"), Flow.Connect("wait", "after"))));

    [Test]
    public async Task A_delay_fires_when_the_clock_reaches_it_and_not_before()
    {
        var harness = Waiting("Elsa.Delay", "timeSpan", "00:05:00");
        await harness.StartAsync();
        var timer = harness.Instance.Bookmarks.Single();
        Assert.That(timer.DueAt, Is.EqualTo(harness.Clock.GetUtcNow().AddMinutes(5)));

        var early = await harness.AdvanceAsync(TimeSpan.FromMinutes(4));
        Assert.That(early.Outcome, Is.EqualTo(RunOutcome.NothingToDo));
        Assert.That(harness.Lines, Is.Empty);

        await harness.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.That(harness.Lines, Is.EqualTo(new[] { "after" }));
        Assert.That(harness.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_timer_delivered_twice_fires_once()
    {
        var harness = Waiting("Elsa.Delay", "timeSpan", "00:00:10");
        await harness.StartAsync();
        var timer = harness.Instance.Bookmarks.Single();
        await harness.AdvanceAsync(TimeSpan.FromSeconds(10));

        var again = await harness.Engine.ResumeAsync(harness.Workflow, harness.Instance, timer.Id);
        var sweep = await harness.Engine.FireDueTimersAsync(harness.Workflow, harness.Instance);
        Assert.That(again.Outcome, Is.EqualTo(RunOutcome.AlreadyResumed));
        Assert.That(sweep.Outcome, Is.EqualTo(RunOutcome.NothingToDo));
        Assert.That(harness.Lines, Is.EqualTo(new[] { "after" }));
    }

    [Test]
    public async Task A_timer_found_late_still_fires_once()
    {
        var harness = Waiting("Elsa.Timer", "interval", "00:01:00");
        await harness.StartAsync();
        await harness.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.That(harness.Lines, Is.EqualTo(new[] { "after" }));
    }

    [Test]
    public async Task Start_at_a_past_instant_continues_at_once()
    {
        var harness = Waiting("Elsa.StartAt", "dateTime", "2020-01-01T00:00:00Z");
        await harness.StartAsync();
        Assert.That(harness.Lines, Is.EqualTo(new[] { "after" }));
    }

    [Test]
    public async Task Cron_waits_for_its_next_occurrence()
    {
        var harness = Waiting("Elsa.Cron", "cronExpression", "0 0 9 * * *"); // 09:00:00 UTC daily, seconds first
        await harness.StartAsync();
        var due = harness.Instance.Bookmarks.Single().DueAt!.Value;
        Assert.That(due, Is.EqualTo(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void A_delay_whose_time_span_does_not_parse_is_refused_at_load()
    {
        var read = new Approval.Engine.Definitions.WorkflowDefinitionReader(Approval.Engine.Activities.ActivityRegistry.CreateDefault())
            .Read(Flow.Definition(Flow.Activities(Flow.Activity("wait", "Elsa.Delay", ("timeSpan", "five minutes"))), Flow.Connections()));
        Assert.That(read.Errors.Single().Reason, Does.Contain("timeSpan"));
    }
}

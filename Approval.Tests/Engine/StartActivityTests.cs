namespace Approval.Tests.Engine;

/// <summary>Where a flowchart starts, in Elsa's order: Elsa.Start, canStartWorkflow, the activity with no inbound connection.</summary>
public class StartActivityTests
{
    [Test]
    public async Task A_flowchart_without_Elsa_Start_begins_at_the_activity_with_no_inbound_connection()
    {
        var harness = new WorkflowHarness(Flow.Definition(
            Flow.Activities(Flow.Write("second", "2"), Flow.Write("first", "1")),
            Flow.Connections(Flow.Connect("first", "second"))));
        await harness.StartAsync();
        Assert.That(harness.Lines, Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public async Task The_activity_marked_can_start_workflow_wins_over_the_root()
    {
        var marked = Flow.Write("marked", "marked");
        marked["customProperties"] = new System.Text.Json.Nodes.JsonObject { ["canStartWorkflow"] = true };
        var harness = new WorkflowHarness(Flow.Definition(Flow.Activities(Flow.Write("first", "first"), marked), Flow.Connections()));
        await harness.StartAsync();
        Assert.That(harness.Lines, Is.EqualTo(new[] { "marked" }));
    }

    [Test]
    public async Task An_empty_flowchart_finishes_at_once()
    {
        var harness = new WorkflowHarness(Flow.Definition(Flow.Activities(), Flow.Connections()));
        await harness.StartAsync();
        Assert.That(harness.Status, Is.EqualTo(Approval.Engine.Runtime.WorkflowStatus.Finished));
    }
}

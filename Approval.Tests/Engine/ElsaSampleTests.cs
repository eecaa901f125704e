using Approval.Engine.Activities;
using Approval.Engine.Runtime;

namespace Approval.Tests.Engine;

/// <summary>The samples from Elsa's own tests give the results Elsa's tests expect (shared/elsa/expected.md).</summary>
public class ElsaSampleTests
{
    private static async Task<WorkflowHarness> Run(string file)
    {
        var harness = WorkflowHarness.ForFile(ElsaSamples.Path_(file));
        await harness.StartAsync();
        return harness;
    }

    [TestCase("ExplicitJoins-join-any-1.json", new[] { "Start", "End" })]
    [TestCase("ExplicitJoins-join-all-1.json", new[] { "Start", "Line 1", "Line 2", "End" })]
    [TestCase("ExplicitJoins-join-all-2.json", new[] { "Start", "Line 1", "Line 2", "End" })]
    public async Task Explicit_joins_write_their_lines_and_finish(string file, string[] lines)
    {
        var run = await Run(file);
        Assert.That(run.Lines, Is.EqualTo(lines));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task Implicit_join_in_stream_mode_runs_after_the_taken_branch()
    {
        var run = await Run("JoinBehaviors-fork-decision-join-none.json");
        Assert.That(run.Lines, Is.EqualTo(new[] { "A", "C" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [TestCase("JoinBehaviors-fork-decision-join-converge.json", "Merge")]
    [TestCase("JoinBehaviors-fork-decision-join-converge-strict.json", "Converge")]
    public async Task Merge_and_converge_block_on_the_untaken_branch_and_say_so_in_an_incident(string file, string mode)
    {
        var run = await Run(file);
        Assert.That(run.Lines, Is.EqualTo(new[] { "A" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Faulted));
        var incident = run.Instance.Incidents.Single();
        Assert.That(incident.Kind, Is.EqualTo(IncidentKind.Deadlock));
        Assert.That(incident.Message, Does.Contain(mode).And.Contain("not taken"));
    }

    [Test]
    public async Task Explicit_wait_all_join_runs_every_branch_then_the_fault_stops_the_workflow()
    {
        var run = await Run("JoinBehaviors-fork-decision-join-waitall.json");
        Assert.That(run.Lines, Is.EqualTo(new[] { "A", "C", "B", "D" }));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(run.Instance.Incidents.Single().Kind, Is.EqualTo(IncidentKind.WorkflowFault));
    }

    [Test]
    public async Task Decision_whose_both_ports_lead_to_end_finishes()
    {
        var run = await Run("JoinBehaviors-decision-merge-join-none.json");
        Assert.That(run.Lines, Is.Empty);
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task Wait_any_join_completes_exactly_once()
    {
        var run = await Run("JoinBehaviors-join.json");
        var joinRuns = run.Last!.Log.Count(e => e.ActivityId == "802725996be1b582" && e.Event == ExecutionEvent.Completed);
        Assert.That(joinRuns, Is.EqualTo(1));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task Parallel_for_each_with_a_wait_any_join_in_its_body_completes_once()
    {
        var run = await Run("JoinBehaviors-parallel-join.json");
        var loopRuns = run.Last!.Log.Count(e => e.ActivityId == "70fc1183cd5800f2" && e.Event == ExecutionEvent.Completed);
        Assert.That(loopRuns, Is.EqualTo(1));
        // One body per item ([1,2,3]): each iteration's join ran once and went on to its WriteLine.
        Assert.That(run.Last!.Log.Count(e => e.ActivityId == "1f8625e278b74aa3" && e.Event == ExecutionEvent.Completed), Is.EqualTo(3));
        Assert.That(run.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    /// <summary>Which samples run and which are refused: every file in the folder is accounted for.</summary>
    [Test]
    public void Every_sample_either_loads_or_is_refused_by_name()
    {
        var refused = Array.Empty<string>();
        var reader = new Approval.Engine.Definitions.WorkflowDefinitionReader(ActivityRegistry.CreateDefault());
        var dir = ElsaSamples.Directory ?? "";
        if (dir.Length == 0)
            Assert.Ignore("Elsa's sample definitions were not found at ../shared/elsa/samples beside the repository.");
        var files = Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            var read = reader.ReadFile(file);
            var name = Path.GetFileName(file);
            if (refused.Contains(name))
                Assert.That(read.Errors.Select(e => e.Reason), Has.Some.Contains("is not supported"), name);
            else
                Assert.That(read.Errors, Is.Empty, name);
        }
    }
}

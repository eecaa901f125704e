using System.Text.Json.Nodes;
using Approval.Engine.Runtime;

namespace Approval.Tests.Engine.Runtime;

/// <summary>What the engine's fast paths must keep: ids as Guid.CreateVersion7 makes them, and inputs worked out once per
/// definition giving what evaluating them on every execution gave.</summary>
public class HotPathTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    [Test]
    public void Ids_are_version_7_guids_in_N_format_carrying_the_instant()
    {
        var ids = Enumerable.Range(0, 2_000).Select(_ => WorkflowIds.NewId(At)).ToList();
        Assert.That(ids, Is.Unique);
        foreach (var id in ids)
        {
            var guid = Guid.ParseExact(id, "N");
            Assert.That(guid.ToString("N"), Is.EqualTo(id));
            Assert.That(guid.Version, Is.EqualTo(7));
            Assert.That(guid.Variant >> 2, Is.EqualTo(0b10), "the RFC 9562 variant");
            Assert.That(Convert.ToInt64(id[..12], 16), Is.EqualTo(At.ToUnixTimeMilliseconds()));
        }
    }

    [Test]
    public void Ids_made_on_other_threads_are_unique_too()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 1_000; i++)
                ids.Add(WorkflowIds.NewId(At));
        });
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Ids_before_1970_are_refused_as_by_Guid_CreateVersion7()
    {
        var before = new DateTimeOffset(1969, 12, 31, 0, 0, 0, TimeSpan.Zero);
        Assert.Throws<ArgumentOutOfRangeException>(() => Guid.CreateVersion7(before));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowIds.NewId(before));
    }

    [TestCase("Object", "[\"a\", \"b\"]")]
    [TestCase("Literal", "a, b")]
    [TestCase("JavaScript", "return ['a', 'b'];")]
    public async Task A_fork_takes_its_branches_however_they_are_written_on_every_instance(string kind, string branches)
    {
        var fork = Flow.Activity("fork", "Elsa.FlowFork");
        fork["branches"] = new JsonObject { ["typeName"] = "List<String>", ["expression"] = new JsonObject { ["type"] = kind, ["value"] = branches } };
        var harness = new WorkflowHarness(Flow.Definition(
            Flow.Activities(Flow.Start(), fork, Flow.Write("a", "A"), Flow.Write("b", "B"), Flow.Write("c", "C")),
            Flow.Connections(Flow.Connect("start", "fork"), Flow.Connect("fork", "a", "a"), Flow.Connect("fork", "b", "b"), Flow.Connect("fork", "c", "c"))));
        await harness.StartAsync();
        var second = harness.Engine.CreateInstance(harness.Workflow);
        await harness.Engine.StartAsync(harness.Workflow, second);
        Assert.That(harness.Lines, Is.EqualTo(new[] { "A", "B", "A", "B" }));
        Assert.That(second.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_literal_input_reads_the_same_on_every_instance()
    {
        var harness = new WorkflowHarness(Flow.Definition(
            Flow.Activities(Flow.Start(), Flow.Task("task", "審查"), Flow.Write("w", "done")),
            Flow.Connections(Flow.Connect("start", "task"), Flow.Connect("task", "w"))));
        await harness.StartAsync();
        var second = harness.Engine.CreateInstance(harness.Workflow);
        await harness.Engine.StartAsync(harness.Workflow, second);
        Assert.That(harness.PendingBookmarkNames, Is.EqualTo(new[] { "審查" }));
        Assert.That(second.Bookmarks.Select(b => b.Name), Is.EqualTo(new[] { "審查" }));
        await harness.ResumeAsync("審查");
        Assert.That(harness.Lines, Is.EqualTo(new[] { "done" }));
    }
}

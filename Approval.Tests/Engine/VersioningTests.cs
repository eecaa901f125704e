using Approval.Engine.Activities;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Engine;

/// <summary>Publishing a new version of a definition leaves running instances on the version they started with.</summary>
public class VersioningTests
{
    private static string Version(string line) => Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Task("review", "review"), Flow.Write("done", line)),
        Flow.Connections(Flow.Connect("start", "review"), Flow.Connect("review", "done")));

    private sealed class NoTimers : IWorkflowTimerScheduler
    {
        public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt) { }
    }

    [Test]
    public async Task A_running_instance_keeps_its_version_and_new_ones_start_on_the_latest()
    {
        var console = new StringWriter();
        var store = new InMemoryWorkflowStore();
        var engine = new WorkflowEngine(ActivityRegistry.CreateDefault(), new FakeTimeProvider(), new WorkflowEngineOptions { Console = console });
        var runtime = new WorkflowRuntime(engine, store, store, new NoTimers());

        Assert.That((await runtime.SaveDefinitionAsync(Version("version one"))).Stored!.Version, Is.EqualTo(1));
        var old = await runtime.StartAsync("test");
        Assert.That((await runtime.SaveDefinitionAsync(Version("version two"))).Stored!.Version, Is.EqualTo(2));
        var young = await runtime.StartAsync("test");

        await runtime.ResumeByNameAsync(old.Instance.Id, "review");
        await runtime.ResumeByNameAsync(young.Instance.Id, "review");

        Assert.That(console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { "version one", "version two" }));
        Assert.That((await runtime.FindAsync(old.Instance.Id))!.DefinitionVersion, Is.EqualTo(1));
        Assert.That((await runtime.FindAsync(young.Instance.Id))!.DefinitionVersion, Is.EqualTo(2));
    }

    [Test]
    public async Task An_unpublished_version_is_stored_but_does_not_start_instances()
    {
        var store = new InMemoryWorkflowStore();
        var engine = new WorkflowEngine(ActivityRegistry.CreateDefault(), new FakeTimeProvider());
        var runtime = new WorkflowRuntime(engine, store, store, new NoTimers());
        await runtime.SaveDefinitionAsync(Version("one"));
        await runtime.SaveDefinitionAsync(Version("draft"), publish: false);
        var started = await runtime.StartAsync("test");
        Assert.That(started.Instance.DefinitionVersion, Is.EqualTo(1));
    }
}

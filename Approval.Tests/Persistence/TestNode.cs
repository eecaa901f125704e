using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Engine.Activities;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Tests.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Persistence;

/// <summary>One server: a <see cref="WorkflowRuntime"/> over its own <see cref="EfWorkflowStore"/>, on the shared database and clock.</summary>
internal sealed class TestNode
{
    public TestNode(IServiceProvider services, TimeProvider clock, Func<IWorkflowInstanceStore, IWorkflowInstanceStore>? wrapStore = null)
    {
        Store = services.GetRequiredService<EfWorkflowStore>();
        Engine = new WorkflowEngine(ActivityRegistry.CreateDefault(), clock);
        Runtime = new WorkflowRuntime(Engine, Store, wrapStore?.Invoke(Store) ?? Store, Timers);
    }

    public EfWorkflowStore Store { get; }
    public WorkflowEngine Engine { get; }
    public WorkflowRuntime Runtime { get; }
    public RecordingTimerScheduler Timers { get; } = new();

    /// <summary>Saves and publishes a definition, then starts an instance of it.</summary>
    public async Task<WorkflowRun> StartAsync(string definitionJson, string? correlationId = null)
    {
        var saved = await Runtime.SaveDefinitionAsync(definitionJson);
        Assert.That(saved.Errors, Is.Empty);
        return await Runtime.StartAsync(saved.Stored!.DefinitionId, correlationId: correlationId);
    }

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));
}

/// <summary>Remembers the wake-ups the runtime asked for.</summary>
internal sealed class RecordingTimerScheduler : IWorkflowTimerScheduler
{
    public ConcurrentQueue<(string InstanceId, string BookmarkId, DateTimeOffset DueAt)> Scheduled { get; } = new();

    public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt) => Scheduled.Enqueue((instanceId, bookmarkId, dueAt));
}

/// <summary>Small definitions for the store tests, each under a definition id of its own.</summary>
internal static class StoreWorkflows
{
    /// <summary>Start → RunTask <paramref name="task"/> → WriteLine → End.</summary>
    public static string OneTask(string definitionId, string task = "approve") => Named(definitionId, Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Task("task", task), Flow.Write("write", "approved"), Flow.End()),
        Flow.Connections(Flow.Connect("start", "task"), Flow.Connect("task", "write"), Flow.Connect("write", "end"))));

    /// <summary>Start forks into RunTask <c>legal</c> and RunTask <c>fire</c>, joined (wait all) before End.</summary>
    public static string TwoTasks(string definitionId) => Named(definitionId, Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Task("legal", "legal"), Flow.Task("fire", "fire"), Flow.Join("join", "WaitAll"), Flow.End()),
        Flow.Connections(Flow.Connect("start", "legal"), Flow.Connect("start", "fire"),
            Flow.Connect("legal", "join"), Flow.Connect("fire", "join"), Flow.Connect("join", "end"))));

    /// <summary>Start → Delay five minutes → WriteLine → End.</summary>
    public static string FiveMinuteDelay(string definitionId) => Named(definitionId, Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Activity("delay", "Elsa.Delay", ("timeSpan", "00:05:00")), Flow.Write("write", "woke"), Flow.End()),
        Flow.Connections(Flow.Connect("start", "delay"), Flow.Connect("delay", "write"), Flow.Connect("write", "end"))));

    /// <summary>Start → a WriteLine whose script throws → End.</summary>
    public static string Faulting(string definitionId) => Named(definitionId, Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Js("write", "Elsa.WriteLine", "text", "throw new Error('boom')"), Flow.End()),
        Flow.Connections(Flow.Connect("start", "write"), Flow.Connect("write", "end"))));

    private static string Named(string definitionId, string json)
    {
        var definition = JsonNode.Parse(json)!;
        definition["definitionId"] = definitionId;
        definition["id"] = $"{definitionId}-v1";
        return definition.ToJsonString();
    }
}

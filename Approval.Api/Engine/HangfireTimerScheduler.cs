using Approval.Engine.Hosting;
using Hangfire;

namespace Approval.Api.Engine;

/// <summary>Timer wake-ups as Hangfire delayed jobs; the reconciliation job covers any that are lost.</summary>
internal sealed class HangfireTimerScheduler(IBackgroundJobClient jobs) : IWorkflowTimerScheduler
{
    public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt) =>
        jobs.Schedule<WorkflowTimerJobs>(timers => timers.FireAsync(instanceId, CancellationToken.None), dueAt);
}

/// <summary>The Hangfire jobs of the engine: thin and re-runnable; a second run finds nothing due.</summary>
public sealed class WorkflowTimerJobs(WorkflowRuntime runtime)
{
    public const string ReconcileJobId = "workflow-timers-reconcile";

    /// <summary>Fires the due timers of one instance.</summary>
    public Task FireAsync(string instanceId, CancellationToken cancellationToken) => runtime.FireTimerAsync(instanceId, cancellationToken);

    /// <summary>Fires every due timer in the database, whether or not its wake-up arrived.</summary>
    public Task ReconcileAsync(CancellationToken cancellationToken) => runtime.FireDueTimersAsync(cancellationToken: cancellationToken);
}

namespace Approval.Engine.Hosting;

/// <summary>
/// Wakes the runtime when a timer bookmark falls due. The store is the source of truth: a scheduler may lose a
/// wake-up (the runtime's reconciliation finds it) or deliver one twice (the second finds nothing to fire).
/// </summary>
public interface IWorkflowTimerScheduler
{
    /// <summary>Asks for <see cref="WorkflowRuntime.FireTimerAsync(string, CancellationToken)"/> to be called at (or soon after) <paramref name="dueAt"/>.</summary>
    void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt);
}

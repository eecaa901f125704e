using Approval.Engine.Runtime;

namespace Approval.Engine.Hosting;

/// <summary>
/// Where instances live between runs, with optimistic concurrency: a save succeeds only if nobody saved the
/// instance since it was loaded. Bookmarks and timers are stored beside the instance so they can be found
/// by name and by due instant. Implementations: <see cref="InMemoryWorkflowStore"/>, and EF Core in Approval.Api.
/// </summary>
public interface IWorkflowInstanceStore
{
    /// <summary>The instance, as last saved; null if there is none.</summary>
    Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Saves a new instance with what its first run produced; sets <see cref="WorkflowInstance.Revision"/> to 1.</summary>
    Task InsertAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default);

    /// <summary>Saves a changed instance if the stored revision is still the one it was loaded with, and bumps it.</summary>
    /// <exception cref="WorkflowConcurrencyException">Someone else saved the instance first.</exception>
    Task UpdateAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default);

    /// <summary>The instance a bookmark belongs to, if the bookmark is pending.</summary>
    Task<string?> FindInstanceIdByBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default);

    /// <summary>Pending bookmarks answering to a name (events, tasks), oldest first.</summary>
    Task<IReadOnlyList<BookmarkReference>> FindBookmarksByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Timer bookmarks due at or before <paramref name="dueBy"/>, earliest first.</summary>
    Task<IReadOnlyList<BookmarkReference>> FindDueTimersAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default);
}

/// <summary>A pending bookmark as the store indexes it.</summary>
public sealed record BookmarkReference(string BookmarkId, string InstanceId, string? Name, DateTimeOffset? DueAt);

/// <summary>The instance was saved by someone else since it was loaded.</summary>
public sealed class WorkflowConcurrencyException(string instanceId)
    : Exception($"Workflow instance {instanceId} was changed by someone else; reload it and try again.")
{
    public string InstanceId { get; } = instanceId;
}

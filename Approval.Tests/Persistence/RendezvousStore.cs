using Approval.Engine.Hosting;
using Approval.Engine.Runtime;

namespace Approval.Tests.Persistence;

/// <summary>Completes once every party has arrived, so several nodes hold the same revision before any of them saves.</summary>
internal sealed class Rendezvous(int parties)
{
    private readonly TaskCompletionSource _everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _missing = parties;

    public Task ArriveAsync()
    {
        if (Interlocked.Decrement(ref _missing) == 0)
            _everyone.SetResult();
        return _everyone.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}

/// <summary>
/// A node's real store, except that its first load waits at the rendezvous (so two nodes race on the same revision)
/// and the conflicts it reports are counted.
/// </summary>
internal sealed class RendezvousStore(IWorkflowInstanceStore store, Rendezvous rendezvous) : IWorkflowInstanceStore
{
    private int _loads;
    private int _conflicts;

    public int Conflicts => _conflicts;

    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await store.FindAsync(instanceId, cancellationToken);
        if (Interlocked.Increment(ref _loads) == 1)
            await rendezvous.ArriveAsync();
        return instance;
    }

    public async Task UpdateAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.UpdateAsync(instance, result, cancellationToken);
        }
        catch (WorkflowConcurrencyException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }

    public Task InsertAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default) =>
        store.InsertAsync(instance, result, cancellationToken);

    public Task<string?> FindInstanceIdByBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default) =>
        store.FindInstanceIdByBookmarkAsync(bookmarkId, cancellationToken);

    public Task<IReadOnlyList<BookmarkReference>> FindBookmarksByNameAsync(string name, CancellationToken cancellationToken = default) =>
        store.FindBookmarksByNameAsync(name, cancellationToken);

    public Task<IReadOnlyList<BookmarkReference>> FindDueTimersAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) =>
        store.FindDueTimersAsync(dueBy, max, cancellationToken);
}

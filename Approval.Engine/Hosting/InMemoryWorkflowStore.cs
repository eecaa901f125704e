using System.Collections.Concurrent;
using Approval.Engine.Runtime;

namespace Approval.Engine.Hosting;

/// <summary>
/// Instances and definitions kept in this process, serialised like a database would keep them (so no caller
/// shares a live object with the store). For the command line, tests and the in-memory benchmark.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowInstanceStore, IWorkflowDefinitionStore
{
    private readonly ConcurrentDictionary<string, (long Revision, string Json, List<BookmarkReference> Bookmarks)> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, int), StoredDefinition> _definitions = new();
    private readonly Lock _gate = new();

    /// <summary>The ids of every instance stored (the command line lists a parent's children from them).</summary>
    public IReadOnlyList<string> InstanceIds => [.. _instances.Keys];

    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (!_instances.TryGetValue(instanceId, out var stored))
            return Task.FromResult<WorkflowInstance?>(null);
        var instance = WorkflowInstanceJson.Deserialize(stored.Json);
        instance.Revision = stored.Revision;
        return Task.FromResult<WorkflowInstance?>(instance);
    }

    public Task InsertAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            instance.Revision = 1;
            if (!_instances.TryAdd(instance.Id, (1, WorkflowInstanceJson.Serialize(instance), References(instance))))
            {
                instance.Revision = 0;
                throw new WorkflowConcurrencyException(instance.Id);
            }
        }
        return Task.CompletedTask;
    }

    public Task UpdateAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instance.Id, out var stored) || stored.Revision != instance.Revision)
                throw new WorkflowConcurrencyException(instance.Id);
            instance.Revision++;
            _instances[instance.Id] = (instance.Revision, WorkflowInstanceJson.Serialize(instance), References(instance));
        }
        return Task.CompletedTask;
    }

    public Task<string?> FindInstanceIdByBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_instances.Values.SelectMany(i => i.Bookmarks).FirstOrDefault(b => b.BookmarkId == bookmarkId)?.InstanceId);

    public Task<IReadOnlyList<BookmarkReference>> FindBookmarksByNameAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BookmarkReference>>(
            [.. _instances.Values.SelectMany(i => i.Bookmarks).Where(b => b.Name == name && b.DueAt is null)]);

    public Task<IReadOnlyList<BookmarkReference>> FindDueTimersAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<BookmarkReference>>(
            [.. _instances.Values.SelectMany(i => i.Bookmarks).Where(b => b.DueAt <= dueBy).OrderBy(b => b.DueAt).Take(max)]);

    private static List<BookmarkReference> References(WorkflowInstance instance) =>
        [.. instance.Bookmarks.Select(b => new BookmarkReference(b.Id, instance.Id, b.Name, b.DueAt))];

    public Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_definitions.Values.Where(d => d.DefinitionId == definitionId).MaxBy(d => d.Version));

    public Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_definitions.Values.Where(d => d.DefinitionId == definitionId && d.IsPublished).MaxBy(d => d.Version));

    public Task<StoredDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default) =>
        Task.FromResult(_definitions.GetValueOrDefault((definitionId, version)));

    public Task AddAsync(StoredDefinition definition, CancellationToken cancellationToken = default)
    {
        if (!_definitions.TryAdd((definition.DefinitionId, definition.Version), definition))
            throw new InvalidOperationException($"Version {definition.Version} of {definition.DefinitionId} exists already.");
        return Task.CompletedTask;
    }

    public Task PublishAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var key = (definitionId, version);
            if (!_definitions.TryGetValue(key, out var definition))
                throw new KeyNotFoundException($"No version {version} of {definitionId}.");
            _definitions[key] = definition with { IsPublished = true };
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredDefinition>>(
            [.. _definitions.Values.OrderBy(d => d.DefinitionId, StringComparer.Ordinal).ThenByDescending(d => d.Version)]);
}

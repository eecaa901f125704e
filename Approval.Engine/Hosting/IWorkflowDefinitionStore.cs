namespace Approval.Engine.Hosting;

/// <summary>Versions of workflow definitions. Every published version stays, so running instances keep theirs.</summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>The highest version of a definition, published or not.</summary>
    Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The highest published version of a definition.</summary>
    Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>One version.</summary>
    Task<StoredDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default);

    /// <summary>Adds a version (its number must be new for its definition).</summary>
    Task AddAsync(StoredDefinition definition, CancellationToken cancellationToken = default);

    /// <summary>Marks a version published; new instances start on the highest published version.</summary>
    Task PublishAsync(string definitionId, int version, CancellationToken cancellationToken = default);

    /// <summary>Every version of every definition, newest first within a definition.</summary>
    Task<IReadOnlyList<StoredDefinition>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>One stored version of a definition: its JSON as uploaded and its place among versions.</summary>
public sealed record StoredDefinition(
    string DefinitionId,
    int Version,
    string Name,
    string Json,
    bool IsPublished,
    DateTimeOffset CreatedAt);

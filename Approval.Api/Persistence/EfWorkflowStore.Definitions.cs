using Approval.Engine.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>Definition versions: <see cref="IWorkflowDefinitionStore"/>.</summary>
public sealed partial class EfWorkflowStore
{
    public async Task<StoredDefinition?> FindLatestAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Definitions
            .Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return row?.ToStored();
    }

    public async Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Definitions
            .Where(d => d.DefinitionId == definitionId && d.IsPublished)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return row?.ToStored();
    }

    public async Task<StoredDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Definitions.AsTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken);
        return row?.ToStored();
    }

    public async Task AddAsync(StoredDefinition definition, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.Definitions.Add(WorkflowDefinitionRecord.From(definition));
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException error)
        {
            if (await FindVersionAsync(definition.DefinitionId, definition.Version, cancellationToken) is not null)
                throw new InvalidOperationException($"Version {definition.Version} of {definition.DefinitionId} exists already.", error);
            throw;
        }
    }

    public async Task PublishAsync(string definitionId, int version, CancellationToken cancellationToken = default)
    {
        // A tracked save, so that the publication is an entry of the audit chain.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Definitions.AsTracking().SingleOrDefaultAsync(d => d.DefinitionId == definitionId && d.Version == version, cancellationToken)
            ?? throw new KeyNotFoundException($"No version {version} of {definitionId}.");
        row.IsPublished = true;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Definitions.ToListAsync(cancellationToken);
        // Ordered here, not by the database's collation, so every provider lists in the same (ordinal) order.
        return [.. rows.OrderBy(d => d.DefinitionId, StringComparer.Ordinal).ThenByDescending(d => d.Version).Select(d => d.ToStored())];
    }
}

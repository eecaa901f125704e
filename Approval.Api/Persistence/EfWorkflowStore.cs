using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>
/// The workflow store on EF Core (SQLite, PostgreSQL or SQL Server). A save writes the instance row, its bookmark,
/// incident and log rows in one SaveChanges (one transaction), guarded by the instance's revision.
/// </summary>
public sealed partial class EfWorkflowStore(IDbContextFactory<ApprovalDbContext> contexts) : IWorkflowInstanceStore, IWorkflowDefinitionStore
{
    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadAsync(db, instanceId, cancellationToken);
    }

    /// <summary>An instance as saved, with the revision it was saved at; null if there is none.</summary>
    internal static async Task<WorkflowInstance?> LoadAsync(ApprovalDbContext db, string instanceId, CancellationToken cancellationToken)
    {
        var stored = await db.Instances
            .Where(i => i.Id == instanceId)
            .Select(i => new { i.State, i.Revision })
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
            return null;
        var instance = WorkflowInstanceJson.Deserialize(stored.State);
        instance.Revision = stored.Revision;
        return instance;
    }

    public async Task InsertAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default)
    {
        var saved = false;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await StageInsertAsync(db, instance, result, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            saved = true;
        }
        catch (DbUpdateException)
        {
            // Which constraint failed is provider-specific; whether the instance exists is not.
            if (await ExistsAsync(instance.Id, cancellationToken))
                throw new WorkflowConcurrencyException(instance.Id);
            throw;
        }
        finally
        {
            if (!saved)
                instance.Revision = 0;
        }
    }

    public async Task UpdateAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default)
    {
        var loaded = instance.Revision;
        var saved = false;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            // No read first: the UPDATE's WHERE clause carries the revision the instance was loaded with.
            await StageUpdateAsync(db, instance, result, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            saved = true;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new WorkflowConcurrencyException(instance.Id);
        }
        finally
        {
            if (!saved)
                instance.Revision = loaded;
        }
    }

    public async Task<string?> FindInstanceIdByBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Bookmarks.Where(b => b.Id == bookmarkId).Select(b => b.InstanceId).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BookmarkReference>> FindBookmarksByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Bookmarks
            .Where(b => b.Name == name && b.DueAt == null)
            .OrderBy(b => b.CreatedAt)
            .Select(b => new BookmarkReference(b.Id, b.InstanceId, b.Name, b.DueAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<BookmarkReference>> FindDueTimersAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A range of the DueAt index, read in its order.
        return await db.Bookmarks
            .Where(b => b.DueAt != null && b.DueAt <= dueBy)
            .OrderBy(b => b.DueAt)
            .Take(max)
            .Select(b => new BookmarkReference(b.Id, b.InstanceId, b.Name, b.DueAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a new instance and what its first run produced to a context, to be saved with whatever else it holds.</summary>
    internal static async Task StageInsertAsync(ApprovalDbContext db, WorkflowInstance instance, RunResult result, CancellationToken cancellationToken)
    {
        instance.Revision = 1;
        db.Instances.Add(WorkflowInstanceRecord.From(instance));
        await StageRunAsync(db, instance, result, cancellationToken);
    }

    /// <summary>Adds a changed instance to a context, guarded by the revision it was loaded with, and bumps its revision.</summary>
    internal static async Task StageUpdateAsync(ApprovalDbContext db, WorkflowInstance instance, RunResult result, CancellationToken cancellationToken)
    {
        var loaded = instance.Revision;
        instance.Revision = loaded + 1;
        var row = db.Instances.Update(WorkflowInstanceRecord.From(instance));
        row.Property(r => r.Revision).OriginalValue = loaded;
        await StageRunAsync(db, instance, result, cancellationToken);
    }

    /// <summary>Adds what a run changed besides the instance row to the context, to be saved with it.</summary>
    private static async Task StageRunAsync(ApprovalDbContext db, WorkflowInstance instance, RunResult result, CancellationToken cancellationToken)
    {
        db.Bookmarks.AddRange(result.CreatedBookmarks.Select(b => BookmarkRecord.From(instance.Id, b)));
        // Deleting a bookmark row another node already deleted affects no row: EF reports it as a concurrency conflict too.
        db.Bookmarks.RemoveRange(result.RemovedBookmarks.Select(b => BookmarkRecord.From(instance.Id, b)));
        db.Incidents.AddRange(result.NewIncidents.Select(i => IncidentRecord.From(instance.Id, i)));
        await StageResolvedIncidentsAsync(db, instance, result, cancellationToken);
        db.ExecutionLog.AddRange(result.Log.Select(e => ExecutionLogRecord.From(instance.Id, e)));
        StageEffects(db, result);
    }

    /// <summary>
    /// The side effects the run's activities staged, written with the instance: a save that loses the race takes them
    /// with it, and the run on fresh state stages them again. One nobody here knows how to write fails the save rather
    /// than vanish.
    /// </summary>
    private static void StageEffects(ApprovalDbContext db, RunResult result)
    {
        foreach (var effect in result.StagedEffects)
        {
            if (effect is Notifications.ProcessEmail email)
                db.Notifications.Add(email.ToRow());
            else
                throw new InvalidOperationException($"The workflow store cannot write a staged {effect.GetType().Name}.");
        }
    }

    /// <summary>Copies resolution instants of incidents raised by earlier runs onto their rows, where still open.</summary>
    private static async Task StageResolvedIncidentsAsync(ApprovalDbContext db, WorkflowInstance instance, RunResult result, CancellationToken cancellationToken)
    {
        var raisedNow = result.NewIncidents.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var resolved = instance.Incidents
            .Where(i => i.ResolvedAt is not null && !raisedNow.Contains(i.Id))
            .ToDictionary(i => i.Id, i => i.ResolvedAt, StringComparer.Ordinal);
        if (resolved.Count == 0)
            return;
        var open = await db.Incidents.AsTracking()
            .Where(i => i.InstanceId == instance.Id && i.ResolvedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var row in open)
        {
            if (resolved.TryGetValue(row.Id, out var resolvedAt))
                row.ResolvedAt = resolvedAt;
        }
    }

    private async Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Instances.AnyAsync(i => i.Id == instanceId, cancellationToken);
    }
}

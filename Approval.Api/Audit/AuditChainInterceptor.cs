using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Api.Audit;

/// <summary>
/// The one place the audit log is written: every SaveChanges of the application's contexts appends the changes it
/// carries to the chain, in its transaction (one begun here when the caller has none, committed with the save).
/// Writes that bypass SaveChanges (ExecuteUpdate, the bulk seed) are not seen here: the audited stores save tracked rows.
/// </summary>
internal sealed class AuditChainInterceptor(AuditChanges changes, AuditChain chain) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is ApprovalDbContext db)
            AppendAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ApprovalDbContext db)
            await AppendAsync(db, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is ApprovalDbContext { AuditTransaction: { } transaction } db)
        {
            db.AuditTransaction = null;
            using (transaction)
                transaction.Commit();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ApprovalDbContext { AuditTransaction: { } transaction } db)
        {
            db.AuditTransaction = null;
            await using (transaction)
                await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => RollBack(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        RollBack(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task AppendAsync(ApprovalDbContext db, CancellationToken cancellationToken)
    {
        var described = changes.Describe(db.ChangeTracker);
        if (described.Count == 0)
            return;
        // The entries and the change are one commit or none: without the caller's transaction, SaveChanges would
        // begin its own only after this lock was read.
        if (db.Database.CurrentTransaction is null)
            db.AuditTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await chain.AppendAsync(db, described, cancellationToken);
    }

    // Disposing an uncommitted transaction rolls it back; the entries of a failed save are not kept for the next one.
    private static void RollBack(DbContext? context)
    {
        if (context is not ApprovalDbContext db)
            return;
        foreach (var entry in db.ChangeTracker.Entries<AuditEntryRecord>().Where(e => e.State == EntityState.Added).ToList())
            entry.State = EntityState.Detached;
        if (db.AuditTransaction is { } transaction)
        {
            db.AuditTransaction = null;
            transaction.Dispose();
        }
    }
}

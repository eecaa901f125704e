using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Audit;

/// <summary>
/// Appends entries to the chain inside the caller's transaction: locks the head row, numbers and hashes the entries
/// after it, and moves the head, all written by the same SaveChanges as the change they record.
/// </summary>
internal sealed class AuditChain(TimeProvider time, IOptions<AuditOptions> options)
{
    public async Task AppendAsync(ApprovalDbContext db, IReadOnlyList<AuditChange> changes, CancellationToken cancellationToken)
    {
        var head = await LockHeadAsync(db, cancellationToken);
        var at = AuditHash.Truncate(time.GetUtcNow());
        var (sequence, previous) = (head.Sequence, head.Hash);
        foreach (var change in changes)
        {
            var entry = new AuditEntryRecord
            {
                Sequence = ++sequence, At = at, Actor = change.Actor, Kind = change.Kind, Subject = change.Subject, Payload = change.Payload,
                Algorithm = options.Value.HashAlgorithm, PreviousHash = previous, Hash = "",
            };
            entry.Hash = previous = AuditHash.Of(entry);
            db.AuditEntries.Add(entry);
        }
        // A context that saves twice keeps the head it attached the first time.
        var tracked = db.ChangeTracker.Entries<AuditHeadRecord>().FirstOrDefault() ?? db.AuditHead.Attach(head);
        tracked.Property(h => h.Sequence).CurrentValue = sequence;
        tracked.Property(h => h.Hash).CurrentValue = previous;
        tracked.State = EntityState.Modified;
    }

    /// <summary>
    /// The head, locked until the transaction ends, so a second node's append waits and then reads this one's head:
    /// PostgreSQL <c>FOR UPDATE</c>, SQL Server <c>UPDLOCK, HOLDLOCK</c>; SQLite needs none, as its transactions begin
    /// IMMEDIATE (Microsoft.Data.Sqlite's default): the database's one writer lock is already held.
    /// </summary>
    private static async Task<AuditHeadRecord> LockHeadAsync(ApprovalDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsNpgsql() ? """SELECT * FROM "AuditHead" WHERE "Id" = 1 FOR UPDATE"""
            : db.Database.IsSqlServer() ? "SELECT * FROM [AuditHead] WITH (UPDLOCK, HOLDLOCK) WHERE [Id] = 1"
            : """SELECT * FROM "AuditHead" WHERE "Id" = 1""";
        // Not composed (no Single): the locking clause must stay the statement's own.
        await foreach (var head in db.AuditHead.FromSqlRaw(sql).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            return head;
        throw new InvalidOperationException("The audit head row is missing: the AuditChain migration inserts it.");
    }
}

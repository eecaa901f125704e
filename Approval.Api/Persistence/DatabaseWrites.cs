using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Api.Persistence;

/// <summary>
/// How many writes this node has made to the database: a read kept in memory (the supervisors' overview) is still what the
/// tables say while the count has not moved. Counted by an interceptor on every context of the node: changes saved, a
/// transaction committed, an UPDATE or DELETE executed (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c> do not go through
/// SaveChanges). Another node's writes are not seen here: a reader that keeps something says how long it may lag them.
/// </summary>
public sealed class DatabaseWrites
{
    private long _count;

    public DatabaseWrites() => Interceptor = new Counting(this);

    public long Count => Interlocked.Read(ref _count);

    internal IInterceptor Interceptor { get; }

    private void Note() => Interlocked.Increment(ref _count);

    private sealed class Counting(DatabaseWrites writes) : ISaveChangesInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor
    {
        public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            writes.Note();
            return result;
        }

        public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            writes.Note();
            return ValueTask.FromResult(result);
        }

        public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            writes.Note();
            return result;
        }

        public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            writes.Note();
            return ValueTask.FromResult(result);
        }

        // Saved in a transaction of its own making (a case's unit of work): what was saved is visible from its commit on.
        public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => writes.Note();

        public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            writes.Note();
            return Task.CompletedTask;
        }
    }
}

using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Api.Persistence;

/// <summary>
/// One writer at a time among this process's contexts on its SQLite database, the others waiting in line. SQLite has one
/// write lock per file, and Microsoft.Data.Sqlite answers a busy lock by sleeping and trying again (no queue, no order): fifty
/// requests submitting at once would poll for it, each poll a blocked thread. Here a write transaction (its <c>BEGIN
/// IMMEDIATE</c>) or a write statement outside one first awaits this gate, so waiting writers queue without a thread and
/// come in the order they arrived (<see cref="SemaphoreSlim"/> wakes its asynchronous waiters first come, first served),
/// and the database's lock is free whenever one of them asks. Another process on the same file is not in this line: it and
/// this one still meet at the file's lock, with the connection's busy timeout. Reads never wait here (write-ahead log).
/// </summary>
internal sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor, IDisposable
{
    // A writer that waits longer than this is stuck behind one that never ends (a second context writing while its own
    // flow's transaction is open): refused, as the busy lock would refuse it, rather than waiting forever.
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Hold> _holds = new();

    // What a context holds the gate for (ConditionalWeakTable keeps references): until its transaction ends, or its statement.
    private sealed class Hold
    {
        public static readonly Hold Transaction = new(), Statement = new();
    }

    // --- transactions: from BEGIN to COMMIT or ROLLBACK ---

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (eventData.Context is { } context && !_holds.TryGetValue(context, out _))
        {
            if (!_gate.Wait(LongestWait))
                throw Stuck();
            _holds.AddOrUpdate(context, Hold.Transaction);
        }
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && !_holds.TryGetValue(context, out _))
        {
            if (!await _gate.WaitAsync(LongestWait, cancellationToken))
                throw Stuck();
            _holds.AddOrUpdate(context, Hold.Transaction);
        }
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context, Hold.Transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData.Context, Hold.Transaction);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context, Hold.Transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData.Context, Hold.Transaction);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.Context, Hold.Transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData.Context, Hold.Transaction);

    // --- a write statement outside a transaction (ExecuteUpdate, a one-statement SaveChanges): its own implicit transaction ---

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnterStatement(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await EnterStatementAsync(command, eventData, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Release(eventData.Context, Hold.Statement);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Hold.Statement);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnterStatement(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        await EnterStatementAsync(command, eventData, cancellationToken);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Release(eventData.Context, Hold.Statement);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context, Hold.Statement);
        return ValueTask.FromResult(result);
    }

    // A reader (INSERT … RETURNING, UPDATE … RETURNING) holds SQLite's lock until it is done: released when it is disposed.
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnterStatement(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterStatementAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Release(eventData.Context, Hold.Statement);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Release(eventData.Context, Hold.Statement);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData.Context, Hold.Statement);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Release(eventData.Context, Hold.Statement);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Released(eventData.Context, Hold.Statement);

    // --- a transaction disposed without COMMIT or ROLLBACK is rolled back by SQLite; its connection's close ends the hold ---

    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.Context, null);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.Context, null);
        return Task.CompletedTask;
    }

    private void EnterStatement(DbCommand command, CommandEventData eventData)
    {
        if (NeedsGate(command, eventData.Context) is { } context)
        {
            if (!_gate.Wait(LongestWait))
                throw Stuck();
            _holds.AddOrUpdate(context, Hold.Statement);
        }
    }

    private async ValueTask EnterStatementAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (NeedsGate(command, eventData.Context) is { } context)
        {
            if (!await _gate.WaitAsync(LongestWait, cancellationToken))
                throw Stuck();
            _holds.AddOrUpdate(context, Hold.Statement);
        }
    }

    // Inside a transaction the transaction's hold covers the statement; outside one, only a statement that writes waits.
    private DbContext? NeedsGate(DbCommand command, DbContext? context) =>
        context is not null && command.Transaction is null && !_holds.TryGetValue(context, out _) && Writes(command.CommandText) ? context : null;

    /// <summary>
    /// Whether a statement takes the write lock: anything but a query or a pragma (EF Core's SQL begins with its verb). A read
    /// taken for a write (a <c>WITH</c> query, which EF Core does not write) would only wait in line, never go wrong.
    /// </summary>
    internal static bool Writes(string sql)
    {
        var text = sql.AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (!text.StartsWith("--", StringComparison.Ordinal))
                break;
            var end = text.IndexOf('\n');
            text = end < 0 ? [] : text[(end + 1)..];
        }
        return !text.IsEmpty && !text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);
    }

    private void Release(DbContext? context, Hold? kind)
    {
        if (context is null || !_holds.TryGetValue(context, out var hold) || kind is { } only && !ReferenceEquals(hold, only))
            return;
        _holds.Remove(context);
        _gate.Release();
    }

    private Task Released(DbContext? context, Hold kind)
    {
        Release(context, kind);
        return Task.CompletedTask;
    }

    public void Dispose() => _gate.Dispose();

    private static DataException Stuck() =>
        new($"Waited {LongestWait.TotalSeconds:0} s for this process's turn to write to the SQLite database: a writer before it did not end.");
}

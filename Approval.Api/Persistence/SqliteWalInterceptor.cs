using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Approval.Api.Persistence;

/// <summary>
/// Puts a SQLite database in write-ahead-log mode when a connection opens, so readers and the writer do not block
/// each other. The mode is stored in the file; asking again when it is already set costs next to nothing.
/// </summary>
internal sealed class SqliteWalInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteWalInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = WalCommand(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = WalCommand(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand WalCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        return command;
    }
}

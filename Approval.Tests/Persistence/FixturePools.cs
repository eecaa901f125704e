using Microsoft.Data.Sqlite;
using Npgsql;

namespace Approval.Tests.Persistence;

/// <summary>
/// The connection pools of one fixture's databases, cleared alone at its end: fixtures run in parallel, and clearing every
/// pool of the process (<c>ClearAllPools</c>) would close the idle connections of the fixtures still running too.
/// </summary>
internal static class FixturePools
{
    /// <summary>Closes the pooled connections to the SQLite files under <paramref name="folder"/> (the application opens
    /// <c>Data Source={file}</c>), so that nothing holds the files the folder's removal takes away.</summary>
    public static void ClearSqliteUnder(string folder)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (var file in Directory.EnumerateFiles(folder, "*.db", SearchOption.AllDirectories))
        {
            using var connection = new SqliteConnection($"Data Source={file}");
            SqliteConnection.ClearPool(connection);
        }
    }

    /// <summary>Closes the pooled connections of one PostgreSQL connection string (one test database).</summary>
    public static void ClearPostgreSql(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}

using Approval.Api.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Approval.Benchmarks;

/// <summary>
/// A fresh database for one benchmark run, dropped at the end: a SQLite file in a data folder of its own (the
/// application's default), or, given a PostgreSQL server's connection string, a database of its own made on that server
/// (as the tests make theirs), so that a run never measures or damages another's data.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _server;

    private BenchDatabase(string? server, string prefix)
    {
        _server = server;
        Folder = Path.Combine(Path.GetTempPath(), "approval-bench", Guid.NewGuid().ToString("N"));
        Name = $"approval_{prefix}_{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>The data folder (the SQLite file, attachments, keys); made for every provider, as the application needs one.</summary>
    public string Folder { get; }

    /// <summary>The PostgreSQL database's name (unused on SQLite).</summary>
    public string Name { get; }

    public bool IsPostgres => _server is not null;

    /// <summary>How the figures name the database.</summary>
    public string Describe => IsPostgres ? "PostgreSQL" : "SQLite (a file, write-ahead log)";

    /// <summary>A connection string to the fresh database, for reading it or writing to it without the application.</summary>
    public string ConnectionString => _server is null
        ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(Folder, "approval.db") }.ConnectionString
        : new NpgsqlConnectionStringBuilder(_server) { Database = Name }.ConnectionString;

    /// <summary>The application's configuration pointing at this database (<c>AddApprovalPersistence</c> reads it).</summary>
    public Dictionary<string, string?> Settings => _server is null
        ? new Dictionary<string, string?> { [DataDirectory.Key] = Folder }
        : new Dictionary<string, string?>
        {
            [DataDirectory.Key] = Folder,
            [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSql),
            [$"{DatabaseOptions.Section}:ConnectionString"] = ConnectionString,
        };

    /// <summary>The same settings as command-line arguments, for an application started as a process of its own.</summary>
    public IEnumerable<string> Arguments => Settings.SelectMany(setting => new[] { $"--{setting.Key}", setting.Value! });

    /// <summary>Makes the folder and, on PostgreSQL, the database (empty: the application or the benchmark migrates it).</summary>
    public static async Task<BenchDatabase> CreateAsync(string? postgresServer, string prefix)
    {
        var database = new BenchDatabase(postgresServer, prefix);
        Directory.CreateDirectory(database.Folder);
        if (postgresServer is not null)
            await AdminAsync(postgresServer, $"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        // Pooled connections hold the file open and the database busy: a drop would wait for them or fail.
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
        if (_server is not null)
            await AdminAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task AdminAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

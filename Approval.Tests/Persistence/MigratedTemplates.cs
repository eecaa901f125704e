using Approval.Api.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Approval.Tests.Persistence;

/// <summary>
/// One migrated, empty database per provider and test run, which every test database starts as a copy of: migrating a
/// fresh database took a good part of each of the suite's thousand application starts. A copy is the migrated state
/// by construction (the same migrations, run once by the same code); the application still runs its own
/// <c>MigrateAsync</c> at start, which finds nothing pending.
/// </summary>
internal static class MigratedTemplates
{
    public const string SqliteFileName = "approval.db";

    private static readonly string SqliteFolder = Path.Combine(Path.GetTempPath(), "approval-tests", "template-" + Guid.NewGuid().ToString("N"));
    private static readonly Lazy<Task<string>> Sqlite = new(MakeSqliteAsync);
    private static Lazy<Task<string>>? _postgres;
    private static string? _postgresServer;

    /// <summary>Puts a migrated SQLite database at <paramref name="file"/>.</summary>
    public static async Task CopySqliteToAsync(string file)
    {
        var template = await Sqlite.Value;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.Copy(template, file);
    }

    /// <summary>The name of the migrated template database on <paramref name="server"/>, made at the first call.</summary>
    public static Task<string> PostgreSqlAsync(string server)
    {
        lock (SqliteFolder)
        {
            _postgresServer ??= server;
            _postgres ??= new Lazy<Task<string>>(() => MakePostgreSqlAsync(server));
            return _postgres.Value;
        }
    }

    private static async Task<string> MakeSqliteAsync()
    {
        var file = Path.Combine(SqliteFolder, SqliteFileName);
        await MigrateAsync(new Dictionary<string, string?> { [DataDirectory.Key] = SqliteFolder });
        // Everything in the main file: the copies are of that file alone.
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        FixturePools.ClearSqliteUnder(SqliteFolder);
        return file;
    }

    private static async Task<string> MakePostgreSqlAsync(string server)
    {
        var name = $"approval_template_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync(server, $"CREATE DATABASE \"{name}\"");
        await MigrateAsync(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSql),
            [$"{DatabaseOptions.Section}:ConnectionString"] = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString,
        });
        // A template nobody connects to, so that CREATE DATABASE … TEMPLATE never finds it in use (autovacuum included).
        await ExecuteOnServerAsync(server, $"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        return name;
    }

    private static async Task MigrateAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var services = new ServiceCollection().AddApprovalPersistence(configuration).BuildServiceProvider();
        await services.MigrateApprovalDatabaseAsync();
    }

    /// <summary>Removes the templates at the end of the run (<see cref="TestRun"/>).</summary>
    public static async Task DisposeAsync()
    {
        if (_postgres is { IsValueCreated: true } postgres && _postgresServer is { } server && postgres.Value.IsCompletedSuccessfully)
        {
            var name = postgres.Value.Result;
            try
            {
                await ExecuteOnServerAsync(server, $"ALTER DATABASE \"{name}\" WITH IS_TEMPLATE false");
                await ExecuteOnServerAsync(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
            catch (PostgresException ex)
            {
                TestContext.Progress.WriteLine($"Template database {name} was left behind: {ex.MessageText}");
            }
        }
        if (Directory.Exists(SqliteFolder))
            Directory.Delete(SqliteFolder, recursive: true);
    }

    /// <summary>One statement on the server (as the role of the connection string), e.g. CREATE or DROP DATABASE.</summary>
    public static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

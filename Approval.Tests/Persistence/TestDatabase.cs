using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Approval.Tests.Persistence;

/// <summary>
/// A real database of its own for one fixture: a temp SQLite file, or a freshly created PostgreSQL database
/// (dropped afterwards). Nodes are separate service providers on it, as two servers would be.
/// </summary>
internal abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "APPROVAL_TEST_POSTGRES";

    private readonly List<ServiceProvider> _nodes = [];

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The configuration a node of this database starts with.</summary>
    protected abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>The same configuration, for tests that build their own services on this database.</summary>
    public IReadOnlyDictionary<string, string?> SettingsForTests => Settings;

    /// <summary>
    /// Makes the database, migrated (a copy of the run's <see cref="MigratedTemplates"/>); for PostgreSQL, ignores the
    /// fixture when no server is configured.
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => await SqliteTestDatabase.CreateAsync(),
        DatabaseProvider.PostgreSql => await PostgreSqlTestDatabase.CreateAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "No test database for this provider."),
    };

    /// <summary>A node: its own services, context factory and connection pool, on this database.</summary>
    public IServiceProvider NewNode()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var node = new ServiceCollection().AddApprovalPersistence(configuration).BuildServiceProvider();
        _nodes.Add(node);
        return node;
    }

    /// <summary>A context for looking at the rows directly.</summary>
    public async Task<ApprovalDbContext> OpenAsync() =>
        await (_nodes.Count > 0 ? _nodes[0] : NewNode()).GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
    }
}

/// <summary>SQLite in a temp folder, configured as the default (<c>approval.db</c> in the data directory).</summary>
internal sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approval-tests", Guid.NewGuid().ToString("N"));

    private SqliteTestDatabase()
    {
    }

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string File => Path.Combine(_folder, MigratedTemplates.SqliteFileName);

    public static async Task<SqliteTestDatabase> CreateAsync()
    {
        var database = new SqliteTestDatabase();
        await MigratedTemplates.CopySqliteToAsync(database.File);
        return database;
    }

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DataDirectory.Key] = _folder,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        FixturePools.ClearSqliteUnder(_folder);
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>A PostgreSQL database made for one fixture on the server <c>APPROVAL_TEST_POSTGRES</c> names.</summary>
internal sealed class PostgreSqlTestDatabase : TestDatabase
{
    private readonly string _server;
    private readonly string _name;

    private PostgreSqlTestDatabase(string server, string name)
    {
        _server = server;
        _name = name;
    }

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{DatabaseOptions.Section}:Provider"] = nameof(DatabaseProvider.PostgreSql),
        [$"{DatabaseOptions.Section}:ConnectionString"] = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString,
    };

    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            Assert.Ignore($"PostgreSQL tests skipped: set {PostgresVariable} to a connection string (CI does), e.g. " +
                "Host=127.0.0.1;Port=5432;Database=approval_test;Username=approval;Password=approval (the role needs CREATEDB).");
        }
        var database = new PostgreSqlTestDatabase(server, $"approval_test_{Guid.NewGuid():N}");
        var template = await MigratedTemplates.PostgreSqlAsync(server);
        await database.ExecuteOnServerAsync($"CREATE DATABASE \"{database._name}\" TEMPLATE \"{template}\"");
        return database;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        FixturePools.ClearPostgreSql(Settings[$"{DatabaseOptions.Section}:ConnectionString"]!);
        // FORCE ends other sessions on the database, which fails (42501) when one belongs to the server itself, e.g. an
        // autovacuum worker that just started on the new database: wait for it and try again; a leftover test database
        // is harmless, so the last failure is reported, not thrown.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is "42501" or "55006")
            {
                if (attempt == 10)
                {
                    TestContext.Progress.WriteLine($"Test database {_name} was left behind: {ex.MessageText}");
                    return;
                }
                await Task.Delay(200 * attempt);
            }
        }
    }

    private Task ExecuteOnServerAsync(string sql) => MigratedTemplates.ExecuteOnServerAsync(_server, sql);
}

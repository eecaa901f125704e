using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Approval.Tests.Persistence;

/// <summary>What <c>AddApprovalPersistence</c> makes of the <c>Approval</c> configuration.</summary>
public sealed class PersistenceConfigurationTests
{
    private string _root = null!;

    [SetUp]
    public void MakeContentRoot() => _root = Directory.CreateTempSubdirectory("approval-config-").FullName;

    [TearDown]
    public void RemoveContentRoot()
    {
        FixturePools.ClearSqliteUnder(_root);
        Directory.Delete(_root, recursive: true);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddApprovalPersistence(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    private static async Task<string> JournalModeAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task Without_settings_the_database_is_approval_db_in_the_data_folder_of_the_content_root_in_wal_mode()
    {
        await using var services = Services(new() { [HostDefaults.ContentRootKey] = _root });

        await services.MigrateApprovalDatabaseAsync();

        var file = Path.Combine(_root, "data", "approval.db");
        Assert.That(File.Exists(file), Is.True);
        Assert.That(await JournalModeAsync(file), Is.EqualTo("wal"));
    }

    [Test]
    public async Task A_relative_data_directory_is_taken_from_the_content_root_and_created()
    {
        await using var services = Services(new()
        {
            [HostDefaults.ContentRootKey] = _root,
            [DataDirectory.Key] = "state/db",
        });

        await services.MigrateApprovalDatabaseAsync();

        Assert.That(File.Exists(Path.Combine(_root, "state", "db", "approval.db")), Is.True);
    }

    [Test]
    public async Task The_store_is_registered_once_as_both_the_instance_and_the_definition_store()
    {
        await using var services = Services(new() { [HostDefaults.ContentRootKey] = _root });

        var instances = services.GetRequiredService<IWorkflowInstanceStore>();

        Assert.That(instances, Is.InstanceOf<EfWorkflowStore>());
        Assert.That(services.GetRequiredService<IWorkflowDefinitionStore>(), Is.SameAs(instances));
    }

    [TestCase("PostgreSql")]
    [TestCase("SqlServer")]
    public void A_server_provider_without_a_connection_string_is_refused_when_registered(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services(new() { [$"{DatabaseOptions.Section}:Provider"] = provider }));

        Assert.That(error.Message, Does.Contain("Approval:Database:ConnectionString"));
    }

    // SQLite has one writer at a time, and Microsoft.Data.Sqlite gives up on a busy lock after the command's timeout. A node's
    // writers wait their turn in line instead (SqliteWriteGate): however long the one before them writes, they are not refused.
    // (PostgreSQL locks rows: writers of different rows do not wait for each other, so this is SQLite's alone.)
    [Test]
    public async Task A_writer_waits_its_turn_behind_another_writer_of_its_node_for_longer_than_the_busy_timeout()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var contexts = database.NewNode().GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using var first = await contexts.CreateDbContextAsync();
        await using var second = await contexts.CreateDbContextAsync();
        second.Database.SetCommandTimeout(1);
        const int firstDay = 11110101, secondDay = 11110102;

        await using (var transaction = await first.Database.BeginTransactionAsync())
        {
            await first.Database.ExecuteSqlAsync($"INSERT INTO \"CaseNumberCounters\" (\"Day\", \"Last\") VALUES ({firstDay}, 1)");
            var waiting = second.Database.ExecuteSqlAsync($"INSERT INTO \"CaseNumberCounters\" (\"Day\", \"Last\") VALUES ({secondDay}, 1)");
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Assert.That(waiting.IsCompleted, Is.False, "the second writer waits while the first holds the write lock, past its busy timeout");
            await transaction.CommitAsync();
            Assert.That(await waiting, Is.EqualTo(1));
        }

        Assert.That(await first.CaseNumberCounters.CountAsync(c => c.Day == firstDay || c.Day == secondDay), Is.EqualTo(2));
    }
}

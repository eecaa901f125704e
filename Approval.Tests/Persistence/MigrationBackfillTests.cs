using Approval.Api.Persistence;
using Approval.Workflows.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Persistence;

/// <summary>
/// What a database from before a migration holds once migrated: rows saved under the old schema (written here with raw
/// SQL, as the old application wrote them) read as the new model says they must.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class MigrationBackfillTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;

    [SetUp]
    public async Task Start() => _database = await TestDatabase.CreateAsync(provider);

    [TearDown]
    public async Task Stop() => await _database.DisposeAsync();

    /// <summary>Migrates the database back to just before the migration named <paramref name="name"/>.</summary>
    private async Task BackToBeforeAsync(string name)
    {
        await using var db = await _database.OpenAsync();
        var all = db.Database.GetMigrations().ToList();
        var index = all.FindIndex(m => m.EndsWith("_" + name, StringComparison.Ordinal));
        Assert.That(index, Is.GreaterThan(0), $"no migration {name}");
        await db.GetService<IMigrator>().MigrateAsync(all[index - 1]);
    }

    private async Task MigrateAsync()
    {
        await using var db = await _database.OpenAsync();
        await db.Database.MigrateAsync();
    }

    [Test]
    public async Task An_item_saved_before_versions_were_kept_is_its_version_1_and_a_case_of_it_reads_that_version()
    {
        await BackToBeforeAsync("ItemVersions");
        var item = DemoCatalog.FoodBusinessLicense;
        await using (var db = await _database.OpenAsync())
        {
            var json = CaseStateJson.Serialize(item);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"ApprovalItems\" (\"Code\", \"Name\", \"Kind\", \"LeadDepartmentCode\", \"Json\") VALUES ({item.Code}, {item.Name}, {item.Kind.ToString()}, {item.LeadDepartmentCode}, {json})");
        }

        await MigrateAsync();

        var catalog = new EfCatalog(_database.NewNode().GetRequiredService<IDbContextFactory<ApprovalDbContext>>());
        var current = await catalog.FindItemAsync(item.Code);
        var first = await catalog.FindItemAsync(item.Code, 1);
        var versions = await catalog.ListItemVersionsAsync(item.Code);
        Assert.Multiple(() =>
        {
            Assert.That(current?.Version, Is.EqualTo(1));
            Assert.That(first?.PromisedLimitDays, Is.EqualTo(item.PromisedLimitDays));
            Assert.That(versions.Select(v => (v.Version, v.PublishedAt)), Is.EqualTo(new[] { (1, (DateTimeOffset?)null) }), "published before versions were kept: when is unknown");
        });
        var next = await catalog.PublishItemAsync(item with { PromisedLimitDays = 12 }, new ItemPublication("admin", DateTimeOffset.UnixEpoch, null));
        Assert.That(next.Version, Is.EqualTo(2));
    }

    [Test]
    public async Task A_window_its_clerks_named_before_windows_were_rows_becomes_an_open_row_named_by_its_code()
    {
        await BackToBeforeAsync("ServiceWindows");
        await using (var db = await _database.OpenAsync())
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"Users\" (\"Id\", \"UserName\", \"DisplayName\", \"Role\", \"WindowCode\", \"IsLeadClerk\", \"PasswordHash\", \"SecurityStamp\", \"FailedSignIns\") VALUES ({"u7"}, {"clerk-7"}, {"周七"}, {"WindowClerk"}, {"w07"}, {false}, {"x"}, {"s"}, {0})");
        }

        await MigrateAsync();

        var windows = await new Approval.Api.Identity.EfWindows(_database.NewNode().GetRequiredService<IDbContextFactory<ApprovalDbContext>>()).ListAsync();
        Assert.That(windows.Select(w => (w.Code, w.Name, w.IsOpen)), Is.EqualTo(new[] { ("w07", "w07", true) }));
    }
}

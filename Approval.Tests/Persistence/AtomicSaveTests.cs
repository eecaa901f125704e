using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Approval.Tests.Persistence;

/// <summary>A save is one transaction: when any row of it fails, none of its rows are in the database.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class AtomicSaveTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private TestNode _node = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _node = new TestNode(_database.NewNode(), TestNode.NewClock());
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    /// <summary>A bookmark carrying the id of a bookmark row that exists: its insert fails on the primary key.</summary>
    private static Bookmark Duplicate(Bookmark existing) => new()
    {
        Id = existing.Id,
        ActivityId = "task",
        ActivityType = "Elsa.RunTask",
        Name = "duplicate",
        CreatedAt = existing.CreatedAt,
    };

    private async Task<(string State, long Revision, int Bookmarks, int Incidents, int Log)> RowsOf(string instanceId)
    {
        await using var db = await _database.OpenAsync();
        var instance = await db.Instances.SingleAsync(i => i.Id == instanceId);
        return (instance.State, instance.Revision,
            await db.Bookmarks.CountAsync(b => b.InstanceId == instanceId),
            await db.Incidents.CountAsync(i => i.InstanceId == instanceId),
            await db.ExecutionLog.CountAsync(e => e.InstanceId == instanceId));
    }

    [Test]
    public async Task An_update_one_of_whose_rows_fails_leaves_the_instance_its_bookmarks_incidents_and_log_as_they_were()
    {
        var other = await _node.StartAsync(StoreWorkflows.OneTask($"other-{Guid.NewGuid():N}"));
        var started = await _node.StartAsync(StoreWorkflows.OneTask($"atomic-{Guid.NewGuid():N}"));
        var before = await RowsOf(started.Instance.Id);
        var instance = (await _node.Store.FindAsync(started.Instance.Id))!;
        var workflow = await _node.Runtime.WorkflowOfAsync(instance);
        var run = await _node.Engine.ResumeAsync(workflow, instance, instance.Bookmarks.Single().Id);
        run.IncidentRaised(new Incident { Id = Guid.NewGuid().ToString("N"), Message = "never saved" });
        run.BookmarkCreated(Duplicate(other.Instance.Bookmarks.Single()));
        Assert.That(run.RemovedBookmarks, Is.Not.Empty, "the run deletes a bookmark row");
        Assert.That(run.Log, Is.Not.Empty, "the run appends log rows");

        Assert.ThrowsAsync<DbUpdateException>(() => _node.Store.UpdateAsync(instance, run));

        Assert.That(instance.Revision, Is.EqualTo(1));
        Assert.That(await RowsOf(started.Instance.Id), Is.EqualTo(before));
        Assert.That((await _node.Store.FindAsync(started.Instance.Id))!.Status, Is.EqualTo(WorkflowStatus.Suspended));
    }

    // The bookmark rows reference the instance row, so the instance row is written before the failing bookmark row.
    [Test]
    public async Task A_first_save_failing_after_its_instance_row_was_written_leaves_no_instance_and_no_log_behind()
    {
        var other = await _node.StartAsync(StoreWorkflows.OneTask($"other-{Guid.NewGuid():N}"));
        var saved = await _node.Runtime.SaveDefinitionAsync(StoreWorkflows.OneTask($"atomic-{Guid.NewGuid():N}"));
        var workflow = await _node.Runtime.WorkflowOfAsync(new WorkflowInstance
        {
            Id = "-", DefinitionId = saved.Stored!.DefinitionId, DefinitionVersionId = "-", DefinitionVersion = 1,
        });
        var instance = _node.Engine.CreateInstance(workflow);
        var run = await _node.Engine.StartAsync(workflow, instance);
        run.BookmarkCreated(Duplicate(other.Instance.Bookmarks.Single()));

        Assert.ThrowsAsync<DbUpdateException>(() => _node.Store.InsertAsync(instance, run));

        Assert.That(instance.Revision, Is.Zero);
        Assert.That(await _node.Store.FindAsync(instance.Id), Is.Null);
        await using var db = await _database.OpenAsync();
        Assert.That(await db.ExecutionLog.CountAsync(e => e.InstanceId == instance.Id), Is.Zero);
        Assert.That(await db.Bookmarks.CountAsync(b => b.InstanceId == instance.Id), Is.Zero);
    }
}

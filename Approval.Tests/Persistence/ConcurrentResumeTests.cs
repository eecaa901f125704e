using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Approval.Tests.Persistence;

/// <summary>Two servers on one database resume the same instance at the same moment; the revision decides, nothing is lost.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class ConcurrentResumeTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await TestDatabase.CreateAsync(provider);

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    /// <summary>Two nodes with their own services and stores; their first loads meet, so both start from the same revision.</summary>
    private (TestNode A, TestNode B, RendezvousStore StoreA, RendezvousStore StoreB) TwoRacingNodes()
    {
        var clock = TestNode.NewClock();
        var rendezvous = new Rendezvous(2);
        RendezvousStore? storeA = null, storeB = null;
        var a = new TestNode(_database.NewNode(), clock, store => storeA = new RendezvousStore(store, rendezvous));
        var b = new TestNode(_database.NewNode(), clock, store => storeB = new RendezvousStore(store, rendezvous));
        return (a, b, storeA!, storeB!);
    }

    [Test]
    public async Task Two_nodes_resuming_different_bookmarks_of_one_instance_at_once_both_apply_and_the_loser_retries_on_fresh_state()
    {
        var (a, b, storeA, storeB) = TwoRacingNodes();
        var started = await a.StartAsync(StoreWorkflows.TwoTasks($"fork-{Guid.NewGuid():N}"));
        var legal = started.Instance.Bookmarks.Single(x => x.Name == "legal").Id;
        var fire = started.Instance.Bookmarks.Single(x => x.Name == "fire").Id;

        var runs = await Task.WhenAll(
            Task.Run(() => a.Runtime.ResumeAsync(started.Instance.Id, legal)),
            Task.Run(() => b.Runtime.ResumeAsync(started.Instance.Id, fire)));

        Assert.That(runs.Select(r => r.Result.Outcome), Is.All.EqualTo(RunOutcome.Ran));
        Assert.That(storeA.Conflicts + storeB.Conflicts, Is.EqualTo(1), "exactly one save loses the race and is retried");
        var saved = await a.Store.FindAsync(started.Instance.Id);
        Assert.That((saved!.Status, saved.Revision), Is.EqualTo((WorkflowStatus.Finished, 3L)));
        Assert.That(saved.ResumedBookmarkIds, Is.EquivalentTo(new[] { legal, fire }));
        await using var db = await _database.OpenAsync();
        Assert.That(await db.Bookmarks.CountAsync(x => x.InstanceId == started.Instance.Id), Is.Zero);
        var resumes = await db.ExecutionLog
            .Where(e => e.InstanceId == started.Instance.Id && e.Event == ExecutionEvent.Resumed)
            .Select(e => e.ActivityId).ToListAsync();
        Assert.That(resumes, Is.EquivalentTo(new[] { "legal", "fire" }), "the loser's first attempt left nothing in the log");
    }

    [Test]
    public async Task Two_nodes_resuming_the_same_bookmark_at_once_apply_it_once_and_the_other_is_told_it_was_already_resumed()
    {
        var (a, b, storeA, storeB) = TwoRacingNodes();
        var started = await a.StartAsync(StoreWorkflows.OneTask($"one-{Guid.NewGuid():N}"));
        var bookmark = started.Instance.Bookmarks.Single().Id;

        var runs = await Task.WhenAll(
            Task.Run(() => a.Runtime.ResumeAsync(started.Instance.Id, bookmark)),
            Task.Run(() => b.Runtime.ResumeAsync(started.Instance.Id, bookmark)));

        Assert.That(runs.Select(r => r.Result.Outcome), Is.EquivalentTo(new[] { RunOutcome.Ran, RunOutcome.AlreadyResumed }));
        Assert.That(storeA.Conflicts + storeB.Conflicts, Is.EqualTo(1));
        var saved = await a.Store.FindAsync(started.Instance.Id);
        Assert.That((saved!.Status, saved.Revision), Is.EqualTo((WorkflowStatus.Finished, 2L)));
        await using var db = await _database.OpenAsync();
        Assert.That(await db.ExecutionLog.CountAsync(e => e.InstanceId == started.Instance.Id && e.Event == ExecutionEvent.Resumed), Is.EqualTo(1));
    }
}

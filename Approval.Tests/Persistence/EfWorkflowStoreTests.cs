using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Tests.Engine.SubWorkflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Persistence;

/// <summary>The EF Core store keeps definitions, instances, bookmarks, incidents and the log on a real database.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class EfWorkflowStoreTests(DatabaseProvider provider)
{
    private TestDatabase _database = null!;
    private IServiceProvider _services = null!;
    private FakeTimeProvider _clock = null!;
    private TestNode _node = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = _database.NewNode();
    }

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [SetUp]
    public void NewNode()
    {
        _clock = TestNode.NewClock();
        _node = new TestNode(_services, _clock);
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Test]
    public async Task Every_definition_version_is_kept_and_new_instances_start_on_the_highest_published_one()
    {
        var id = NewId("def");
        var store = _node.Store;
        await _node.Runtime.SaveDefinitionAsync(StoreWorkflows.OneTask(id));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _node.Runtime.SaveDefinitionAsync(StoreWorkflows.OneTask(id), publish: false);

        Assert.That((await store.FindLatestAsync(id))!.Version, Is.EqualTo(2));
        Assert.That((await store.FindPublishedAsync(id))!.Version, Is.EqualTo(1));
        var second = await store.FindVersionAsync(id, 2);
        Assert.That(second, Is.EqualTo(new StoredDefinition(id, 2, "Test", StoreWorkflows.OneTask(id), false, _clock.GetUtcNow())));
        Assert.That((await store.ListAsync()).Where(d => d.DefinitionId == id).Select(d => d.Version), Is.EqualTo(new[] { 2, 1 }));

        await store.PublishAsync(id, 2);
        Assert.That((await store.FindPublishedAsync(id))!.Version, Is.EqualTo(2));
        Assert.That((await _node.Runtime.StartAsync(id)).Instance.DefinitionVersion, Is.EqualTo(2));
    }

    [Test]
    public async Task Department_review_run_as_a_sub_workflow_in_a_parallel_branch_resumes_through_the_runtime_and_the_case_goes_on()
    {
        var child = NewId("fire-review");
        var task = NewId("fire-task");
        Assert.That((await _node.Runtime.SaveDefinitionAsync(SubWorkflowDefinitions.DepartmentReview(child, task))).Errors, Is.Empty);
        var parent = (await _node.StartAsync(SubWorkflowDefinitions.ParallelReview(NewId("case"), child))).Instance;
        Assert.That(parent.Status, Is.EqualTo(WorkflowStatus.Suspended));

        // Each step on a server of its own: everything the link needs comes back from the database.
        var fire = (await new TestNode(_services, _clock).Store.FindBookmarksByNameAsync(task)).Single();
        var reloadedChild = await new TestNode(_services, _clock).Runtime.FindAsync(fire.InstanceId);
        Assert.That(reloadedChild!.ParentInstanceId, Is.EqualTo(parent.Id));
        var childRun = await new TestNode(_services, _clock).Runtime.ResumeAsync(fire.InstanceId, fire.BookmarkId);
        Assert.That(childRun.Instance.Status, Is.EqualTo(WorkflowStatus.Finished));
        var waitingForTax = await _node.Runtime.FindAsync(parent.Id);
        Assert.That(waitingForTax!.Status, Is.EqualTo(WorkflowStatus.Suspended));
        Assert.That(waitingForTax.Bookmarks.Select(b => b.Name), Is.EqualTo(new[] { "tax-review" }));

        var done = await new TestNode(_services, _clock).Runtime.ResumeAsync(parent.Id, waitingForTax.Bookmarks.Single().Id);

        Assert.That(done.Instance.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(done.Instance.Variables["Review"]!["verdict"]!.GetValue<string>(), Is.EqualTo("消防:reviewed"));
    }

    [Test]
    public async Task Adding_a_version_that_exists_or_publishing_one_that_does_not_is_refused()
    {
        var id = NewId("def");
        var saved = await _node.Runtime.SaveDefinitionAsync(StoreWorkflows.OneTask(id));

        Assert.ThrowsAsync<InvalidOperationException>(() => _node.Store.AddAsync(saved.Stored!));
        Assert.ThrowsAsync<KeyNotFoundException>(() => _node.Store.PublishAsync(id, 7));
    }

    [Test]
    public async Task Started_instance_loads_back_as_saved_with_its_bookmark_row_and_log_rows()
    {
        var run = await _node.StartAsync(StoreWorkflows.OneTask(NewId("def")), correlationId: "case-1");

        var loaded = await _node.Store.FindAsync(run.Instance.Id);
        Assert.That(loaded, Is.Not.Null);
        Assert.That(WorkflowInstanceJson.Serialize(loaded!), Is.EqualTo(WorkflowInstanceJson.Serialize(run.Instance)));
        Assert.That(loaded!.Revision, Is.EqualTo(1));

        await using var db = await _database.OpenAsync();
        var row = await db.Instances.SingleAsync(i => i.Id == run.Instance.Id);
        Assert.That(row.Status, Is.EqualTo(WorkflowStatus.Suspended));
        Assert.That(row.CorrelationId, Is.EqualTo("case-1"));
        Assert.That(row.DefinitionVersion, Is.EqualTo(1));
        Assert.That(row.CreatedAt, Is.EqualTo(_clock.GetUtcNow()));
        var bookmark = await db.Bookmarks.SingleAsync(b => b.InstanceId == run.Instance.Id);
        Assert.That((bookmark.Id, bookmark.Name, bookmark.ActivityId, bookmark.ActivityType, bookmark.DueAt),
            Is.EqualTo((run.Instance.Bookmarks.Single().Id, "approve", "task", "Elsa.RunTask", (DateTimeOffset?)null)));
        Assert.That(await db.ExecutionLog.CountAsync(e => e.InstanceId == run.Instance.Id), Is.EqualTo(run.Result.Log.Count).And.GreaterThan(0));
    }

    [Test]
    public async Task Resuming_the_task_finishes_the_instance_deletes_its_bookmark_row_and_appends_to_the_log()
    {
        var started = await _node.StartAsync(StoreWorkflows.OneTask(NewId("def")));
        var bookmarkId = started.Instance.Bookmarks.Single().Id;
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.That(await _node.Store.FindInstanceIdByBookmarkAsync(bookmarkId), Is.EqualTo(started.Instance.Id));
        var resumed = await _node.Runtime.ResumeAsync(started.Instance.Id, bookmarkId);

        Assert.That(resumed.Result.Outcome, Is.EqualTo(RunOutcome.Ran));
        Assert.That(await _node.Store.FindInstanceIdByBookmarkAsync(bookmarkId), Is.Null);
        await using var db = await _database.OpenAsync();
        var row = await db.Instances.SingleAsync(i => i.Id == started.Instance.Id);
        Assert.That((row.Status, row.Revision, row.FinishedAt), Is.EqualTo((WorkflowStatus.Finished, 2L, (DateTimeOffset?)_clock.GetUtcNow())));
        var log = await db.ExecutionLog.Where(e => e.InstanceId == started.Instance.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.That(log, Has.Count.EqualTo(started.Result.Log.Count + resumed.Result.Log.Count));
        Assert.That(log.Select(e => (e.ActivityId, e.Event)), Does.Contain(("task", ExecutionEvent.Resumed)).And.Contain(("end", ExecutionEvent.Completed)));
        Assert.That((await _node.Store.FindAsync(started.Instance.Id))!.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task Pending_tasks_are_found_by_name_oldest_first_and_timers_are_not_among_them()
    {
        var task = NewId("task");
        var first = await _node.StartAsync(StoreWorkflows.OneTask(NewId("def"), task));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var second = await _node.StartAsync(StoreWorkflows.OneTask(NewId("def"), task));

        var found = await _node.Store.FindBookmarksByNameAsync(task);

        Assert.That(found.Select(b => b.InstanceId), Is.EqualTo(new[] { first.Instance.Id, second.Instance.Id }));
        Assert.That(found.Select(b => (b.Name, b.DueAt)), Is.All.EqualTo((task, (DateTimeOffset?)null)));
    }

    [Test]
    public async Task Due_timer_is_found_by_its_instant_and_fires_exactly_once()
    {
        var started = await _node.StartAsync(StoreWorkflows.FiveMinuteDelay(NewId("def")));
        var dueAt = _clock.GetUtcNow().AddMinutes(5);
        Assert.That(_node.Timers.Scheduled.Single(), Is.EqualTo((started.Instance.Id, started.Instance.Bookmarks.Single().Id, dueAt)));

        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.That(await _node.Store.FindDueTimersAsync(_clock.GetUtcNow(), 10), Is.Empty);
        Assert.That(await _node.Runtime.FireDueTimersAsync(), Is.Zero);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var due = await _node.Store.FindDueTimersAsync(_clock.GetUtcNow(), 10);
        Assert.That(due.Single(), Is.EqualTo(new BookmarkReference(started.Instance.Bookmarks.Single().Id, started.Instance.Id, null, dueAt)));

        Assert.That(await _node.Runtime.FireDueTimersAsync(), Is.EqualTo(1));
        Assert.That(await _node.Runtime.FireDueTimersAsync(), Is.Zero);
        var fired = await _node.Store.FindAsync(started.Instance.Id);
        Assert.That((fired!.Status, fired.Revision), Is.EqualTo((WorkflowStatus.Finished, 2L)));
        Assert.That(await _node.Store.FindDueTimersAsync(_clock.GetUtcNow().AddYears(1), 10), Is.Empty);
    }

    [Test]
    public async Task Due_timers_compare_by_instant_whatever_offset_and_fraction_of_a_second_they_carry()
    {
        var instanceId = NewId("timers");
        var noon = new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
        var timers = new (string Id, DateTimeOffset DueAt)[]
        {
            (NewId("later"), noon.AddSeconds(1)),
            (NewId("half"), noon.AddMilliseconds(500)),
            (NewId("quarter-in-beijing"), noon.AddMilliseconds(250).ToOffset(TimeSpan.FromHours(8))),
            (NewId("microsecond"), noon.AddTicks(10)),
            (NewId("noon-in-new-york"), noon.ToOffset(TimeSpan.FromHours(-5))),
        };
        await using (var db = await _database.OpenAsync())
        {
            db.Instances.Add(new WorkflowInstanceRecord { Id = instanceId, DefinitionId = "timers", Status = WorkflowStatus.Suspended, State = "{}", Revision = 1 });
            db.Bookmarks.AddRange(timers.Select(t => new BookmarkRecord
            {
                Id = t.Id, InstanceId = instanceId, ActivityId = "delay", ActivityType = "Elsa.Delay", DueAt = t.DueAt,
            }));
            await db.SaveChangesAsync();
        }

        var due = (await _node.Store.FindDueTimersAsync(noon.AddMilliseconds(500), 100)).Where(t => t.InstanceId == instanceId).ToList();

        Assert.That(due.Select(t => t.BookmarkId), Is.EqualTo(new[] { timers[4].Id, timers[3].Id, timers[2].Id, timers[1].Id }));
        Assert.That(due.Select(t => t.DueAt!.Value.UtcTicks), Is.EqualTo(new[] { timers[4], timers[3], timers[2], timers[1] }.Select(t => t.DueAt.UtcTicks)));
    }

    [Test]
    public async Task Retrying_an_incident_marks_its_row_resolved_and_records_the_next_fault_beside_it()
    {
        var started = await _node.StartAsync(StoreWorkflows.Faulting(NewId("def")));
        Assert.That(started.Instance.Status, Is.EqualTo(WorkflowStatus.Faulted));
        var first = started.Instance.Incidents.Single();
        _clock.Advance(TimeSpan.FromMinutes(10));

        var retried = await _node.Runtime.RetryAsync(started.Instance.Id, first.Id);

        Assert.That(retried.Result.Outcome, Is.EqualTo(RunOutcome.Ran));
        await using var db = await _database.OpenAsync();
        var incidents = await db.Incidents.Where(i => i.InstanceId == started.Instance.Id).ToListAsync();
        Assert.That(incidents, Has.Count.EqualTo(2));
        var resolved = incidents.Single(i => i.Id == first.Id);
        Assert.That((resolved.Kind, resolved.ActivityId, resolved.At, resolved.ResolvedAt),
            Is.EqualTo((IncidentKind.ActivityFault, "write", first.At, (DateTimeOffset?)_clock.GetUtcNow())));
        Assert.That(resolved.Message, Does.Contain("boom"));
        Assert.That(incidents.Single(i => i.Id != first.Id).ResolvedAt, Is.Null);
    }

    [Test]
    public async Task Saving_an_instance_someone_else_saved_since_it_was_loaded_is_refused_and_keeps_its_revision()
    {
        var started = await _node.StartAsync(StoreWorkflows.TwoTasks(NewId("def")));
        var mine = (await _node.Store.FindAsync(started.Instance.Id))!;
        var theirs = (await _node.Store.FindAsync(started.Instance.Id))!;
        var workflow = await _node.Runtime.WorkflowOfAsync(mine);
        // Different bookmarks: no row of the two saves collides, only the revision tells them apart.
        await _node.Store.UpdateAsync(theirs, await _node.Engine.ResumeByNameAsync(workflow, theirs, "legal"));
        var myRun = await _node.Engine.ResumeByNameAsync(workflow, mine, "fire");

        Assert.ThrowsAsync<WorkflowConcurrencyException>(() => _node.Store.UpdateAsync(mine, myRun));
        Assert.That((mine.Revision, theirs.Revision), Is.EqualTo((1L, 2L)));
        Assert.That((await _node.Store.FindAsync(started.Instance.Id))!.ResumedBookmarkIds, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Inserting_an_instance_whose_id_is_taken_is_a_concurrency_conflict()
    {
        var started = await _node.StartAsync(StoreWorkflows.OneTask(NewId("def")));
        var workflow = await _node.Runtime.WorkflowOfAsync(started.Instance);
        var twin = _node.Engine.CreateInstance(workflow, started.Instance.Id);

        var run = await _node.Engine.StartAsync(workflow, twin);

        Assert.ThrowsAsync<WorkflowConcurrencyException>(() => _node.Store.InsertAsync(twin, run));
        Assert.That(twin.Revision, Is.Zero);
    }
}

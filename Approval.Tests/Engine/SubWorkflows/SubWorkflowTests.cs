using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Tests.Persistence;
using static Approval.Tests.Engine.SubWorkflows.SubWorkflowDefinitions;

namespace Approval.Tests.Engine.SubWorkflows;

/// <summary>
/// Sub-workflows (<c>Elsa.ExecuteWorkflow</c>, <c>Elsa.DispatchWorkflow</c>, a definition used as an activity) run as
/// child instances of their own, through the runtime over an in-memory store: each call loads the instances afresh.
/// </summary>
public sealed class SubWorkflowTests
{
    private StringWriter _console = null!;
    private InMemoryWorkflowStore _store = null!;
    private WorkflowRuntime _runtime = null!;

    [SetUp]
    public void NewRuntime()
    {
        _console = new StringWriter();
        _store = new InMemoryWorkflowStore();
        var engine = new WorkflowEngine(ActivityRegistry.CreateDefault(), TestNode.NewClock(), new WorkflowEngineOptions { Console = _console });
        _runtime = new WorkflowRuntime(engine, _store, _store, new RecordingTimerScheduler());
    }

    [TearDown]
    public void DisposeConsole() => _console.Dispose();

    private IReadOnlyList<string> Lines => _console.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    private async Task SaveAsync(string json)
    {
        var saved = await _runtime.SaveDefinitionAsync(json);
        Assert.That(saved.Errors, Is.Empty);
    }

    private async Task<WorkflowInstance> ChildOfAsync(WorkflowInstance parent)
    {
        foreach (var id in _store.InstanceIds)
        {
            if (await _store.FindAsync(id) is { } instance && instance.ParentInstanceId == parent.Id)
                return instance;
        }
        throw new AssertionException($"instance {parent.Id} has no child");
    }

    [Test]
    public async Task Executed_child_waiting_on_its_task_holds_the_parent_until_the_task_is_completed_then_the_parent_goes_on_with_its_output()
    {
        await SaveAsync(DepartmentReview("review"));
        await SaveAsync(Parent("parent", Execute("sub", "review", wait: true, new JsonObject { ["Department"] = "消防" })));

        var parent = (await _runtime.StartAsync("parent")).Instance;
        var child = await ChildOfAsync(parent);
        Assert.That(parent.Status, Is.EqualTo(WorkflowStatus.Suspended));
        Assert.That(child.Status, Is.EqualTo(WorkflowStatus.Suspended));
        Assert.That(child.Input["Department"]!.GetValue<string>(), Is.EqualTo("消防"));
        Assert.That(child.SubWorkflowDepth, Is.EqualTo(1));
        Assert.That(Lines, Is.Empty);

        var task = child.Bookmarks.Single(b => b.Name == "department-review");
        var done = await _runtime.ResumeAsync(child.Id, task.Id, new JsonObject { ["approved"] = true });

        Assert.That(done.Instance.Status, Is.EqualTo(WorkflowStatus.Finished));
        var after = await _runtime.FindAsync(parent.Id);
        Assert.That(after!.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(after.Variables["Review"]!["verdict"]!.GetValue<string>(), Is.EqualTo("消防:reviewed"));
        // The child's output: its task's result (RunTask keeps it under the task's name) and what it set itself.
        Assert.That(Lines, Is.EqualTo(new[] { "after: {\"review\":{\"approved\":true},\"verdict\":\"消防:reviewed\"}" }));
    }

    [Test]
    public async Task Child_that_finishes_at_once_lets_the_parent_finish_in_the_same_start()
    {
        await SaveAsync(Named("quick", Flow.Definition(
            Flow.Activities(Flow.Start(), Flow.Activity("out", "Elsa.SetOutput", ("outputName", "verdict"), ("outputValue", "ok"))),
            Flow.Connections(Flow.Connect("start", "out")))));
        await SaveAsync(Parent("parent", Execute("sub", "quick", wait: true)));

        var run = await _runtime.StartAsync("parent");

        Assert.That(run.Instance.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(Lines, Is.EqualTo(new[] { "after: {\"verdict\":\"ok\"}" }));
    }

    [Test]
    public async Task Child_that_faults_faults_the_parent_activity_with_an_incident_naming_the_child()
    {
        await SaveAsync(Faulting("broken"));
        await SaveAsync(Parent("parent", Execute("sub", "broken", wait: true)));

        var parent = (await _runtime.StartAsync("parent")).Instance;

        var child = await ChildOfAsync(parent);
        Assert.That(child.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(parent.Status, Is.EqualTo(WorkflowStatus.Faulted));
        var incident = parent.OpenIncidents.Single();
        Assert.That(incident.ActivityId, Is.EqualTo("sub"));
        Assert.That(incident.Message, Does.Contain("'broken'").And.Contain(child.Id).And.Contain("the department system is down"));
        Assert.That(Lines, Is.Empty);
    }

    [Test]
    public async Task Cancelling_the_parent_cancels_its_running_child()
    {
        await SaveAsync(DepartmentReview("review"));
        await SaveAsync(Parent("parent", Execute("sub", "review", wait: true)));
        var parent = (await _runtime.StartAsync("parent")).Instance;

        await _runtime.CancelAsync(parent.Id);

        var child = await ChildOfAsync(parent);
        Assert.That(child.Status, Is.EqualTo(WorkflowStatus.Cancelled));
        Assert.That(child.Bookmarks, Is.Empty);
        Assert.That((await _store.FindBookmarksByNameAsync("department-review")), Is.Empty);
    }

    [Test]
    public async Task Execute_without_waiting_goes_on_once_the_child_waits_with_the_child_id_and_status_as_its_result()
    {
        await SaveAsync(DepartmentReview("review"));
        await SaveAsync(Parent("parent", Execute("sub", "review", wait: false)));

        var parent = (await _runtime.StartAsync("parent")).Instance;

        var child = await ChildOfAsync(parent);
        Assert.That(parent.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(child.Status, Is.EqualTo(WorkflowStatus.Suspended));
        Assert.That(parent.Variables["Review"]!["workflowInstanceId"]!.GetValue<string>(), Is.EqualTo(child.Id));
        Assert.That(parent.Variables["Review"]!["status"]!.GetValue<string>(), Is.EqualTo("Suspended"));

        // The child lives on by itself: its task is resumable and its end does not touch the finished parent.
        var done = await _runtime.ResumeByNameAsync(child.Id, "department-review");
        Assert.That(done.Instance.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That((await _runtime.FindAsync(parent.Id))!.Revision, Is.EqualTo(parent.Revision));
    }

    [Test]
    public async Task Dispatch_is_fire_and_forget_with_the_child_id_as_result_unless_it_waits_for_completion()
    {
        await SaveAsync(DepartmentReview("review"));
        await SaveAsync(Parent("forget", Execute("sub", "review", wait: false, type: "Elsa.DispatchWorkflow")));
        await SaveAsync(Parent("wait", Execute("sub", "review", wait: true, type: "Elsa.DispatchWorkflow")));

        var forget = (await _runtime.StartAsync("forget")).Instance;
        var waiting = (await _runtime.StartAsync("wait")).Instance;

        Assert.That(forget.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(forget.Variables["Review"]!.GetValue<string>(), Is.EqualTo((await ChildOfAsync(forget)).Id));
        Assert.That(waiting.Status, Is.EqualTo(WorkflowStatus.Suspended));
        await _runtime.ResumeByNameAsync((await ChildOfAsync(waiting)).Id, "department-review");
        Assert.That((await _runtime.FindAsync(waiting.Id))!.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task Definition_used_as_an_activity_runs_the_version_it_pins_or_the_published_one_with_inputs_and_outputs_mapped()
    {
        await SaveAsync(DepartmentReview("review", task: "first-version"));
        await SaveAsync(DepartmentReview("review", task: "second-version"));
        await SaveAsync(Parent("pinned", AsActivity("sub", "review", version: 1, department: "环保")));
        await SaveAsync(Parent("latest", AsActivity("sub", "review", version: null, department: "税务")));

        var pinned = (await _runtime.StartAsync("pinned")).Instance;
        var latest = (await _runtime.StartAsync("latest")).Instance;

        var pinnedChild = await ChildOfAsync(pinned);
        Assert.That(pinnedChild.DefinitionVersion, Is.EqualTo(1));
        Assert.That(pinnedChild.Bookmarks.Single().Name, Is.EqualTo("first-version"));
        Assert.That((await ChildOfAsync(latest)).Bookmarks.Single().Name, Is.EqualTo("second-version"));

        await _runtime.ResumeByNameAsync(pinnedChild.Id, "first-version");
        var after = await _runtime.FindAsync(pinned.Id);
        Assert.That(after!.Status, Is.EqualTo(WorkflowStatus.Finished));
        Assert.That(after.Variables["Review"]!.GetValue<string>(), Is.EqualTo("环保:reviewed"));
    }

    [Test]
    public async Task Saving_a_definition_that_runs_a_definition_not_in_the_store_is_refused_naming_the_activity_and_the_id()
    {
        var saved = await _runtime.SaveDefinitionAsync(Parent("parent", Execute("sub", "nowhere", wait: true)));
        var pinned = await _runtime.SaveDefinitionAsync(Parent("pinned", AsActivity("sub", "parent-less", version: 3, department: "x")));

        Assert.That(saved.Succeeded, Is.False);
        var error = saved.Errors.Single();
        Assert.That(error.Code, Is.EqualTo(DefinitionErrorCode.SubWorkflowDefinitionMissing));
        Assert.That(error.ActivityId, Is.EqualTo("sub"));
        Assert.That(error.Parameters["definition"], Is.EqualTo("nowhere"));
        Assert.That(pinned.Errors.Single().Parameters["definition"], Is.EqualTo("parent-less v3"));
    }

    [Test]
    public async Task Definition_that_runs_itself_is_bounded_and_every_waiting_level_faults_naming_its_child()
    {
        await SaveAsync(Named("again", Flow.Definition(
            Flow.Activities(Flow.Start(), Execute("sub", "again", wait: true)),
            Flow.Connections(Flow.Connect("start", "sub")),
            [new JsonObject { ["id"] = "Review", ["name"] = "Review", ["typeName"] = "Object" }])));

        var root = (await _runtime.StartAsync("again")).Instance;

        var all = new List<WorkflowInstance>();
        foreach (var id in _store.InstanceIds)
            all.Add((await _store.FindAsync(id))!);
        Assert.That(all, Has.Count.EqualTo(WorkflowRuntime.MaxSubWorkflowDepth + 1));
        Assert.That(all.Max(i => i.SubWorkflowDepth), Is.EqualTo(WorkflowRuntime.MaxSubWorkflowDepth));
        Assert.That(all.Select(i => i.Status), Is.All.EqualTo(WorkflowStatus.Faulted));
        var deepest = all.Single(i => i.SubWorkflowDepth == WorkflowRuntime.MaxSubWorkflowDepth);
        Assert.That(deepest.OpenIncidents.Single().Message, Does.Contain($"nest more than {WorkflowRuntime.MaxSubWorkflowDepth} deep"));
        Assert.That(root.OpenIncidents.Single().Message, Does.Contain((await ChildOfAsync(root)).Id));
    }

    [Test]
    public void Instance_stored_before_sub_workflows_loads_as_an_instance_without_a_parent()
    {
        // Written by the engine before instances knew their parent: no parentInstanceId, resumesParent or subWorkflowDepth.
        const string stored = """
            {"id":"0195f3a0c0de7000800000000000abcd","definitionId":"legal","definitionVersionId":"legal-v1","definitionVersion":1,
             "status":"Suspended","createdAt":"2026-11-24T01:00:00+00:00","updatedAt":"2026-11-24T01:00:00+00:00","revision":3,
             "input":{},"variables":{},"output":{},"scopes":[{"id":0,"flowchartId":"root","tokens":[]}],
             "executions":[{"id":1,"scopeId":0,"activityId":"task","state":"Suspended"}],
             "bookmarks":[{"id":"b1","executionId":1,"activityId":"task","activityType":"Elsa.RunTask","name":"approve","createdAt":"2026-11-24T01:00:00+00:00"}],
             "incidents":[],"resumedBookmarkIds":[],"nextId":2}
            """;

        var instance = WorkflowInstanceJson.Deserialize(stored);

        Assert.That(instance.ParentInstanceId, Is.Null);
        Assert.That(instance.ResumesParent, Is.False);
        Assert.That(instance.SubWorkflowDepth, Is.Zero);
        Assert.That(instance.Bookmarks.Single().Name, Is.EqualTo("approve"));
        Assert.That(WorkflowInstanceJson.Deserialize(WorkflowInstanceJson.Serialize(instance)).Bookmarks.Single().Id, Is.EqualTo("b1"));
    }
}

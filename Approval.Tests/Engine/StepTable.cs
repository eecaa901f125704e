using Approval.Engine.Hosting;
using Approval.Engine.Runtime;

namespace Approval.Tests.Engine;

/// <summary>
/// Plays a definition through a step table (see Regressions/README.md): each action is followed by <see cref="Expect"/>, which
/// checks the lines written during that step only, the bookmarks left pending and the status.
/// Pending bookmarks are described as the README writes them: <c>Event Approve</c>, <c>Task Report</c>,
/// <c>Delay delay-a due t=5s</c>, <c>Timer timer due t=5s</c> (seconds since the start), and compared as a multiset.
/// </summary>
internal sealed class StepTable
{
    private readonly DateTimeOffset _origin;
    private int _linesBefore;
    private string _step = "";

    private StepTable(WorkflowHarness harness)
    {
        Harness = harness;
        _origin = harness.Clock.GetUtcNow();
    }

    /// <summary>A fixture of Regressions/Workflows (copied to the test output directory).</summary>
    public static StepTable Load(string fixture) =>
        new(WorkflowHarness.ForFile(Path.Combine(AppContext.BaseDirectory, "Engine", "Regressions", "Workflows", fixture)));

    /// <summary>An inline definition, e.g. one written with <see cref="Flow"/>.</summary>
    public static StepTable For(string definitionJson) => new(new WorkflowHarness(definitionJson));

    public WorkflowHarness Harness { get; }

    public WorkflowInstance Instance => Harness.Instance;

    /// <summary>What the last engine call returned.</summary>
    public RunResult? Last { get; private set; }

    /// <summary>The lines written since the current step began.</summary>
    public IReadOnlyList<string> StepLines => [.. Harness.Lines.Skip(_linesBefore)];

    public IReadOnlyList<string> Pending => [.. Instance.Bookmarks.Select(Describe)];

    /// <summary>How many times <paramref name="line"/> was written over the whole run.</summary>
    public int Written(string line) => Harness.Lines.Count(l => l == line);

    /// <summary>The id of the one pending bookmark with that name (an event or task name).</summary>
    public string BookmarkId(string name) => Instance.Bookmarks.Single(b => b.Name == name).Id;

    /// <summary>The id of the one pending timer bookmark of that activity.</summary>
    public string TimerId(string activityId) => Instance.Bookmarks.Single(b => b.ActivityId == activityId && b.DueAt is not null).Id;

    public async Task Start()
    {
        Begin("start");
        Last = await Harness.StartAsync();
        Assert.That(Last.Outcome, Is.EqualTo(RunOutcome.Ran), _step);
    }

    /// <summary><c>publish X</c>: resumes every pending Elsa.Event bookmark named X (there must be one).</summary>
    public async Task Publish(string eventName)
    {
        Begin($"publish {eventName}");
        Assert.That(Instance.Bookmarks.Where(b => b.ActivityType == "Elsa.Event" && b.Name == eventName), Is.Not.Empty,
            $"{_step}: an Event bookmark named '{eventName}' should be waiting");
        Last = await Harness.ResumeAsync(eventName);
    }

    /// <summary><c>complete task X</c>: resumes the single pending Elsa.RunTask bookmark named X.</summary>
    public async Task CompleteTask(string taskName)
    {
        Begin($"complete task {taskName}");
        Assert.That(Instance.Bookmarks.Where(b => b.ActivityType == "Elsa.RunTask" && b.Name == taskName).ToList(), Has.Count.EqualTo(1),
            $"{_step}: exactly one RunTask bookmark named '{taskName}' should be waiting");
        Last = await Harness.ResumeAsync(taskName);
    }

    /// <summary>
    /// <c>advance to t=N s</c>: moves the clock to N in one step and fires every timer due at or before N
    /// (the README's delivery rule: due-time order, then creation order).
    /// </summary>
    public async Task AdvanceTo(int seconds)
    {
        Begin($"advance to t={seconds}s");
        var target = _origin.AddSeconds(seconds);
        Assert.That(target, Is.GreaterThanOrEqualTo(Now), $"{_step}: the clock only moves forward");
        Last = await Harness.AdvanceAsync(target - Now);
        Assert.That(Last.Outcome, Is.AnyOf(RunOutcome.Ran, RunOutcome.NothingToDo), _step);
    }

    /// <summary>An action aimed at an event nobody waits for any more: refused, and nothing about the instance changes.</summary>
    public async Task PublishWithNothingWaiting(string eventName)
    {
        Begin($"publish {eventName} (nothing waits for it)");
        var before = WorkflowInstanceJson.Serialize(Instance);
        Last = await Harness.Engine.ResumeByNameAsync(Harness.Workflow, Instance, eventName);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Last.Outcome, Is.EqualTo(RunOutcome.NothingToDo), _step);
            Assert.That(WorkflowInstanceJson.Serialize(Instance), Is.EqualTo(before), $"{_step}: the instance must not change");
        }
    }

    /// <summary><c>redeliver</c>: a duplicate scheduler tick resumes a bookmark that was resumed before: refused, nothing changes.</summary>
    public Task Redeliver(string bookmarkId) => ResumeRefused(bookmarkId, RunOutcome.AlreadyResumed, "redeliver");

    /// <summary>Resumes a bookmark by id and expects the engine to refuse with <paramref name="expected"/>, changing nothing.</summary>
    public async Task ResumeRefused(string bookmarkId, RunOutcome expected, string action = "resume")
    {
        Begin($"{action} bookmark {bookmarkId}");
        var before = WorkflowInstanceJson.Serialize(Instance);
        Last = await Harness.Engine.ResumeAsync(Harness.Workflow, Instance, bookmarkId);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Last.Outcome, Is.EqualTo(expected), _step);
            Assert.That(WorkflowInstanceJson.Serialize(Instance), Is.EqualTo(before), $"{_step}: the instance must not change");
        }
    }

    /// <summary>One row of a step table: the lines written during the step (in order), what is pending, the status.</summary>
    public void Expect(string[] lines, string[] pending, WorkflowStatus status)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(StepLines, Is.EqualTo(lines), $"{_step}: lines written");
            Assert.That(Pending, Is.EquivalentTo(pending), $"{_step}: pending bookmarks");
            Assert.That(Instance.Status, Is.EqualTo(status), $"{_step}: status");
            if (status != WorkflowStatus.Faulted)
                Assert.That(Instance.Incidents, Is.Empty, $"{_step}: incidents");
        }
    }

    private DateTimeOffset Now => Harness.Clock.GetUtcNow();

    private void Begin(string step)
    {
        _step = step;
        _linesBefore = Harness.Lines.Count;
    }

    private string Describe(Bookmark bookmark) => bookmark.ActivityType switch
    {
        "Elsa.Event" => $"Event {bookmark.Name}",
        "Elsa.RunTask" => $"Task {bookmark.Name}",
        _ when bookmark.DueAt is { } due => $"{bookmark.ActivityType.Replace("Elsa.", "", StringComparison.Ordinal)} {bookmark.ActivityId} due t={(due - _origin).TotalSeconds}s",
        _ => $"{bookmark.ActivityType} {bookmark.Name}",
    };
}

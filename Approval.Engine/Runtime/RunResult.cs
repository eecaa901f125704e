using Approval.Engine.Activities;

namespace Approval.Engine.Runtime;

/// <summary>How a request to start, resume or retry was taken.</summary>
public enum RunOutcome
{
    /// <summary>The instance ran (started, resumed, retried or had timers fire).</summary>
    Ran,
    /// <summary>The bookmark was resumed before: nothing happened a second time.</summary>
    AlreadyResumed,
    /// <summary>No such bookmark (or incident) in this instance.</summary>
    NotFound,
    /// <summary>The instance cannot run: it is finished, cancelled, or faulted with an open incident.</summary>
    NotRunnable,
    /// <summary>Nothing was due.</summary>
    NothingToDo,
}

/// <summary>What one run changed, for the store to persist alongside the instance and for the host to act on.</summary>
public sealed class RunResult
{
    private List<Bookmark>? _created;
    private List<Bookmark>? _removed;
    private List<Incident>? _incidents;
    private List<ExecutionLogEntry>? _log;
    private List<StagedEffect>? _staged;

    public RunOutcome Outcome { get; internal set; } = RunOutcome.Ran;
    public WorkflowStatus Status { get; internal set; }

    /// <summary>Bookmarks created by this run (timers among them: schedule their <see cref="Bookmark.DueAt"/>).</summary>
    public IReadOnlyList<Bookmark> CreatedBookmarks => _created ?? (IReadOnlyList<Bookmark>)[];

    /// <summary>Bookmarks resumed or cancelled by this run.</summary>
    public IReadOnlyList<Bookmark> RemovedBookmarks => _removed ?? (IReadOnlyList<Bookmark>)[];

    public IReadOnlyList<Incident> NewIncidents => _incidents ?? (IReadOnlyList<Incident>)[];

    /// <summary>Side effects the run's activities staged (<see cref="StagedEffect"/>), in the order they ran: the store writes
    /// them in the transaction that saves the instance, or refuses the save.</summary>
    public IReadOnlyList<StagedEffect> StagedEffects => _staged ?? (IReadOnlyList<StagedEffect>)[];

    public IReadOnlyList<ExecutionLogEntry> Log => _log ?? (IReadOnlyList<ExecutionLogEntry>)[];

    internal bool RecordLog { get; init; } = true;

    internal void BookmarkCreated(Bookmark bookmark) => (_created ??= []).Add(bookmark);

    internal void BookmarkRemoved(Bookmark bookmark)
    {
        // A bookmark made and removed in the same run never reached the store.
        if (_created is not null && _created.Remove(bookmark))
            return;
        (_removed ??= []).Add(bookmark);
    }

    internal void Staged(IEnumerable<StagedEffect> effects) => (_staged ??= []).AddRange(effects);

    internal void IncidentRaised(Incident incident) => (_incidents ??= []).Add(incident);

    internal void Record(ExecutionLogEntry entry)
    {
        if (RecordLog)
            (_log ??= []).Add(entry);
    }

    /// <summary>
    /// Folds a later run of the same instance into this one, for a host that runs an instance more than once in one unit
    /// of work and saves it once (a case's process resumed by the end of its child in the same step): a bookmark this run
    /// created and the later one removed never reaches the store.
    /// </summary>
    public void Absorb(RunResult later)
    {
        foreach (var bookmark in later.CreatedBookmarks)
            BookmarkCreated(bookmark);
        foreach (var bookmark in later.RemovedBookmarks)
            BookmarkRemoved(bookmark);
        foreach (var incident in later.NewIncidents)
            IncidentRaised(incident);
        foreach (var entry in later.Log)
            (_log ??= []).Add(entry);
        // What the later run staged is written with the one save too, or a case step's e-mails would be lost.
        if (later._staged is { Count: > 0 } staged)
            Staged(staged);
        Status = later.Status;
    }

    internal static RunResult Refused(RunOutcome outcome, WorkflowStatus status) => new() { Outcome = outcome, Status = status };
}

/// <summary>What happened to an activity execution.</summary>
public enum ExecutionEvent
{
    Completed,
    Suspended,
    Resumed,
    Faulted,
    Cancelled,
}

/// <summary>One line of the execution log.</summary>
public sealed record ExecutionLogEntry(
    DateTimeOffset At,
    int ExecutionId,
    string ActivityId,
    string ActivityType,
    ExecutionEvent Event,
    string? Detail);

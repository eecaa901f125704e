namespace Approval.Workflows.Cases;

/// <summary>Where a department's task stands.</summary>
public enum TaskStatus
{
    Open,
    Completed,
    Cancelled,
    /// <summary>Reopened by a correction: a new task of the department replaces it; its opinion stays on record.</summary>
    Superseded,
}

/// <summary>One department's parallel review of a case, with its own clock.</summary>
public sealed class CaseTask
{
    public CaseTask(string id, string departmentCode, string bookmarkId, int limitDays, DateTimeOffset openedAt, DateTimeOffset? dueAt)
    {
        Id = id;
        DepartmentCode = departmentCode;
        BookmarkId = bookmarkId;
        LimitDays = limitDays;
        OpenedAt = openedAt;
        DueAt = dueAt;
    }

    public string Id { get; private set; }
    public string DepartmentCode { get; private set; }
    /// <summary>The engine bookmark the task completes.</summary>
    public string BookmarkId { get; private set; }
    /// <summary>The process activity the task is (what a correction reopens).</summary>
    public string? ActivityId { get; internal set; }
    /// <summary>Inside a loop of the process (one review per department of a list): the iteration the task waits in, so that a
    /// correction reopens this department's review and not another's.</summary>
    public int? Iteration { get; internal set; }
    public int LimitDays { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public TaskStatus Status { get; private set; }
    public string? ClaimedBy { get; private set; }
    /// <summary>Who delegated the task to <see cref="ClaimedBy"/>, while it is delegated.</summary>
    public string? DelegatedBy { get; private set; }
    public Opinion? Opinion { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>The task's warning level, as last observed.</summary>
    public Supervision.WarningLevel Level { get; private set; }

    public bool IsOpen => Status == TaskStatus.Open;

    internal static CaseTask FromState(CaseTaskState state) =>
        new(state.Id, state.DepartmentCode, state.BookmarkId, state.LimitDays, state.OpenedAt, state.DueAt)
        {
            Status = state.Status,
            ClaimedBy = state.ClaimedBy,
            Opinion = state.Opinion,
            ClosedAt = state.ClosedAt,
            Level = state.Level,
            DelegatedBy = state.DelegatedBy,
            ActivityId = state.ActivityId,
            Iteration = state.Iteration,
        };

    internal void RaiseLevel(Supervision.WarningLevel level) => Level = level;

    internal void Claim(string reviewer)
    {
        ClaimedBy = reviewer;
        DelegatedBy = null;
    }

    internal void Delegate(string reviewer, string colleague)
    {
        ClaimedBy = colleague;
        DelegatedBy = reviewer;
    }

    internal void Release()
    {
        ClaimedBy = null;
        DelegatedBy = null;
    }

    internal void Complete(Opinion opinion, DateTimeOffset at)
    {
        Opinion = opinion;
        Status = TaskStatus.Completed;
        ClosedAt = at;
    }

    internal void Reschedule(DateTimeOffset? dueAt) => DueAt = dueAt;

    internal void Supersede() => Status = TaskStatus.Superseded;

    internal void Cancel(DateTimeOffset at)
    {
        Status = TaskStatus.Cancelled;
        ClosedAt = at;
    }
}

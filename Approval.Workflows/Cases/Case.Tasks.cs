using Approval.Workflows.Inputs;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

public sealed partial class Case
{
    /// <summary>A department's review opens (its process reached an <c>Approval.DepartmentReview</c>).</summary>
    public CaseTask OpenTask(string taskId, string departmentCode, string bookmarkId, int limitDays, CaseClock clock)
    {
        Require(Status is CaseStatus.InReview or CaseStatus.Suspended, Refusal.Of(RefusalCode.TasksOpenInReview, $"tasks open on a case in review"));
        var task = new CaseTask(taskId, departmentCode, bookmarkId, limitDays, clock.Now, clock.Due.DueAt(clock.Now, limitDays));
        _tasks.Add(task);
        Record(clock.Now, "system", CaseAction.TaskOpened, null, $"{departmentCode}: due {task.DueAt:O}");
        return task;
    }

    /// <summary>A reviewer of the department takes the task (认领).</summary>
    public void ClaimTask(string taskId, string reviewer, CaseClock clock)
    {
        var task = OpenTaskById(taskId);
        Require(task.ClaimedBy is null || task.ClaimedBy == reviewer, Refusal.Of(RefusalCode.TaskClaimedByAnother, $"the task is claimed by {task.ClaimedBy}"));
        task.Claim(reviewer);
        Record(clock.Now, reviewer, CaseAction.TaskClaimed, null, task.DepartmentCode);
    }

    /// <summary>The reviewer gives the task back to the department's pool.</summary>
    public void ReleaseTask(string taskId, string reviewer, CaseClock clock)
    {
        var task = OpenTaskById(taskId);
        Require(task.ClaimedBy == reviewer, Refusal.Of(RefusalCode.ReleaseOnlyByClaimer, $"only the reviewer who claimed the task can release it"));
        task.Release();
        Record(clock.Now, reviewer, CaseAction.TaskReleased, null, task.DepartmentCode);
    }

    /// <summary>委托: the reviewer holding the task hands it to a colleague; they may take it back until it is done.</summary>
    public void DelegateTask(string taskId, string reviewer, string colleague, CaseClock clock)
    {
        var task = OpenTaskById(taskId);
        Require(task.ClaimedBy == reviewer, Refusal.Of(RefusalCode.DelegateOnlyByHolder, $"only the reviewer holding the task can delegate it"));
        Require(colleague != reviewer, Refusal.Of(RefusalCode.DelegateToSomeoneElse, $"a task is delegated to someone else"));
        task.Delegate(reviewer, colleague);
        Record(clock.Now, reviewer, CaseAction.TaskDelegated, null, $"{task.DepartmentCode}: to {colleague}");
    }

    /// <summary>收回: the reviewer who delegated a task takes it back.</summary>
    public void TakeBackTask(string taskId, string reviewer, CaseClock clock)
    {
        var task = OpenTaskById(taskId);
        Require(task.DelegatedBy == reviewer, Refusal.Of(RefusalCode.TakeBackOnlyByDelegator, $"only the reviewer who delegated the task can take it back"));
        task.Claim(reviewer);
        Record(clock.Now, reviewer, CaseAction.TaskClaimed, "taken back", task.DepartmentCode);
    }

    /// <summary>改派: the department's head gives a task to another reviewer (one away, one overloaded).</summary>
    public void ReassignTask(string taskId, string head, string reviewer, string reason, CaseClock clock)
    {
        TextLimits.Check("reason", reason, TextLimits.Reason);
        var task = OpenTaskById(taskId);
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.ReassignmentStatesReason, $"a reassignment states its reason"));
        task.Claim(reviewer);
        Record(clock.Now, head, CaseAction.TaskReassigned, reason, $"{task.DepartmentCode}: to {reviewer}");
    }

    /// <summary>The department's opinion closes its task.</summary>
    public void CompleteTask(string taskId, Opinion opinion, CaseClock clock)
    {
        TextLimits.Check("reason", opinion.Reason, TextLimits.Reason);
        var task = OpenTaskById(taskId);
        if (opinion.Problem() is { } problem)
            throw new CaseRuleException(problem);
        // A task the deadline sweep already saw turn red has its violation; one answered late between sweeps gets it now.
        if (task.DueAt is { } due && clock.Now > due && task.Level != Supervision.WarningLevel.Red)
            RecordViolation(new Violation(ViolationKind.OverdueTask, clock.Now, task.DepartmentCode, opinion.Reviewer, $"task due {due:O}, opinion given {clock.Now:O}"));
        task.Complete(opinion, clock.Now);
        Record(clock.Now, opinion.Reviewer ?? task.DepartmentCode, CaseAction.OpinionGiven, opinion.Reason, $"{task.DepartmentCode}: {opinion.Verdict}");
        if (opinion.Verdict == Verdict.Refuse && !clock.Rules.EmptyReasons.States(opinion.Reason))
            RecordViolation(new Violation(ViolationKind.RefusalWithoutReason, clock.Now, task.DepartmentCode, opinion.Reviewer,
                $"task {task.Id}: refused with the reason \"{opinion.Reason}\", which states none"));
    }

    /// <summary>
    /// A department's own system answered the process (it waited at the system's callback): the timeline says which system
    /// and at which path, so supervision sees the step a person did not take.
    /// </summary>
    public void NoteDepartmentSystemAnswer(string system, string path, CaseClock clock)
    {
        Require(IsOpen, Refusal.Of(RefusalCode.ProcessNotWaiting, $"the case's process is not waiting for that step"));
        Record(clock.Now, system, CaseAction.DepartmentSystemAnswered, null, path);
    }

    /// <summary>A task the process no longer waits for (e.g. cancelled by a decision elsewhere).</summary>
    public void CancelTaskOfBookmark(string bookmarkId, CaseClock clock)
    {
        var task = _tasks.FirstOrDefault(t => t.BookmarkId == bookmarkId && t.IsOpen);
        if (task is null)
            return;
        task.Cancel(clock.Now);
        Record(clock.Now, "system", CaseAction.TaskCancelled, null, task.DepartmentCode);
    }

    private CaseTask OpenTaskById(string taskId)
    {
        var task = _tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new CaseRuleException(Refusal.Of(RefusalCode.NoSuchTask, $"the case has no task {taskId}"));
        Require(task.IsOpen, Refusal.Of(RefusalCode.TaskClosed, $"the task is closed"));
        return task;
    }
}

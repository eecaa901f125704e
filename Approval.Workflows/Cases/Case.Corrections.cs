namespace Approval.Workflows.Cases;

public sealed partial class Case
{
    /// <summary>A correction: a wrongly completed task is reopened (its opinion stays on record, superseded).</summary>
    public CaseTask PrepareTaskReopening(string taskId, string administrator, string reason, CaseClock clock)
    {
        Require(!string.IsNullOrWhiteSpace(reason), "a correction states its reason");
        Require(Status is CaseStatus.InReview or CaseStatus.Suspended or CaseStatus.Decided, "only a case not yet delivered or closed can be corrected");
        var task = _tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new CaseRuleException($"the case has no task {taskId}");
        Require(task.Status == TaskStatus.Completed, "only a completed task can be reopened");
        Require(task.ActivityId is not null, "the task's process step is unknown");
        task.Supersede();
        BackToReview(administrator, reason, $"reopened {task.DepartmentCode}'s review", clock);
        return task;
    }

    /// <summary>A correction: a wrong decision is withdrawn and the lead decides again.</summary>
    public void PrepareDecisionReopening(string administrator, string reason, CaseClock clock)
    {
        Require(!string.IsNullOrWhiteSpace(reason), "a correction states its reason");
        Require(Status == CaseStatus.Decided, "only a decided case not yet delivered can have its decision reopened");
        BackToReview(administrator, reason, $"withdrew the decision ({Decision!.Verdict})", clock);
    }

    private void BackToReview(string administrator, string reason, string what, CaseClock clock)
    {
        if (Status == CaseStatus.Decided)
        {
            Decision = null;
            Status = CaseStatus.InReview;
        }
        Record(clock.Now, administrator, CaseAction.Corrected, reason, what);
    }
}

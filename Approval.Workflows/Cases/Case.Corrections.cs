using Approval.Workflows.Inputs;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

public sealed partial class Case
{
    /// <summary>A correction: a wrongly completed task is reopened (its opinion stays on record, superseded).</summary>
    public CaseTask PrepareTaskReopening(string taskId, string administrator, string reason, CaseClock clock)
    {
        TextLimits.Check("reason", reason, TextLimits.Reason);
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.CorrectionStatesReason, $"a correction states its reason"));
        Require(Status is CaseStatus.InReview or CaseStatus.Suspended or CaseStatus.Decided, Refusal.Of(RefusalCode.CorrectOnlyUndelivered, $"only a case not yet delivered or closed can be corrected"));
        var task = _tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new CaseRuleException(Refusal.Of(RefusalCode.NoSuchTask, $"the case has no task {taskId}"));
        Require(task.Status == TaskStatus.Completed, Refusal.Of(RefusalCode.ReopenOnlyCompletedTask, $"only a completed task can be reopened"));
        Require(task.ActivityId is not null, Refusal.Of(RefusalCode.TaskStepUnknown, $"the task's process step is unknown"));
        task.Supersede();
        BackToReview(administrator, reason, $"reopened {task.DepartmentCode}'s review", clock);
        return task;
    }

    /// <summary>A correction: a wrong decision is withdrawn and the lead decides again.</summary>
    public void PrepareDecisionReopening(string administrator, string reason, CaseClock clock)
    {
        TextLimits.Check("reason", reason, TextLimits.Reason);
        Require(!string.IsNullOrWhiteSpace(reason), Refusal.Of(RefusalCode.CorrectionStatesReason, $"a correction states its reason"));
        Require(Status == CaseStatus.Decided, Refusal.Of(RefusalCode.ReopenDecisionOnlyDecided, $"only a decided case not yet delivered can have its decision reopened"));
        BackToReview(administrator, reason, $"withdrew the decision ({Decision!.Verdict})", clock);
    }

    /// <summary>收费: records a fee charged; one different from the catalog's is 违规收费, recorded as a violation.</summary>
    public void ChargeFee(string clerk, decimal amount, decimal catalogFee, CaseClock clock, string? window = null)
    {
        Require(amount >= 0, Refusal.Of(RefusalCode.FeeNotNegative, $"a fee is not negative"));
        Require(IsOpen, Refusal.Of(RefusalCode.FeesOnOpenCase, $"fees are charged on an open case"));
        Record(clock.Now, clerk, CaseAction.FeeCharged, null, $"{amount:0.00} (catalog {catalogFee:0.00})", window);
        if (amount != catalogFee)
            RecordViolation(new Violation(ViolationKind.FeeMismatch, clock.Now, LeadDepartmentCode, clerk, $"charged {amount:0.00} yuan; the catalog's fee is {catalogFee:0.00}") { WindowCode = window });
    }

    private void BackToReview(string administrator, string reason, string what, CaseClock clock)
    {
        if (Status == CaseStatus.Decided)
        {
            Decision = null;
            Status = CaseStatus.InReview;
            WindowStep = null;
        }
        Record(clock.Now, administrator, CaseAction.Corrected, reason, what);
    }
}

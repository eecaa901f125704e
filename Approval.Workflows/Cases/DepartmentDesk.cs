using System.Text.Json.Nodes;
using Approval.Engine.Expressions;
using Approval.Workflows.Process;

namespace Approval.Workflows.Cases;

/// <summary>The departments' steps: claim and review tasks, stop and restart the clock, extend, decide.</summary>
public sealed class DepartmentDesk(CaseCommands commands, CaseProcess process, CaseClock clock)
{
    public Task<Case> ClaimAsync(string caseId, string taskId, string reviewer, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, step =>
        {
            step.Case.ClaimTask(taskId, reviewer, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Case> ReleaseAsync(string caseId, string taskId, string reviewer, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, step =>
        {
            step.Case.ReleaseTask(taskId, reviewer, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Case> DelegateAsync(string caseId, string taskId, string reviewer, string colleague, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, step =>
        {
            step.Case.DelegateTask(taskId, reviewer, colleague, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Case> TakeBackAsync(string caseId, string taskId, string reviewer, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, step =>
        {
            step.Case.TakeBackTask(taskId, reviewer, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Case> ReassignAsync(string caseId, string taskId, string head, string reviewer, string reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, step =>
        {
            step.Case.ReassignTask(taskId, head, reviewer, reason, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>A department's opinion: its task closes and the process moves on (the lead decides once all are in).</summary>
    public Task<Case> GiveOpinionAsync(string caseId, string taskId, Opinion opinion, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, async step =>
        {
            var task = step.Case.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new CaseRuleException($"the case has no task {taskId}");
            if (task.DepartmentCode != opinion.DepartmentCode)
                throw new CaseRuleException($"the task belongs to {task.DepartmentCode}");
            step.Case.CompleteTask(taskId, opinion, clock);
            var (instance, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                i => i.Bookmarks.FirstOrDefault(b => b.Id == task.BookmarkId), OpinionJson.Write(opinion), cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);

    /// <summary>特别程序 asked by a department (expert review, inspection…): the case's clock stops.</summary>
    public Task<Case> SuspendClockAsync(string caseId, string actor, string reason, int? expectedDays, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, step =>
        {
            step.Case.SuspendClock(actor, reason, expectedDays, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Case> ResumeClockAsync(string caseId, string actor, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, async step =>
        {
            // A procedure the process itself waits on ends by resuming that step; one asked by a department ends here.
            var instance = await CaseProcess.InstanceOfAsync(step.Session, step.Case, cancellationToken);
            if (instance.Bookmarks.Any(b => b.ActivityType == ApprovalTypes.ClockSuspension))
            {
                var (resumed, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                    i => i.Bookmarks.First(b => b.ActivityType == ApprovalTypes.ClockSuspension), new JsonObject { ["by"] = actor }, cancellationToken);
                step.Ran(resumed, result);
            }
            else
            {
                step.Case.ResumeClock(actor, clock);
            }
        }, cancellationToken);

    /// <summary>延期 with the head's approval (Art. 42).</summary>
    public Task<Case> ExtendAsync(string caseId, string head, string reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, step =>
        {
            step.Case.Extend(head, reason, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// The lead's head decides: the merged opinions are the floor (a decision may be more severe, never milder);
    /// a refusal carries every department's reasons.
    /// </summary>
    public Task<Case> DecideAsync(string caseId, string head, Verdict? verdict, string? reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, async step =>
        {
            var input = new JsonObject { ["verdict"] = verdict?.ToString(), ["reason"] = reason, ["signer"] = head };
            var (instance, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                i => i.Bookmarks.FirstOrDefault(b => b.Name == "decision"), input, cancellationToken);
            var decided = instance.Variables[ApprovalTypes.DecisionVariable]!;
            var reasons = decided["reasons"] is JsonArray all ? all.Select(r => OpinionJson.Read(Values.AsString(r!["department"])!, r)).ToList() : [];
            step.Case.Decide(new CaseDecision(Enum.Parse<Verdict>(Values.AsString(decided["verdict"])!), reason, reasons, head, clock.Now), clock);
            step.Ran(instance, result);
        }, cancellationToken);
}

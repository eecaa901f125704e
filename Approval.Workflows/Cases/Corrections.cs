using Approval.Workflows.People;

namespace Approval.Workflows.Cases;

/// <summary>An administrator's corrections (纠错): recorded on the timeline, the process altered by the engine, nothing rewritten.</summary>
public sealed class Corrections(CaseCommands commands, CaseProcess process, CaseClock clock)
{
    /// <summary>Reopens a wrongly completed department review; what followed it in the process is withdrawn.</summary>
    public Task<Case> ReopenTaskAsync(string caseId, string taskId, Actor administrator, string reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, administrator, CaseAccess.Administering, async step =>
        {
            var task = step.Case.PrepareTaskReopening(taskId, administrator.Name, reason, clock);
            var (instance, result) = await process.ReopenAsync(step.Session, step.Case, step.Item, task.ActivityId!, task.Iteration, reason, cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);

    /// <summary>Withdraws a wrong decision (before delivery): the lead decides again.</summary>
    public Task<Case> ReopenDecisionAsync(string caseId, Actor administrator, string reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, administrator, CaseAccess.Administering, async step =>
        {
            step.Case.PrepareDecisionReopening(administrator.Name, reason, clock);
            var decision = await process.DecisionActivityAsync(step.Session, step.Case, cancellationToken);
            var (corrected, result) = await process.ReopenAsync(step.Session, step.Case, step.Item, decision, iteration: null, reason, cancellationToken);
            step.Ran(corrected, result);
        }, cancellationToken);
}

using System.Text.Json.Nodes;
using Approval.Engine.Expressions;
using Approval.Workflows.People;
using Approval.Workflows.Process;
using Approval.Workflows.Refusals;
using Approval.Workflows.Seal;

namespace Approval.Workflows.Cases;

/// <summary>
/// The departments' steps: claim and review tasks, stop and restart the clock, extend, decide. Each is taken by the actor
/// the access rules admit on the case as the step loaded it (<see cref="CaseAccess"/>): a department's own tasks, the
/// clock it stopped, the lead's head for extensions and decisions. A decision saved is sealed (by the
/// <see cref="IDecisionSeal"/>; none in a generated history).
/// </summary>
public sealed class DepartmentDesk(CaseCommands commands, CaseProcess process, CaseClock clock, IAbsences absences, IDecisionSeal? seal = null)
{
    public Task<Case> ClaimAsync(string caseId, string taskId, Actor reviewer, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, reviewer, CaseAccess.OnOwnTask(taskId), step =>
        {
            step.Case.ClaimTask(taskId, reviewer.UserName, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Case> ReleaseAsync(string caseId, string taskId, Actor reviewer, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, reviewer, CaseAccess.OnOwnTask(taskId), step =>
        {
            step.Case.ReleaseTask(taskId, reviewer.UserName, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <param name="colleague">The user name of a reviewer of the same department (the caller checks that they are).</param>
    public Task<Case> DelegateAsync(string caseId, string taskId, Actor reviewer, string colleague, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, reviewer, CaseAccess.OnOwnTask(taskId), step =>
        {
            step.Case.DelegateTask(taskId, reviewer.UserName, colleague, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    public Task<Case> TakeBackAsync(string caseId, string taskId, Actor reviewer, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, reviewer, CaseAccess.OnOwnTask(taskId), step =>
        {
            step.Case.TakeBackTask(taskId, reviewer.UserName, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <param name="reviewer">The user name of a reviewer of the same department (the caller checks that they are).</param>
    public Task<Case> ReassignAsync(string caseId, string taskId, Actor head, string reviewer, string reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, head, CaseAccess.HeadOfTask(taskId), step =>
        {
            step.Case.ReassignTask(taskId, head.Name, reviewer, reason, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// A department's opinion: its task closes and the process moves on (the lead decides once all are in). A task a
    /// colleague holds is answered only by that colleague's substitute while they are away.
    /// </summary>
    public Task<Case> GiveOpinionAsync(string caseId, string taskId, Actor reviewer, Verdict verdict, string? reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, reviewer, CaseAccess.OnOwnTask(taskId), async step =>
        {
            var task = step.Case.Tasks.First(t => t.Id == taskId);
            if (task.ClaimedBy is { } holder && holder != reviewer.UserName
                && !Absence.MayActFor(reviewer.UserName, holder, await absences.FindAsync(holder, cancellationToken), clock.Now))
                throw new CaseRuleException(Refusal.Of(RefusalCode.TaskHeldBySomeoneElse, $"the task is held by {holder}; their substitute may act on it only while they are away"));
            var opinion = new Opinion(task.DepartmentCode, verdict, reason, reviewer.Name);
            step.Case.CompleteTask(taskId, opinion, clock);
            var (instance, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                i => i.Bookmarks.FirstOrDefault(b => b.Id == task.BookmarkId), OpinionJson.Write(opinion), cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);

    /// <summary>特别程序 asked by a department (expert review, inspection…): the case's clock stops until that department restarts it.</summary>
    public Task<Case> SuspendClockAsync(string caseId, Actor actor, string reason, int? expectedDays, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, actor, CaseAccess.Reviewing, step =>
        {
            step.Case.SuspendClock(actor.Name, reason, expectedDays, clock, actor.DepartmentCode);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Restarts the clock: by the department that stopped it, or the lead's when the process stopped it.</summary>
    public Task<Case> ResumeClockAsync(string caseId, Actor actor, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, actor, CaseAccess.ResumingOwnSuspension, async step =>
        {
            // A procedure the process itself waits on ends by resuming that step; one asked by a department ends here.
            var instance = await CaseProcess.InstanceOfAsync(step.Session, step.Case, cancellationToken);
            if (instance.Bookmarks.Any(b => b.ActivityType == ApprovalTypes.ClockSuspension))
            {
                var (resumed, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                    i => i.Bookmarks.First(b => b.ActivityType == ApprovalTypes.ClockSuspension), new JsonObject { ["by"] = actor.Name }, cancellationToken);
                step.Ran(resumed, result);
            }
            else
            {
                step.Case.ResumeClock(actor.Name, clock);
            }
        }, cancellationToken);

    /// <summary>延期 with the head's approval (Art. 42).</summary>
    public Task<Case> ExtendAsync(string caseId, Actor head, string reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, head, CaseAccess.LeadHead, step =>
        {
            step.Case.Extend(head.Name, reason, clock);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// 事后核查 of a 告知承诺 by the lead department's head. A false commitment revokes the decision, ends what is left of the
    /// process, and writes the applicant's <see cref="Credit.CreditRecordKind.BrokenPromise"/> record in the same commit.
    /// </summary>
    public Task<Case> VerifyCommitmentAsync(string caseId, Actor head, bool kept, string finding, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, head, CaseAccess.LeadHead, async step =>
        {
            step.Case.VerifyCommitment(head.Name, kept, finding, clock);
            if (kept)
                return;
            step.Session.RecordCredit(Credit.BrokenPromiseRecord.OfCommitment(step.Case, step.Item, step.Case.Commitment!.Verification!, clock.Due.Hours.DateOf(clock.Now)));
            await process.CancelAsync(step.Session, step.Case, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The lead's head decides: the merged opinions are the floor (a decision may be more severe, never milder);
    /// a refusal carries every department's reasons.
    /// </summary>
    public async Task<Case> DecideAsync(string caseId, Actor head, Verdict? verdict, string? reason, CancellationToken cancellationToken = default)
    {
        var @case = await DecideUnsealedAsync(caseId, head, verdict, reason, cancellationToken);
        // Sealed once the decision is saved: a seal that fails leaves the decision standing, sealed when first asked for.
        if (seal is not null && @case.Status == CaseStatus.Decided)
            await seal.SealAsync(@case, cancellationToken);
        return @case;
    }

    private Task<Case> DecideUnsealedAsync(string caseId, Actor head, Verdict? verdict, string? reason, CancellationToken cancellationToken) =>
        commands.ExecuteAsync(caseId, head, CaseAccess.LeadHead, async step =>
        {
            var input = new JsonObject { ["verdict"] = verdict?.ToString(), ["reason"] = reason, ["signer"] = head.Name };
            var (instance, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                i => i.Bookmarks.FirstOrDefault(b => b.Name == "decision"), input, cancellationToken);
            var decided = instance.Variables[ApprovalTypes.DecisionVariable]!;
            var reasons = decided["reasons"] is JsonArray all ? all.Select(r => OpinionJson.Read(Values.AsString(r!["department"])!, r)).ToList() : [];
            step.Case.Decide(new CaseDecision(Enum.Parse<Verdict>(Values.AsString(decided["verdict"])!), reason, reasons, head.Name, clock.Now), clock);
            step.Ran(instance, result);
        }, cancellationToken);
}

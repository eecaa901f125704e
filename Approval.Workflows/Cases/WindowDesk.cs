using System.Text.Json.Nodes;
using Approval.Workflows.Credit;
using Approval.Workflows.People;
using Approval.Workflows.Process;

namespace Approval.Workflows.Cases;

/// <summary>
/// The window clerk's steps (一窗受理, 一窗办结): accept, refuse, ask for supplements, hand out the result. Each step
/// takes the window (窗口) the clerk sits at now, so the case and its timeline say which window did it. Only a window clerk
/// takes them (<see cref="CaseAccess.AtTheWindow"/>), decided in the step's own unit of work.
/// </summary>
public sealed class WindowDesk(CaseCommands commands, CaseProcess process, CaseClock clock, CreditStandings credit)
{
    /// <summary>受理: the case's process starts; its department reviews open with their own clocks. A fee charged is checked against the catalog.</summary>
    public Task<Case> AcceptAsync(string caseId, Actor clerk, decimal? feeCharged = null, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, clerk, CaseAccess.AtTheWindow, async step =>
        {
            step.Case.Accept(clerk.Name, clock, clerk.WindowCode);
            if (feeCharged is { } fee)
                step.Case.ChargeFee(clerk.Name, fee, step.Item.Fee, clock, clerk.WindowCode);
            var (instance, result) = await process.StartAsync(step.Session, step.Case, step.Item, cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);

    /// <summary>
    /// 容缺受理: accepts with non-key materials to follow by a promised date, if the applicant's credit standing at this
    /// instant allows it (<see cref="CreditAssessment.AllowsPromise"/>); otherwise refused, naming the record.
    /// </summary>
    public Task<Case> AcceptWithMissingMaterialsAsync(string caseId, Actor clerk, IReadOnlyList<string> materialCodes, DateOnly promisedBy,
        CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, clerk, CaseAccess.AtTheWindow, async step =>
        {
            var standing = await credit.AssessAsync(step.Case.Applicant.IdNumber, clock.Now, cancellationToken);
            step.Case.AcceptWithMissingMaterials(clerk.Name, step.Item, materialCodes, promisedBy, standing, clock, clerk.WindowCode);
            var (instance, result) = await process.StartAsync(step.Session, step.Case, step.Item, standing, cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);

    /// <summary>
    /// 告知承诺受理: accepts on the applicant's signed commitment, for an item that offers it and an applicant whose standing
    /// at this instant allows a promise (<see cref="CreditAssessment.AllowsPromise"/>); otherwise refused, naming the reason.
    /// </summary>
    public Task<Case> AcceptUnderCommitmentAsync(string caseId, Actor clerk, string statement, decimal? feeCharged = null,
        CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, clerk, CaseAccess.AtTheWindow, async step =>
        {
            var standing = await credit.AssessAsync(step.Case.Applicant.IdNumber, clock.Now, cancellationToken);
            step.Case.AcceptUnderCommitment(clerk.Name, step.Item, statement, standing, clock, clerk.WindowCode);
            if (feeCharged is { } fee)
                step.Case.ChargeFee(clerk.Name, fee, step.Item.Fee, clock, clerk.WindowCode);
            var (instance, result) = await process.StartAsync(step.Session, step.Case, step.Item, standing, cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);

    /// <summary>容缺后补: the window receives materials promised at acceptance; the result can be handed out once all are in.</summary>
    public Task<Case> ReceivePromisedMaterialsAsync(string caseId, Actor clerk, IReadOnlyList<string> materialCodes,
        CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, clerk, CaseAccess.AtTheWindow, step =>
        {
            step.Case.ReceivePromisedMaterials(clerk.Name, materialCodes, clock, clerk.WindowCode);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>不予受理, with the reason; the appeal rights are added.</summary>
    public Task<Case> RefuseAsync(string caseId, Actor clerk, string reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, clerk, CaseAccess.AtTheWindow, step =>
        {
            step.Case.Refuse(clerk.Name, reason, clock, clerk.WindowCode);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>补正: every missing material at once; see <see cref="SupplementOutcome"/> for what it can come to.</summary>
    public async Task<(Case Case, SupplementOutcome Outcome)> RequestSupplementAsync(string caseId, Actor clerk, IReadOnlyList<string> missing,
        CancellationToken cancellationToken = default)
    {
        var outcome = SupplementOutcome.Requested;
        var @case = await commands.ExecuteAsync(caseId, clerk, CaseAccess.AtTheWindow, async step =>
        {
            outcome = step.Case.RequestSupplement(clerk.Name, missing, clock, clerk.WindowCode);
            if (outcome == SupplementOutcome.DeemedAccepted)
            {
                var (instance, result) = await process.StartAsync(step.Session, step.Case, step.Item, cancellationToken);
                step.Ran(instance, result);
            }
        }, cancellationToken);
        return (@case, outcome);
    }

    /// <summary>出件: the decided result is handed out and the case is completed.</summary>
    public Task<Case> DeliverAsync(string caseId, Actor clerk, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, clerk, CaseAccess.AtTheWindow, async step =>
        {
            step.Case.Deliver(clerk.Name, clock, clerk.WindowCode);
            var (instance, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                i => i.Bookmarks.FirstOrDefault(b => b.Name == "deliver"), new JsonObject { ["clerk"] = clerk.Name }, cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);
}

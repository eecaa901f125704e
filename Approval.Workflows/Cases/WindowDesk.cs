using System.Text.Json.Nodes;
using Approval.Workflows.Process;

namespace Approval.Workflows.Cases;

/// <summary>
/// The window clerk's steps (一窗受理, 一窗办结): accept, refuse, ask for supplements, hand out the result. Each step
/// takes the window (窗口) the clerk sits at now, so the case and its timeline say which window did it.
/// </summary>
public sealed class WindowDesk(CaseCommands commands, CaseProcess process, CaseClock clock)
{
    /// <summary>受理: the case's process starts; its department reviews open with their own clocks. A fee charged is checked against the catalog.</summary>
    public Task<Case> AcceptAsync(string caseId, string clerk, decimal? feeCharged = null, string? window = null, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, async step =>
        {
            step.Case.Accept(clerk, clock, window);
            if (feeCharged is { } fee)
                step.Case.ChargeFee(clerk, fee, step.Item.Fee, clock, window);
            var (instance, result) = await process.StartAsync(step.Session, step.Case, step.Item, cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);

    /// <summary>容缺受理: accepts with non-key materials to follow by a promised date (the applicant's credit standing decides eligibility).</summary>
    public Task<Case> AcceptWithMissingMaterialsAsync(string caseId, string clerk, IReadOnlyList<string> materialCodes, DateOnly promisedBy,
        bool applicantInGoodStanding, string? window = null, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, async step =>
        {
            step.Case.AcceptWithMissingMaterials(clerk, step.Item, materialCodes, promisedBy, applicantInGoodStanding, clock, window);
            var (instance, result) = await process.StartAsync(step.Session, step.Case, step.Item, cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);

    /// <summary>容缺后补: the window receives materials promised at acceptance; the result can be handed out once all are in.</summary>
    public Task<Case> ReceivePromisedMaterialsAsync(string caseId, string clerk, IReadOnlyList<string> materialCodes, string? window = null,
        CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, step =>
        {
            step.Case.ReceivePromisedMaterials(clerk, materialCodes, clock, window);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>不予受理, with the reason; the appeal rights are added.</summary>
    public Task<Case> RefuseAsync(string caseId, string clerk, string reason, string? window = null, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, step =>
        {
            step.Case.Refuse(clerk, reason, clock, window);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>补正: every missing material at once; see <see cref="SupplementOutcome"/> for what it can come to.</summary>
    public async Task<(Case Case, SupplementOutcome Outcome)> RequestSupplementAsync(string caseId, string clerk, IReadOnlyList<string> missing, string? window = null,
        CancellationToken cancellationToken = default)
    {
        var outcome = SupplementOutcome.Requested;
        var @case = await commands.ExecuteAsync(caseId, async step =>
        {
            outcome = step.Case.RequestSupplement(clerk, missing, clock, window);
            if (outcome == SupplementOutcome.DeemedAccepted)
            {
                var (instance, result) = await process.StartAsync(step.Session, step.Case, step.Item, cancellationToken);
                step.Ran(instance, result);
            }
        }, cancellationToken);
        return (@case, outcome);
    }

    /// <summary>出件: the decided result is handed out and the case is completed.</summary>
    public Task<Case> DeliverAsync(string caseId, string clerk, string? window = null, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, async step =>
        {
            step.Case.Deliver(clerk, clock, window);
            var (instance, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                i => i.Bookmarks.FirstOrDefault(b => b.Name == "deliver"), new JsonObject { ["clerk"] = clerk }, cancellationToken);
            step.Ran(instance, result);
        }, cancellationToken);
}

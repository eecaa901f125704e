using System.Text.Json.Nodes;
using Approval.Workflows.People;

namespace Approval.Workflows.Cases;

/// <summary>
/// The applicant's steps on their own case: supplement what was asked, withdraw, rate the service. Another applicant's
/// case is not there for them (<see cref="CaseNotFoundException"/>), decided in the step's own unit of work.
/// </summary>
public sealed class ApplicantDesk(CaseCommands commands, CaseProcess process, CaseClock clock)
{
    public Task<Case> SupplementAsync(string caseId, Actor applicant, JsonObject? form, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, applicant, CaseAccess.OwnApplication, async step =>
        {
            if (form is not null && Catalog.FormValidation.Check(step.Item.Form, form) is { Count: > 0 } errors)
                throw new ApplicationInvalidException(errors);
            step.Case.Supplement(applicant.Name, form, clock);
            if (step.Case.IsInReviewPhase)
            {
                // The process waits at its supplement step; the departments' reviews open again after it.
                var (instance, result) = await process.ResumeAsync(step.Session, step.Case, step.Item,
                    i => i.Bookmarks.FirstOrDefault(b => b.Name == "supplement"), new JsonObject { ["form"] = step.Case.Form.DeepClone() }, cancellationToken);
                step.Ran(instance, result);
            }
        }, cancellationToken);

    /// <summary>撤回: the case closes and its process is cancelled.</summary>
    public Task<Case> WithdrawAsync(string caseId, Actor applicant, string? reason, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, applicant, CaseAccess.OwnApplication, async step =>
        {
            step.Case.Withdraw(applicant.Name, reason, clock);
            await process.CancelAsync(step.Session, step.Case, cancellationToken);
        }, cancellationToken);

    /// <summary>满意度评价: once, after delivery or refusal; the process is not involved.</summary>
    public Task<Case> RateAsync(string caseId, Actor applicant, Satisfaction level, string? comment, CancellationToken cancellationToken = default) =>
        commands.ExecuteAsync(caseId, applicant, CaseAccess.OwnApplication, step =>
        {
            step.Case.Rate(applicant.Name, level, comment, clock);
            return Task.CompletedTask;
        }, cancellationToken);
}

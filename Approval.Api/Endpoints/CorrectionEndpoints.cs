using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Identity;
using Approval.Workflows.Cases;
using Approval.Workflows.Inputs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Endpoints;

/// <summary>纠错: an administrator's recorded corrections of a case, with a reason; nothing is rewritten.</summary>
internal static class CorrectionEndpoints
{
    public static RouteGroupBuilder MapCorrectionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cases/{caseId}/corrections")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/reopen-task", ReopenTaskAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Reopens a wrongly completed department review (body { taskId, reason }): what followed it in the process is withdrawn and the department reviews again.").WithDescription("A correction (纠错) by an administrator, for a review completed by mistake: the task opens again with its own clock, later steps of the process are withdrawn, and the reason is recorded on the timeline. Nothing is deleted.").WithTags(UserGroups.Administration).WithName("ReopenTask");
        group.MapPost("/reopen-decision", ReopenDecisionAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Withdraws a wrong decision before delivery (body { reason }): the lead department decides again.").WithDescription("A correction (纠错) by an administrator before the result is handed out (出件): the decision is withdrawn with its reason and the lead department's head decides again; the timeline keeps both.").WithTags(UserGroups.Administration).WithName("ReopenDecision");
        return group;
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> ReopenTaskAsync(string caseId, CorrectionRequest request, ClaimsPrincipal principal,
        Corrections corrections, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.TaskId))
            return TypedResults.Problem(Problems.InvalidField("taskId", ApiReasons.NameTaskToReopen));
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.CorrectionStatesReason));
        return await CasesEndpoints.Step(() => corrections.ReopenTaskAsync(caseId, request.TaskId, CasesEndpoints.Acting(principal), request.Reason, cancellationToken), principal);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> ReopenDecisionAsync(string caseId, CorrectionRequest request, ClaimsPrincipal principal,
        Corrections corrections, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.CorrectionStatesReason));
        return await CasesEndpoints.Step(() => corrections.ReopenDecisionAsync(caseId, CasesEndpoints.Acting(principal), request.Reason, cancellationToken), principal);
    }
}

/// <summary>A correction: which task (for reopening one) and why.</summary>
public sealed record CorrectionRequest([property: MaxLength(TextLimits.Code)] string? TaskId, [property: MaxLength(TextLimits.Reason)] string? Reason);

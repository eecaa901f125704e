using Approval.Api.Contract;
using Approval.Engine.Hosting;
using Microsoft.AspNetCore.Diagnostics;

namespace Approval.Api.Endpoints;

/// <summary>Turns the domain's exceptions into problem details: missing things (and cases the caller may not see) are 404, steps the caller may not take 403, lost races 409, bad requests 400.</summary>
internal sealed class ExceptionProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            WorkflowNotFoundException e => Problems.NotFound(e.Message),
            WorkflowConcurrencyException e => Problems.Conflict(e.Message),
            DefinitionVersionException e => Problems.Conflict($"Not possible now: {e.Message}."),
            Approval.Engine.Definitions.InvalidDefinitionException e => Problems.InvalidDefinition(e.Errors),
            Approval.Workflows.Calendar.CalendarYearMissingException e => Problems.Unprocessable(e.Message).Saying(ProblemText.Of(e.Refusal)),
            Approval.Workflows.Inputs.InputTooLongException e => Problems.TooLong([(e.Field, ProblemText.Of(e.Refusal))]),
            Approval.Workflows.Cases.IdempotencyKeyReusedException e => Reused(e),
            Approval.Workflows.Cases.ApplicationInvalidException e => Problems.InvalidFields(e.Errors.Select(x => (x.Field, x.Reason, x.Refusal is { } why ? ProblemText.Of(why) : null))),
            Approval.Workflows.Cases.CaseNotFoundException e => Problems.NotFound(e.Message).Saying(ProblemText.Of(e.Refusal)),
            Approval.Workflows.Cases.CaseAccessDeniedException e => Problems.Forbidden(e.Message).Saying(ProblemText.Of(e.Refusal)),
            Approval.Workflows.Cases.CaseRuleException e => Problems.Conflict($"Not possible now: {e.Message}.").Saying(ProblemText.Of(e.Refusal), NotPossible),
            Approval.Workflows.Cases.CaseConflictException e => Problems.Conflict(e.Message),
            Approval.Workflows.Catalog.ItemVersionConflictException e => Problems.Conflict($"Not possible now: {e.Message}."),
            Approval.Workflows.Supervision.SupervisionRuleException e => Problems.Conflict($"Not possible now: {e.Message}.").Saying(ProblemText.Of(e.Refusal), NotPossible),
            Approval.Workflows.Credit.CreditEntryInvalidException e => Problems.InvalidFields(e.Errors.Select(x => (x.Field, x.Reason))),
            Approval.Workflows.Credit.CreditAccessDeniedException e => Problems.Forbidden(e.Message).Saying(ProblemText.Of(e.Refusal)),
            Approval.Workflows.Credit.CreditRecordNotFoundException e => Problems.NotFound(e.Message).Saying(ProblemText.Of(e.Refusal)),
            Approval.Workflows.Credit.CreditRuleException e => Problems.Conflict($"Not possible now: {e.Message}.").Saying(ProblemText.Of(e.Refusal), NotPossible),
            BadHttpRequestException e => BadRequestProblems.From(e),
            _ => null,
        };
        if (problem is null)
            return false;
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    // The pages' frame for a rule that stops a step: "Not possible now: {0}".
    private const string NotPossible = "Problem.NotPossible";

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Reused(Approval.Workflows.Cases.IdempotencyKeyReusedException reused)
    {
        var problem = Problems.InvalidFields([("Idempotency-Key", reused.Message, (ProblemText?)ProblemText.Of(reused.Refusal))]);
        problem.Status = StatusCodes.Status422UnprocessableEntity;
        problem.Title = "The Idempotency-Key was used for another request";
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21";
        problem.Extensions[ProblemLanguage.CodeMember] = reused.Refusal.Code.ToString();
        return problem;
    }
}

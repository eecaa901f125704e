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
            Approval.Workflows.Calendar.CalendarYearMissingException e => Problems.Unprocessable(e.Message),
            Approval.Workflows.Inputs.InputTooLongException e => Problems.TooLong([(e.Field, e.Reason)]),
            Approval.Workflows.Cases.IdempotencyKeyReusedException e => Problems.UnprocessableFields([("Idempotency-Key", e.Message)], "The Idempotency-Key was used for another request"),
            Approval.Workflows.Cases.ApplicationInvalidException e => Problems.InvalidFields(e.Errors.Select(x => (x.Field, x.Reason))),
            Approval.Workflows.Cases.CaseNotFoundException e => Problems.NotFound(e.Message),
            Approval.Workflows.Cases.CaseAccessDeniedException e => Problems.Forbidden(e.Message),
            Approval.Workflows.Cases.CaseRuleException e => Problems.Conflict($"Not possible now: {e.Message}."),
            Approval.Workflows.Cases.CaseConflictException e => Problems.Conflict(e.Message),
            Approval.Workflows.Catalog.ItemVersionConflictException e => Problems.Conflict($"Not possible now: {e.Message}."),
            Approval.Workflows.Supervision.SupervisionRuleException e => Problems.Conflict($"Not possible now: {e.Message}."),
            Approval.Workflows.Credit.CreditEntryInvalidException e => Problems.InvalidFields(e.Errors.Select(x => (x.Field, x.Reason))),
            Approval.Workflows.Credit.CreditAccessDeniedException e => Problems.Forbidden(e.Message),
            Approval.Workflows.Credit.CreditRecordNotFoundException e => Problems.NotFound(e.Message),
            Approval.Workflows.Credit.CreditRuleException e => Problems.Conflict($"Not possible now: {e.Message}."),
            BadHttpRequestException e => BadRequestProblems.From(e),
            _ => null,
        };
        if (problem is null)
            return false;
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}

using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Approval.Api.Contract;
using Approval.Api.Identity;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Workflows.Inputs;
using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Endpoints;

/// <summary>
/// Workflow instances: start, read, resume bookmarks, publish events, retry incidents, cancel. Engine internals: administrators act, supervisors read.
/// A case's process is moved only through the case's steps, which keep the case and its instance together; resuming,
/// retrying or cancelling it here would strand the case (InReview with open tasks and no process behind them), so it is refused (409).
/// </summary>
internal static class WorkflowInstanceEndpoints
{
    public static RouteGroupBuilder MapWorkflowInstanceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workflow-instances");
        group.MapPost("/", StartAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Starts an instance of the published version of a definition.").ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Body: { definitionId, input, correlationId }. For processes outside cases; a case's process starts when the window accepts it.").WithTags(UserGroups.Administration).WithName("StartInstance");
        group.MapGet("/{instanceId}", GetAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("Reads an instance: status, variables, pending bookmarks, incidents.").WithDescription("For diagnosis by administrators and supervisors: the engine's view of a process, beside the case's own view.").WithTags(UserGroups.Administration, UserGroups.Supervision).WithName("GetInstance");
        group.MapPost("/{instanceId}/bookmarks/{bookmarkId}/resume", ResumeAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Resumes a pending bookmark with an input.")
            .WithDescription("Resuming a bookmark that was already resumed has no second effect and answers outcome AlreadyResumed. A case's process is refused (409): it moves through the case's steps and corrections.")
            .ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Administration).WithName("ResumeBookmark");
        group.MapPost("/{instanceId}/incidents/{incidentId}/retry", RetryAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Retries the activity an incident stopped. A case's process is refused (409).")
            .ProducesProblem(StatusCodes.Status409Conflict).WithDescription("An incident is an activity that failed (a script error, a timeout); retrying runs it again from its inputs. A case's process is refused (409): it is corrected through the case's corrections.").WithTags(UserGroups.Administration).WithName("RetryIncident");
        group.MapPost("/{instanceId}/cancel", CancelAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Cancels an instance: nothing more runs, its bookmarks are gone. A case's process is refused (409): a case ends by its own steps (withdrawal, refusal, decision).")
            .ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Only for processes outside cases.").WithTags(UserGroups.Administration).WithName("CancelInstance");

        routes.MapPost("/api/workflow-events/{eventName}", PublishEventAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Publishes an event: every instance waiting on it (Elsa.Event) resumes.").WithDescription("For processes that wait on an outside event (Elsa.Event); a case's own steps are the case endpoints, not events.").WithTags(UserGroups.Administration).WithName("PublishEvent");
        return group;
    }

    private static async Task<Created<InstanceView>> StartAsync(StartRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var run = await runtime.StartAsync(request.DefinitionId, request.Input, request.CorrelationId, cancellationToken: cancellationToken);
        return TypedResults.Created($"/api/workflow-instances/{run.Instance.Id}", InstanceView.From(run.Instance, run.Result.Outcome));
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(string instanceId, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var instance = await runtime.FindAsync(instanceId, cancellationToken);
        return instance is null
            ? TypedResults.Problem(Problems.NotFound($"No workflow instance '{instanceId}'."))
            : TypedResults.Ok(InstanceView.From(instance, null));
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ResumeAsync(
        string instanceId, string bookmarkId, ResumeRequest? request, WorkflowRuntime runtime, IDbContextFactory<ApprovalDbContext> contexts, CancellationToken cancellationToken)
    {
        if (await CaseProcessProblemAsync(instanceId, runtime, contexts, cancellationToken) is { } problem)
            return problem;
        var run = await runtime.ResumeAsync(instanceId, bookmarkId, request?.Input, cancellationToken);
        return run.Result.Outcome switch
        {
            RunOutcome.NotFound => TypedResults.Problem(Problems.NotFound($"Instance '{instanceId}' has no bookmark '{bookmarkId}'.")),
            RunOutcome.NotRunnable => TypedResults.Problem(Problems.Conflict($"Instance '{instanceId}' is {run.Instance.Status} and cannot be resumed.")),
            _ => TypedResults.Ok(InstanceView.From(run.Instance, run.Result.Outcome)),
        };
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> RetryAsync(
        string instanceId, string incidentId, WorkflowRuntime runtime, IDbContextFactory<ApprovalDbContext> contexts, CancellationToken cancellationToken)
    {
        if (await CaseProcessProblemAsync(instanceId, runtime, contexts, cancellationToken) is { } problem)
            return problem;
        var run = await runtime.RetryAsync(instanceId, incidentId, cancellationToken);
        return run.Result.Outcome == RunOutcome.NotFound
            ? TypedResults.Problem(Problems.NotFound($"Instance '{instanceId}' has no open incident '{incidentId}'."))
            : TypedResults.Ok(InstanceView.From(run.Instance, run.Result.Outcome));
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> CancelAsync(string instanceId, WorkflowRuntime runtime,
        IDbContextFactory<ApprovalDbContext> contexts, CancellationToken cancellationToken)
    {
        if (await CaseProcessProblemAsync(instanceId, runtime, contexts, cancellationToken) is { } problem)
            return problem;
        var run = await runtime.CancelAsync(instanceId, cancellationToken);
        return TypedResults.Ok(InstanceView.From(run.Instance, run.Result.Outcome));
    }

    // A case's process, and a sub-workflow it runs, move only through the case's steps (CaseOwnedInstances).
    private static async Task<ProblemHttpResult?> CaseProcessProblemAsync(string instanceId, WorkflowRuntime runtime, IDbContextFactory<ApprovalDbContext> contexts,
        CancellationToken cancellationToken)
    {
        if (await CaseOwnedInstances.CaseOfAsync(instanceId, runtime, contexts, cancellationToken) is not { } caseId)
            return null;
        var problem = Problems.Conflict($"Instance '{instanceId}' runs the process of case {caseId}: it moves only through the case's steps " +
            $"(/api/cases/{caseId}/…), which keep the case and its process together. To correct it, use the corrections " +
            $"(POST /api/cases/{caseId}/corrections/reopen-task or /reopen-decision).");
        problem.Extensions["caseId"] = caseId;
        return TypedResults.Problem(problem);
    }

    private static async Task<Ok<EventOutcome>> PublishEventAsync(string eventName, ResumeRequest? request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var runs = await runtime.PublishEventAsync(eventName, request?.Input, cancellationToken);
        return TypedResults.Ok(new EventOutcome(eventName, [.. runs.Select(r => r.Instance.Id)]));
    }
}

/// <summary>Starts an instance.</summary>
/// <param name="DefinitionId">The definition's stable id.</param>
/// <param name="Input">Named input values, readable by expressions as <c>input.name</c>.</param>
/// <param name="CorrelationId">An id of the caller's to find the instance by.</param>
public sealed record StartRequest([property: MaxLength(TextLimits.Code)] string DefinitionId, Dictionary<string, JsonNode?>? Input, [property: MaxLength(TextLimits.Code)] string? CorrelationId);

/// <summary>The input delivered with a resume or an event.</summary>
public sealed record ResumeRequest(JsonNode? Input);

/// <summary>The instances an event resumed.</summary>
public sealed record EventOutcome(string EventName, IReadOnlyList<string> ResumedInstanceIds);

/// <summary>An instance as the API shows it.</summary>
public sealed record InstanceView(
    string Id,
    string DefinitionId,
    int DefinitionVersion,
    string Status,
    string? Outcome,
    string? CorrelationId,
    IReadOnlyDictionary<string, JsonNode?> Variables,
    IReadOnlyDictionary<string, JsonNode?> Output,
    IReadOnlyList<BookmarkView> Bookmarks,
    IReadOnlyList<IncidentView> Incidents)
{
    public static InstanceView From(WorkflowInstance instance, RunOutcome? outcome) => new(
        instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status.ToString(), outcome?.ToString(), instance.CorrelationId,
        instance.Variables, instance.Output,
        [.. instance.Bookmarks.Select(b => new BookmarkView(b.Id, b.ActivityId, b.ActivityType, b.Name, b.DueAt))],
        [.. instance.Incidents.Select(i => new IncidentView(i.Id, i.ActivityId, i.Kind.ToString(), i.Message, i.At, i.ResolvedAt))]);
}

public sealed record BookmarkView(string Id, string ActivityId, string ActivityType, string? Name, DateTimeOffset? DueAt);

public sealed record IncidentView(string Id, string? ActivityId, string Kind, string Message, DateTimeOffset At, DateTimeOffset? ResolvedAt);

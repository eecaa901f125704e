using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.MachineClients;
using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Workflows.Cases;
using Approval.Workflows.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.DepartmentSystems;

/// <summary>
/// <c>POST /api/workflow-callbacks/{path}?instanceId=…</c>: a department's system answers a process waiting at an
/// <c>Elsa.HttpEndpoint</c> of that path. It proves who it is by a bearer token of one of its department's machine clients,
/// or by an HMAC-SHA256 signature of the body (<see cref="CallbackSignature"/>) with the path's configured secret. The
/// route itself is open (no token needed to reach it) because a signed call carries none; the handler admits only those two.
/// An instance that runs a case's process (or a sub-workflow of it) is answered through the case (<see cref="DepartmentSystemAnswers"/>),
/// never by the bare runtime, so the case's tasks, clock and timeline move with it.
/// </summary>
internal static class WorkflowCallbackEndpoints
{
    private const int MaximumBodyBytes = 1024 * 1024;

    public static RouteHandlerBuilder MapWorkflowCallbackEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/workflow-callbacks/{path}", CallBackAsync).AllowAnonymous()
            .WithSummary("A department's system resumes the process waiting for its answer at an Elsa.HttpEndpoint of this path.")
            .WithDescription("Called by a department's own system: the JSON body becomes the waiting activity's output. Authenticate with a bearer token "
                             + "of a machine client of the path's department, or sign the body: X-Approval-Timestamp (Unix seconds) and X-Approval-Signature "
                             + "(sha256= hex HMAC-SHA256 of '{timestamp}.{body}' with the path's secret). A second call for an answer already given is 409.")
            .Accepts<JsonNode>("application/json")
            .Produces<CallbackOutcome>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags(UserGroups.Departments).WithName("ResumeCallback");

    private static async Task<Results<Ok<CallbackOutcome>, ProblemHttpResult>> CallBackAsync(string path, [FromQuery] string? instanceId,
        HttpRequest request, ClaimsPrincipal principal, IOptionsMonitor<DepartmentSystemsOptions> options, TimeProvider time,
        WorkflowRuntime runtime, IDbContextFactory<ApprovalDbContext> contexts, DepartmentSystemAnswers answers, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        // A body that is not JSON is refused as such before anything else: it could resume nothing, whoever sent it.
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
            return TypedResults.Problem(Problems.InvalidField("body", ApiReasons.AtMostMegabytes(1)));
        JsonNode? input;
        try
        {
            input = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(Problems.InvalidField("body", ApiReasons.CallbackBodyJson));
        }

        var normalized = HttpEndpointActivity.Normalize(path);
        // An unknown path answers the same to everyone: there is nothing to authenticate against.
        if (!settings.Callbacks.TryGetValue(normalized, out var callback))
            return TypedResults.Problem(Problems.NotFound($"No department system calls back at '{normalized}'."));
        if (Caller(principal, request, callback, settings, body, time.GetUtcNow()) is { } refused)
            return TypedResults.Problem(refused);
        if (string.IsNullOrWhiteSpace(instanceId))
            return TypedResults.Problem(Problems.InvalidField("instanceId", ApiReasons.Required));

        var instance = await runtime.FindAsync(instanceId, cancellationToken);
        if (instance is null)
            return TypedResults.Problem(Problems.NotFound($"No workflow instance '{instanceId}'."));
        var bookmarkName = HttpEndpointActivity.BookmarkName(normalized);
        if (await CaseOwnedInstances.CaseOfAsync(instance, runtime, contexts, cancellationToken) is { } caseId)
            return await AnswerCaseAsync(caseId, instanceId, bookmarkName, normalized, Answerer(principal, callback), input, answers, runtime, cancellationToken);
        var waiting = instance.Bookmarks.FirstOrDefault(b => b.ActivityType == HttpEndpointActivity.Type && b.Name == bookmarkName);
        if (waiting is null)
            return TypedResults.Problem(NothingWaits(instanceId, normalized));
        var run = await runtime.ResumeAsync(instanceId, waiting.Id, input, cancellationToken);
        // The loser of two calls at once finds the bookmark consumed by the winner: the answer was given once.
        return run.Result.Outcome == RunOutcome.Ran
            ? TypedResults.Ok(new CallbackOutcome(run.Instance.Id, run.Instance.Status.ToString()))
            : TypedResults.Problem(NothingWaits(instanceId, normalized));
    }

    // A case's process moves only through the case's steps, which keep the case, its tasks and its timeline with it.
    private static async Task<Results<Ok<CallbackOutcome>, ProblemHttpResult>> AnswerCaseAsync(string caseId, string instanceId, string bookmarkName,
        string path, string system, JsonNode? input, DepartmentSystemAnswers answers, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        try
        {
            await answers.AnswerAsync(caseId, instanceId, b => b.ActivityType == HttpEndpointActivity.Type && b.Name == bookmarkName, system, path, input, cancellationToken);
        }
        catch (CaseRuleException ex) when (ex.Refusal.Code == RefusalCode.ProcessNotWaiting)
        {
            // The loser of two calls at once finds, on its retry, the bookmark consumed by the winner: the answer was given once.
            return TypedResults.Problem(NothingWaits(instanceId, path));
        }
        var answered = await runtime.FindAsync(instanceId, cancellationToken);
        return TypedResults.Ok(new CallbackOutcome(instanceId, answered?.Status.ToString() ?? nameof(WorkflowStatus.Finished)));
    }

    // Who answered, for the case's timeline: the machine client, or the department's system that signed the call.
    private static string Answerer(ClaimsPrincipal principal, CallbackOptions callback) =>
        principal.ToUser() is { } user ? $"{user.DisplayName} ({user.UserName})" : $"{callback.Department} system (signed call)";

    private static ProblemDetails NothingWaits(string instanceId, string path) =>
        Problems.Conflict($"Instance '{instanceId}' is not waiting at '{path}': its answer was already given, or the process has not asked yet.");

    /// <summary>Why the caller may not call back here, or null when it may.</summary>
    private static ProblemDetails? Caller(ClaimsPrincipal principal, HttpRequest request, CallbackOptions callback,
        DepartmentSystemsOptions settings, byte[] body, DateTimeOffset now)
    {
        if (request.Headers.TryGetValue(CallbackSignature.SignatureHeader, out var signature))
        {
            if (callback.SigningSecret is null || !settings.Secrets.TryGetValue(callback.SigningSecret, out var secret))
                return Problems.Unauthorized("This path accepts no signed calls: call with a machine client's bearer token.");
            var refusal = CallbackSignature.Refusal(secret, request.Headers[CallbackSignature.TimestampHeader], signature,
                body, now, settings.SignatureTolerance);
            return refusal is null ? null : Problems.Unauthorized(refusal + ".");
        }
        if (principal.ToUser() is not { } user)
            return Problems.Unauthorized("Call with a bearer token of a machine client of the department, or sign the body (X-Approval-Signature).");
        if (!user.UserName.StartsWith(MachineClient.UserNamePrefix, StringComparison.Ordinal) || user.DepartmentCode != callback.Department)
            return Problems.Forbidden($"Only a system of department {callback.Department} calls back here.");
        return null;
    }

    // Null when the body is larger than a callback takes.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaximumBodyBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaximumBodyBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

/// <summary>What a callback did: the instance it resumed and the status the instance is in now.</summary>
public sealed record CallbackOutcome(string InstanceId, string Status);

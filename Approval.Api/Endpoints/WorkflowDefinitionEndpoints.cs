using Approval.Api.Contract;
using Approval.Engine.Definitions;
using Approval.Api.Identity;
using Approval.Engine.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Endpoints;

/// <summary>Process definitions (业务规则流程库): upload, validate, version, publish, read. Administrators and supervisors read; administrators upload.</summary>
internal static class WorkflowDefinitionEndpoints
{
    public static RouteGroupBuilder MapWorkflowDefinitionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/workflow-definitions");

        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("Lists every stored version of every workflow definition, newest first.").WithDescription("The business-rule and process library (业务规则流程库): each definition's versions, which one is published, and when each was stored.").WithTags(UserGroups.Administration, UserGroups.Supervision).WithName("ListDefinitions");
        group.MapGet("/{definitionId}/versions/{version:int}", GetVersionAsync).RequireAuthorization(Policies.Oversight)
            .Produces<System.Text.Json.Nodes.JsonNode>().WithSummary("Returns one version of a definition as it was uploaded (Elsa 3 JSON).").WithDescription("The Elsa 3 JSON stored for that version, as uploaded.").WithTags(UserGroups.Administration, UserGroups.Supervision).WithName("GetDefinitionVersion");
        group.MapPost("/validate", ValidateAsync).RequireAuthorization(Policies.Oversight)
            .Accepts<object>("application/json")
            .WithSummary("Checks an Elsa 3 workflow definition without storing it.")
            .WithDescription("Answers 200 when it would load and run here, else 400 with every error (activity id and reason).").WithTags(UserGroups.Administration, UserGroups.Supervision).WithName("ValidateDefinition");
        group.MapPost("/", UploadAsync).RequireAuthorization(Policies.Administrator)
            .Accepts<object>("application/json")
            .WithSummary("Stores an Elsa 3 workflow definition as the next version of its definitionId.")
            .WithDescription("Published at once unless ?publish=false. New instances start on the highest published version; running instances keep the version they started with.").WithTags(UserGroups.Administration).WithName("UploadDefinition");
        group.MapPost("/{definitionId}/versions/{version:int}/publish", PublishAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Publishes a stored version: new instances start on it.")
            .WithDescription("Only a version newer than the one in force; an older one is put back with roll-back (409 says so).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Administration).WithName("PublishDefinitionVersion");
        group.MapPost("/{definitionId}/versions/{version:int}/roll-back", RollBackAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Puts an older version back in force: its JSON is stored again as the next version, published.")
            .WithDescription("Versions only grow: the answer is the new version. Running instances keep the version they started with.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Administration).WithName("RollBackDefinition");
        return group;
    }

    private static async Task<Ok<DefinitionSummary>> PublishAsync(string definitionId, int version, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        TypedResults.Ok(DefinitionSummary.From(await runtime.PublishAsync(definitionId, version, cancellationToken)));

    private static async Task<Created<DefinitionSummary>> RollBackAsync(string definitionId, int version, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var stored = await runtime.RollBackAsync(definitionId, version, cancellationToken);
        return TypedResults.Created($"/api/workflow-definitions/{Uri.EscapeDataString(stored.DefinitionId)}/versions/{stored.Version}", DefinitionSummary.From(stored));
    }

    private static async Task<Ok<IReadOnlyList<DefinitionSummary>>> ListAsync(IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var all = await store.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DefinitionSummary>>([.. all.Select(DefinitionSummary.From)]);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetVersionAsync(
        string definitionId, int version, IWorkflowDefinitionStore store, CancellationToken cancellationToken)
    {
        var stored = await store.FindVersionAsync(definitionId, version, cancellationToken);
        return stored is null
            ? TypedResults.Problem(Problems.NotFound($"No version {version} of workflow definition '{definitionId}'."))
            : TypedResults.Text(stored.Json, "application/json");
    }

    private static async Task<Results<Ok<ValidationOutcome>, ProblemHttpResult>> ValidateAsync(
        HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var json = await ReadBodyAsync(request, cancellationToken);
        var read = runtime.Engine.CreateReader().Read(json, "request body");
        return read.Succeeded
            ? TypedResults.Ok(new ValidationOutcome(true, read.Definition!.DefinitionId, read.Definition.Name))
            : TypedResults.Problem(Problems.InvalidDefinition(read.Errors));
    }

    private static async Task<Results<Created<DefinitionSummary>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, WorkflowRuntime runtime, CancellationToken cancellationToken, bool publish = true)
    {
        var json = await ReadBodyAsync(request, cancellationToken);
        var saved = await runtime.SaveDefinitionAsync(json, "request body", publish, cancellationToken);
        if (!saved.Succeeded)
            return TypedResults.Problem(Problems.InvalidDefinition(saved.Errors));
        var stored = saved.Stored!;
        return TypedResults.Created($"/api/workflow-definitions/{Uri.EscapeDataString(stored.DefinitionId)}/versions/{stored.Version}", DefinitionSummary.From(stored));
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}

/// <summary>A stored definition version, without its JSON.</summary>
public sealed record DefinitionSummary(string DefinitionId, int Version, string Name, bool IsPublished, DateTimeOffset CreatedAt)
{
    public static DefinitionSummary From(StoredDefinition d) => new(d.DefinitionId, d.Version, d.Name, d.IsPublished, d.CreatedAt);
}

/// <summary>A definition that validated.</summary>
public sealed record ValidationOutcome(bool Valid, string DefinitionId, string Name);

using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Inputs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Webhooks;

/// <summary><c>/api/admin/webhooks</c>: administrators subscribe departments' systems to signed pushes of their case events.</summary>
internal static class WebhookEndpoints
{
    private const int DeliveriesShown = 100;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/webhooks").WithTags(UserGroups.Administration).RequireAuthorization(Policies.Administrator);
        group.MapGet("/", async (WebhookSubscriptions subscriptions, CancellationToken ct) => TypedResults.Ok(await subscriptions.ListAsync(ct)))
            .WithSummary("Every webhook subscription: its department, URL, secret's name, event kinds, whether paused, its cursor and failures.")
            .WithDescription("Administrators see where each department's case events are pushed and how delivery stands; secrets are named, never shown.")
            .WithName("ListWebhooks");
        group.MapPost("/", AddAsync)
            .WithSummary("Subscribes a department's system to its case events, pushed as signed JSON batches from the next timeline line on.")
            .WithDescription("Body: { \"departmentCode\": \"samr\", \"url\": \"https://erp.samr.example/hooks/approval\", \"secretName\": \"samr-hook\", "
                             + "\"eventKinds\": [\"Accepted\", \"Decided\"] } (eventKinds optional: every line when left out). The host must be on "
                             + "Approval:DepartmentSystems:AllowedHosts, https (http only on loopback), the secret configured under "
                             + "Approval:DepartmentSystems:Secrets. Each bad field is named in the problem detail.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("AddWebhook");
        group.MapGet("/{id:int}/deliveries", DeliveriesAsync)
            .WithSummary("The subscription's latest delivery attempts, newest first: the lines sent, the receiver's status or the error, the attempt number.")
            .WithDescription($"At most {DeliveriesShown}; administrators follow a failing receiver here.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListWebhookDeliveries");
        group.MapPost("/{id:int}/suspend", (int id, WebhookSubscriptions subscriptions, CancellationToken ct) => SetPausedAsync(id, true, subscriptions, ct))
            .WithSummary("Pauses a subscription: nothing is pushed until it is resumed; its cursor stays, so nothing is lost meanwhile.")
            .WithDescription("No body. Pausing a paused subscription changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SuspendWebhook");
        group.MapPost("/{id:int}/resume", (int id, WebhookSubscriptions subscriptions, CancellationToken ct) => SetPausedAsync(id, false, subscriptions, ct))
            .WithSummary("Resumes a subscription: the lines since its cursor go out at the next run, its back-off forgotten.")
            .WithDescription("No body. Resuming an active subscription clears its back-off, so a repaired receiver is tried at once.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ResumeWebhook");
        group.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, WebhookSubscriptions subscriptions, CancellationToken ct) =>
                await subscriptions.RemoveAsync(id, ct) ? TypedResults.NoContent() : TypedResults.Problem(Problems.NotFound($"No webhook subscription {id}.")))
            .WithSummary("Removes a subscription and its delivery attempts: nothing more is pushed to it.")
            .WithDescription("To stop for a while and go on where it stopped, suspend it instead.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RemoveWebhook");
        return routes;
    }

    private static async Task<Results<Created<WebhookSubscriptionView>, ProblemHttpResult>> AddAsync(AddWebhookRequest? request, WebhookSubscriptions subscriptions,
        ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var added = await subscriptions.SubscribeAsync(request?.DepartmentCode, request?.Url, request?.SecretName, request?.EventKinds,
            principal.ToUser()!.UserName, cancellationToken);
        return added.Subscription is { } subscription
            ? TypedResults.Created($"/api/admin/webhooks/{subscription.Id}", subscription)
            : TypedResults.Problem(Problems.InvalidFields(added.Errors));
    }

    private static async Task<Results<Ok<IReadOnlyList<WebhookDeliveryView>>, ProblemHttpResult>> DeliveriesAsync(int id, WebhookSubscriptions subscriptions,
        CancellationToken cancellationToken) =>
        await subscriptions.DeliveriesAsync(id, DeliveriesShown, cancellationToken) is { } deliveries
            ? TypedResults.Ok(deliveries)
            : TypedResults.Problem(Problems.NotFound($"No webhook subscription {id}."));

    private static async Task<Results<Ok<WebhookSubscriptionView>, ProblemHttpResult>> SetPausedAsync(int id, bool paused, WebhookSubscriptions subscriptions,
        CancellationToken cancellationToken) =>
        await subscriptions.SetPausedAsync(id, paused, cancellationToken) is { } subscription
            ? TypedResults.Ok(subscription)
            : TypedResults.Problem(Problems.NotFound($"No webhook subscription {id}."));
}

/// <summary>A new webhook subscription: the department whose case events are pushed, where to, the configured secret's name, and which actions.</summary>
public sealed record AddWebhookRequest(
    [property: MaxLength(TextLimits.Code)] string? DepartmentCode,
    [property: MaxLength(WebhookSubscriptionLimits.UrlLength)] string? Url,
    [property: MaxLength(TextLimits.Code)] string? SecretName,
    [property: MaxLength(100)] IReadOnlyList<string>? EventKinds);

/// <summary>Wires the webhook subscriptions and their delivery.</summary>
internal static class WebhookServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalWebhooks(this IServiceCollection services)
    {
        services.AddSingleton<WebhookSubscriptions>();
        services.AddSingleton<WebhookDelivery>();
        return services;
    }
}

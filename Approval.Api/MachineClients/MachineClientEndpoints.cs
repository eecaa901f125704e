using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Serialization;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Inputs;
using Approval.Workflows.Refusals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.MachineClients;

/// <summary>
/// Department systems' client credentials: the client-credentials grant on <c>POST /api/auth/token</c>, and the
/// administrators' list, issue and revoke.
/// </summary>
internal static class MachineClientEndpoints
{
    public const string FormContentType = "application/x-www-form-urlencoded";
    private const string GrantType = "client_credentials";
    private const int MaximumSecretLength = 256;

    public static IEndpointRouteBuilder MapMachineClientEndpoints(this IEndpointRouteBuilder routes)
    {
        // The grant shares its address with the password sign-in (JSON): routing tells them apart by content type, so a form
        // reaches this one. Ordered after the JSON one, so that a request without a content type still gets its answer; the
        // document describes both bodies on the one operation IssueToken (ClientCredentialsGrantDocument).
        routes.MapPost("/api/auth/token", IssueClientTokenAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .Accepts<ClientCredentialsForm>(FormContentType)
            .ExcludeFromDescription()
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = 1);

        var clients = routes.MapGroup("/api/admin/clients").WithTags(UserGroups.Administration).RequireAuthorization(Policies.Administrator);
        clients.MapGet("/", async (EfMachineClients store, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<MachineClientView>>([.. (await store.ListAsync(ct)).Select(MachineClientView.From)]))
            .WithSummary("Every department system's client credential: its department, who issued it, when it last got a token, and whether it is revoked.")
            .WithDescription("The secrets are never shown again (only their hash is kept); a revoked credential stays listed with who revoked it and when.").WithName("ListMachineClients");
        clients.MapPost("/", IssueAsync)
            .WithSummary("Issues a client credential for a department system; the secret is in this answer only (it is stored as a hash).")
            .WithDescription("Body: { \"clientId\": \"samr-erp\", \"name\": \"市场监管局审批系统\", \"departmentCode\": \"samr\" }. The system then signs in with "
                             + "POST /api/auth/token, form grant_type=client_credentials&client_id=…&client_secret=…, and acts as a reviewer of that department, "
                             + "recorded on timelines as 'name (client:clientId)'. A client id is never given twice (409), even once revoked.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("IssueMachineClient");
        clients.MapPost("/{clientId}/revoke", RevokeAsync)
            .WithSummary("Revokes a client credential: the system's tokens stop working at their next request, on every node; it cannot sign in again.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Revocation is kept, never undone: issue a new credential to let the system in again. No body.").WithName("RevokeMachineClient");
        return routes;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueClientTokenAsync(HttpRequest request, ClientCredentialSignIn signIn,
        HttpContext http, CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return TypedResults.Problem(OAuthProblem(Problems.InvalidField("body", e.Message), "invalid_request"));
        }
        if (form["grant_type"].ToString() != GrantType)
            return TypedResults.Problem(OAuthProblem(Problems.InvalidField("grant_type", ApiReasons.ClientCredentialsGrant), "unsupported_grant_type"));
        var (clientId, secret) = BasicCredentials(request) ?? (form["client_id"].ToString(), form["client_secret"].ToString());
        var errors = new List<(string Field, ProblemText Reason)>();
        if (string.IsNullOrWhiteSpace(clientId))
            errors.Add(("client_id", ApiReasons.ClientIdRequired));
        if (string.IsNullOrEmpty(secret))
            errors.Add(("client_secret", ApiReasons.ClientSecretRequired));
        if (errors.Count > 0)
            return TypedResults.Problem(OAuthProblem(Problems.InvalidFields(errors), "invalid_request"));
        if (clientId.Length > TextLimits.Code || secret.Length > MaximumSecretLength)
            return TypedResults.Problem(Problems.TooLong([clientId.Length > TextLimits.Code
                ? ("client_id", ProblemText.Of(Refusal.Of(RefusalCode.TextTooLong, $"must be at most {TextLimits.Code} characters")))
                : ("client_secret", ProblemText.Of(Refusal.Of(RefusalCode.TextTooLong, $"must be at most {MaximumSecretLength} characters")))]));
        return await signIn.SignInAsync(clientId, secret, cancellationToken) switch
        {
            ClientSignInOutcome.SignedIn { Client: var client, Token: var token } =>
                TypedResults.Ok(new TokenResponse(token.Value, "Bearer", token.ExpiresAt, UserView.From(client.AsUser()))),
            ClientSignInOutcome.Throttled throttled => TypedResults.Problem(TooManyRequests.Problem(http, throttled.RetryAfter, ApiReasons.TooManySignInsForClient)),
            _ => TypedResults.Problem(OAuthProblem(Problems.Unauthorized("The client id or secret is wrong, or the client was revoked."), "invalid_client")),
        };
    }

    // RFC 6749 §2.3.1: the id and secret, form-encoded, as the user and password of HTTP Basic authentication.
    private static (string, string)? BasicCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return null;
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return null;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
    }

    // The problem detail also carries OAuth2's error code (RFC 6749 §5.2), for clients written against it.
    private static ProblemDetails OAuthProblem(ProblemDetails problem, string error)
    {
        problem.Extensions["error"] = error;
        return problem;
    }

    private static async Task<Results<Created<IssuedClientView>, ProblemHttpResult>> IssueAsync(IssueClientRequest? request, MachineClientAdministration administration,
        ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var issue = await administration.IssueAsync(request?.ClientId, request?.Name, request?.DepartmentCode, principal.ToUser()!.UserName, cancellationToken);
        if (issue.Issued is { } issued)
            return TypedResults.Created($"/api/admin/clients/{issued.Client.ClientId}", new IssuedClientView(MachineClientView.From(issued.Client), issued.Secret));
        return TypedResults.Problem(issue.Taken ? Problems.Conflict(issue.Problem!.Reason) : Problems.InvalidField(issue.Problem!.Field, issue.Problem.Reason));
    }

    private static async Task<Results<Ok<MachineClientView>, ProblemHttpResult>> RevokeAsync(string clientId, MachineClientAdministration administration,
        ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        await administration.RevokeAsync(clientId, principal.ToUser()!.UserName, cancellationToken) is { } client
            ? TypedResults.Ok(MachineClientView.From(client))
            : TypedResults.Problem(Problems.NotFound($"No client '{clientId}'."));
}

/// <summary>The client-credentials grant's form (RFC 6749 §4.4.2); the id and secret may come by HTTP Basic authentication instead.</summary>
public sealed record ClientCredentialsForm(
    [property: JsonPropertyName("grant_type"), Required] string GrantType,
    [property: JsonPropertyName("client_id"), MaxLength(TextLimits.Code)] string? ClientId,
    [property: JsonPropertyName("client_secret"), MaxLength(256)] string? ClientSecret);

/// <summary>A new department system's client: its id (lower case, digits, hyphens), the name the timeline shows, its department.</summary>
public sealed record IssueClientRequest(
    [property: MaxLength(TextLimits.Code)] string? ClientId,
    [property: MaxLength(TextLimits.Name)] string? Name,
    [property: MaxLength(TextLimits.Code)] string? DepartmentCode);

/// <summary>A machine client as administrators see it; never its secret.</summary>
public sealed record MachineClientView(string ClientId, string Name, string DepartmentCode, string UserName, DateTimeOffset IssuedAt, string IssuedBy,
    bool Revoked, DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastTokenAt)
{
    public static MachineClientView From(MachineClient c) =>
        new(c.ClientId, c.Name, c.DepartmentCode, c.UserName, c.IssuedAt, c.IssuedBy, c.IsRevoked, c.RevokedAt, c.RevokedBy, c.LastTokenAt);
}

/// <summary>A client just issued and its secret, shown this once.</summary>
public sealed record IssuedClientView(MachineClientView Client, string ClientSecret);

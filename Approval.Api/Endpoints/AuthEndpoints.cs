using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Identity;
using Approval.Workflows.Inputs;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Endpoints;

/// <summary>Signing in: a bearer token for API clients, a cookie for the pages; and who is signed in.</summary>
internal static class AuthEndpoints
{
    private const string BadCredentials = "The user name or the password is wrong.";

    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth");
        group.MapPost("/token", IssueTokenAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Exchanges a user name and password for a bearer access token.")
            .WithDescription("Send it as 'Authorization: Bearer <accessToken>' until expiresAt, or until the user signs out. Wrong credentials answer 401; missing fields 400; "
                             + "too many attempts (per address, per user name) or a locked account (too many wrong passwords in a row) 429 with Retry-After.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).WithTags(UserGroups.Public).WithName("IssueToken");
        group.MapPost("/login", LogInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Signs in with a cookie (for the pages): same body as /token, answers the user.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).WithDescription("Sets the approval.auth cookie the pages use. Wrong credentials answer 401; too many attempts or a locked account 429 with Retry-After.").WithTags(UserGroups.Public).WithName("SignIn");
        group.MapPost("/logout", LogOutAsync).AllowAnonymous()
            .WithSummary("Signs the user out: this cookie or token and every other they hold stop working at once.").ProducesProblem(StatusCodes.Status403Forbidden).WithDescription("Ends every session of the user (the security stamp changes), not only this one. A department system's token is not signed out (403): it expires, or the client is revoked.").WithTags(UserGroups.SignedIn).WithName("SignOut");
        group.MapGet("/me", Me).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The signed-in user (401 when no one is).").WithDescription("Who the token or cookie belongs to: the user, their role, and the department or window they work for.").WithTags(UserGroups.SignedIn).WithName("GetSignedInUser");
        return group;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueTokenAsync(
        [FromBody] Credentials? credentials, PasswordSignIn signIn, AccessTokenIssuer tokens, HttpContext http, CancellationToken cancellationToken)
    {
        if (Missing(credentials) is { } errors)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        var result = await signIn.CheckAsync(credentials!.UserName!, credentials.Password!, cancellationToken);
        if (result is not SignInOutcome.SignedIn { Account: var account })
            return TypedResults.Problem(Refusal(result, http));
        var token = tokens.Issue(account);
        return TypedResults.Ok(new TokenResponse(token.Value, "Bearer", token.ExpiresAt, UserView.From(account.User)));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> LogInAsync(
        [FromBody] Credentials? credentials, PasswordSignIn signIn, HttpContext http, CancellationToken cancellationToken)
    {
        if (Missing(credentials) is { } errors)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        var result = await signIn.CheckAsync(credentials!.UserName!, credentials.Password!, cancellationToken);
        if (result is not SignInOutcome.SignedIn { Account: var account })
            return TypedResults.Problem(Refusal(result, http));
        var identity = new ClaimsIdentity(ApprovalClaims.Of(account), CookieAuthenticationDefaults.AuthenticationScheme, ApprovalClaims.UserName, ApprovalClaims.Role);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Ok(UserView.From(account.User));
    }

    // A new security stamp ends this cookie or token and every other the user holds, on every node.
    private static async Task<Results<NoContent, ProblemHttpResult>> LogOutAsync(HttpContext http, EfUserStore users, CancellationToken cancellationToken)
    {
        // A client's token carries the client's stamp, not a user's: signing out would change nothing and say it had.
        if (http.User.FindFirst(MachineClients.ClientCredentialSignIn.ClientIdClaim) is not null)
            return TypedResults.Problem(Problems.Forbidden(ApiReasons.ClientTokenNotSignedOut.English).Saying(ApiReasons.ClientTokenNotSignedOut));
        if (http.User.ToUser() is { } user)
            await users.RotateSecurityStampAsync(user.Id, cancellationToken);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static ProblemDetails Refusal(SignInOutcome result, HttpContext http) => result switch
    {
        SignInOutcome.Throttled throttled => TooManyRequests.Problem(http, throttled.RetryAfter, ApiReasons.TooManySignInsForUser),
        SignInOutcome.LockedOut locked => TooManyRequests.Problem(http, locked.RetryAfter, ApiReasons.LockedUntilUnlocked),
        _ => Problems.Unauthorized(BadCredentials),
    };

    private static Results<Ok<UserView>, ProblemHttpResult> Me(ClaimsPrincipal principal) =>
        principal.ToUser() is { } user
            ? TypedResults.Ok(UserView.From(user))
            : TypedResults.Problem(Problems.Unauthorized("No one is signed in."));

    private static List<(string Field, ProblemText Reason)>? Missing(Credentials? credentials)
    {
        var errors = new List<(string Field, ProblemText Reason)>();
        if (string.IsNullOrWhiteSpace(credentials?.UserName))
            errors.Add(("userName", ApiReasons.Required));
        if (string.IsNullOrEmpty(credentials?.Password))
            errors.Add(("password", ApiReasons.Required));
        return errors.Count == 0 ? null : errors;
    }
}

/// <summary>A user name and password.</summary>
public sealed record Credentials([property: MaxLength(TextLimits.Name)] string? UserName, [property: MaxLength(TextLimits.Name)] string? Password);

/// <summary>A bearer access token, when it expires, and whose it is.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, UserView User);

/// <summary>A user as the API shows them; no password hash, ever.</summary>
public sealed record UserView(string Id, string UserName, string DisplayName, string Role, string? DepartmentCode, string? WindowCode, string? ApplicantIdNumber)
{
    public static UserView From(User user) =>
        new(user.Id, user.UserName, user.DisplayName, user.Role.ToString(), user.DepartmentCode, user.WindowCode, user.ApplicantIdNumber);
}

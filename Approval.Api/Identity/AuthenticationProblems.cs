using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Api.Identity;

/// <summary>
/// Challenges and refusals answered as problem details (401, 403) by both schemes: an API client is never redirected
/// to a login page. The 401 carries <c>WWW-Authenticate: Bearer</c>, as RFC 9110 asks.
/// </summary>
internal static class AuthenticationProblems
{
    private static readonly ProblemText SignIn = ProblemText.Api("SignInRequired",
        $"Sign in: send 'Authorization: Bearer <token>' with a token from POST /api/auth/token, or the cookie set by POST /api/auth/login.");
    private static readonly ProblemText NotAllowed = ProblemText.Api("RoleNotAllowed", $"The signed-in user's role does not allow this.");
    private static readonly ProblemText Expired = ProblemText.Api("TokenExpired", $"The access token has expired: ask POST /api/auth/token for a new one.");
    private static readonly ProblemText Ended = ProblemText.Api("SessionEnded", $"{new SessionEndedException().Message}");
    private static readonly ProblemText NotValid = ProblemText.Api("TokenNotValid", $"The access token is not valid here.");

    public static CookieAuthenticationEvents CookieEvents() => new()
    {
        OnRedirectToLogin = context => WriteAsync(context.HttpContext, Problems.Unauthorized(SignIn.English).Saying(SignIn), "Bearer"),
        OnRedirectToAccessDenied = context => WriteAsync(context.HttpContext, Problems.Forbidden(NotAllowed.English).Saying(NotAllowed)),
    };

    public static JwtBearerEvents BearerEvents() => new()
    {
        OnChallenge = context =>
        {
            context.HandleResponse();
            if (context.AuthenticateFailure is null)
                return WriteAsync(context.HttpContext, Problems.Unauthorized(SignIn.English).Saying(SignIn), "Bearer");
            var expired = context.AuthenticateFailure is SecurityTokenExpiredException;
            var detail = expired ? Expired : NotValid;
            var description = expired ? "The token has expired" : "The token is not valid";
            if (context.AuthenticateFailure is SessionEndedException)
                (detail, description) = (Ended, "The session has ended");
            return WriteAsync(context.HttpContext, Problems.Unauthorized(detail.English).Saying(detail), $"Bearer error=\"invalid_token\", error_description=\"{description}\"");
        },
        OnForbidden = context => WriteAsync(context.HttpContext, Problems.Forbidden(NotAllowed.English).Saying(NotAllowed)),
    };

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem, string? challenge = null)
    {
        context.Response.StatusCode = problem.Status!.Value;
        if (challenge is not null)
            context.Response.Headers.WWWAuthenticate = challenge;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        // A client that accepts no JSON still gets the status and the challenge.
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

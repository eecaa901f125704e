using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Identity;

/// <summary>
/// What changes an account: its own password (the user), its role and place, and lifting a lock (administrators). A new
/// password or role ends every cookie and token the user holds (a new security stamp): they sign in again.
/// </summary>
internal static class AccountEndpoints
{
    public const int MinimumPasswordLength = 8;
    public const int MaximumPasswordLength = 128;

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/auth/password", ChangePasswordAsync).RequireAuthorization(Policies.SignedIn)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Changes the signed-in user's own password; every cookie and token of the user ends (sign in again).")
            .WithDescription($"Body: {{ \"currentPassword\": \"...\", \"newPassword\": \"...\" }}, the new one {MinimumPasswordLength}–{MaximumPasswordLength} characters. "
                             + "A wrong current password counts towards the lockout like a wrong sign-in.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status429TooManyRequests).WithTags(UserGroups.SignedIn).WithName("ChangeOwnPassword");
        var users = routes.MapGroup("/api/admin/users").RequireAuthorization(Policies.Administrator);
        users.MapPut("/{userName}/role", SetRoleAsync)
            .WithSummary("Sets a user's role and where they work; every cookie and token of the user ends.")
            .WithDescription("Body: { \"role\": \"DepartmentReviewer\", \"departmentCode\": \"samr\", \"windowCode\": null }. Department staff need a department, window clerks a window.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithTags(UserGroups.Administration).WithName("SetUserRole");
        users.MapGet("/", ListAsync)
            .WithSummary("Every user with role, place, lock and absence (who is away, and who acts meanwhile).").WithDescription("The service center's staff and applicants' accounts as administrators keep them (业务规则 of who may act): role, department or window, whether the account is locked after wrong passwords, and a reviewer's absence with the substitute who answers their tasks meanwhile.").WithTags(UserGroups.Administration).WithName("ListUsers");
        users.MapPut("/{userName}/absence", SetAbsenceAsync)
            .WithSummary("Sets a reviewer's absence for them: { substitute, from, until }; the substitute, a colleague of the department, acts on their tasks meanwhile.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Body: { substitute, from, until } (service days, both included). The substitute must be a reviewer of the same department; while the absence lasts they answer the tasks the absent reviewer holds (tasks.substitute) and the head may reassign them. Each act is recorded under the substitute's name.").WithTags(UserGroups.Administration).WithName("SetUserAbsence");
        users.MapDelete("/{userName}/absence", async (string userName, EfAbsences absences, CancellationToken ct) =>
            {
                await absences.ClearAsync(userName, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Ends a reviewer's absence.").WithDescription("The reviewer's tasks are theirs alone again; what the substitute did meanwhile stays on the cases' timelines.").WithTags(UserGroups.Administration).WithName("EndUserAbsence");
        users.MapPost("/{userName}/unlock", UnlockAsync)
            .WithSummary("Lifts the lock of an account that had too many wrong passwords in a row, and clears the count.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Five wrong passwords in a row lock an account (429 at sign-in); an administrator lifts the lock here after checking who asks. The user's sessions are not touched.").WithTags(UserGroups.Administration).WithName("UnlockUser");
        return routes;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(PasswordChange? request, ClaimsPrincipal principal, PasswordSignIn signIn,
        Pbkdf2PasswordHasher hasher, EfUserStore users, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new List<(string Field, ProblemText Reason)>();
        if (string.IsNullOrEmpty(request?.CurrentPassword))
            errors.Add(("currentPassword", ApiReasons.Required));
        if (request?.NewPassword is not { Length: >= MinimumPasswordLength and <= MaximumPasswordLength })
            errors.Add(("newPassword", ApiReasons.NewPasswordLength(MinimumPasswordLength, MaximumPasswordLength)));
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        if (principal.FindFirst(MachineClients.ClientCredentialSignIn.ClientIdClaim) is not null)
            return TypedResults.Problem(Problems.Forbidden(ApiReasons.ClientHasNoPassword.English).Saying(ApiReasons.ClientHasNoPassword));
        var user = principal.ToUser()!;
        switch (await signIn.CheckAsync(user.UserName, request!.CurrentPassword!, cancellationToken))
        {
            case SignInOutcome.SignedIn:
                await users.ChangePasswordAsync(user.Id, hasher.Hash(request.NewPassword!), cancellationToken);
                return TypedResults.NoContent();
            case SignInOutcome.Throttled throttled:
                return TypedResults.Problem(TooManyRequests.Problem(http, throttled.RetryAfter, ApiReasons.TooManyAttempts));
            case SignInOutcome.LockedOut locked:
                return TypedResults.Problem(TooManyRequests.Problem(http, locked.RetryAfter, ApiReasons.LockedForAWhile));
            default:
                return TypedResults.Problem(Problems.InvalidField("currentPassword", ApiReasons.PasswordWrong));
        }
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetRoleAsync(string userName, RoleChange? request, StaffAdministration staff, CancellationToken cancellationToken)
    {
        var change = await staff.AssignRoleAsync(userName, request, cancellationToken);
        return change.Saved is { } user
            ? TypedResults.Ok(UserView.From(user))
            : TypedResults.Problem(change.UserMissing ? Problems.NotFound(change.Problem!.Reason) : Problems.InvalidField(change.Problem!.Field, change.Problem.Reason));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(string userName, EfUserStore users, CancellationToken cancellationToken) =>
        await users.FindByUserNameAsync(userName, cancellationToken) is { } account && await users.ClearFailedSignInsAsync(account.User.Id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(Problems.NotFound($"No user '{userName}'."));

    private static async Task<Ok<IReadOnlyList<StaffView>>> ListAsync(EfUserStore users, EfAbsences absences, TimeProvider time, CancellationToken cancellationToken)
    {
        var away = (await absences.ListCurrentAsync(time.GetUtcNow(), cancellationToken)).ToDictionary(a => a.UserName);
        var locked = await users.ListLockedAsync(time.GetUtcNow(), cancellationToken);
        var all = await users.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<StaffView>>([.. all.Select(u => new StaffView(UserView.From(u), locked.GetValueOrDefault(u.Id), away.GetValueOrDefault(u.UserName)))]);
    }

    private static async Task<Results<Ok<Absence>, ProblemHttpResult>> SetAbsenceAsync(string userName, AbsenceRequest request, StaffAdministration staff, CancellationToken cancellationToken)
    {
        var change = await staff.SetAbsenceAsync(userName, request, cancellationToken);
        return change.Saved is { } absence
            ? TypedResults.Ok(absence)
            : TypedResults.Problem(change.UserMissing ? Problems.NotFound(change.Problem!.Reason) : Problems.InvalidField(change.Problem!.Field, change.Problem.Reason));
    }
}

/// <summary>A user as an administrator sees them: until when the account is locked, and their absence now or to come.</summary>
public sealed record StaffView(UserView User, DateTimeOffset? LockedUntil, Absence? Absence);

/// <summary>The user's current password and the new one.</summary>
public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>A user's new role, and the department (department staff) or window (window clerks) it is exercised at.</summary>
public sealed record RoleChange(string? Role, string? DepartmentCode, string? WindowCode);

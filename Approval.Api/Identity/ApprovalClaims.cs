using System.Security.Claims;
using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>The claims a signed-in user carries (in the token or the cookie), and the user they describe.</summary>
public static class ApprovalClaims
{
    public const string UserId = "sub";
    public const string UserName = "name";
    public const string DisplayName = "display_name";
    public const string Role = "role";
    public const string Department = "department";
    public const string Window = "window";
    public const string ApplicantId = "applicant_id";
    /// <summary>The user's security stamp when the cookie or token was issued: a sign-out, a password or role change replaces it.</summary>
    public const string SecurityStamp = "stamp";
    public const string LeadClerk = "lead_clerk";

    /// <summary>
    /// The claims of an account as signed in: the user's, and the stamp that keeps them valid. There is no overload for a
    /// bare user: a cookie or token without the stamp would be refused on its first use.
    /// </summary>
    public static IEnumerable<Claim> Of(UserAccount account) => Of(account.User, account.SecurityStamp);

    /// <summary>The claims of a user and the stamp that keeps them valid (a machine client's is on its own row).</summary>
    public static IEnumerable<Claim> Of(User user, string securityStamp) => OfUser(user).Append(new Claim(SecurityStamp, securityStamp));

    private static IEnumerable<Claim> OfUser(User user)
    {
        yield return new Claim(UserId, user.Id);
        yield return new Claim(UserName, user.UserName);
        yield return new Claim(DisplayName, user.DisplayName);
        yield return new Claim(Role, user.Role.ToString());
        if (user.DepartmentCode is { } department)
            yield return new Claim(Department, department);
        if (user.WindowCode is { } window)
            yield return new Claim(Window, window);
        if (user.ApplicantIdNumber is { } applicant)
            yield return new Claim(ApplicantId, applicant);
        if (user.IsLeadClerk)
            yield return new Claim(LeadClerk, "true");
    }

    /// <summary>The user a principal describes; null when not signed in.</summary>
    public static User? ToUser(this ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return null;
        var role = principal.FindFirstValue(Role);
        if (principal.FindFirstValue(UserId) is not { } id || role is null || !Enum.TryParse<Workflows.People.Role>(role, out var parsed))
            return null;
        return new User(id, principal.FindFirstValue(UserName) ?? id, principal.FindFirstValue(DisplayName) ?? id, parsed)
        {
            DepartmentCode = principal.FindFirstValue(Department),
            WindowCode = principal.FindFirstValue(Window),
            ApplicantIdNumber = principal.FindFirstValue(ApplicantId),
            IsLeadClerk = principal.FindFirstValue(LeadClerk) == "true",
        };
    }
}

using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>
/// Whom a task may change hands to (委托, 改派) and who may stand in for someone away (代理人): the other reviewers and the
/// head of the same department. The user store says who they are; the case's department is the step's to check.
/// </summary>
public sealed class DepartmentColleagues(EfUserStore users)
{
    /// <summary>The department's other staff, by display name; none for a person of no department.</summary>
    public async Task<IReadOnlyList<User>> OfAsync(User me, CancellationToken cancellationToken)
    {
        if (me.DepartmentCode is not { } department)
            return [];
        var all = await users.ListAsync(cancellationToken);
        return [.. all.Where(u => u.DepartmentCode == department && u.UserName != me.UserName && IsStaff(u)).OrderBy(u => u.DisplayName, StringComparer.Ordinal)];
    }

    /// <summary>The account of <paramref name="userName"/> when it is staff of <paramref name="me"/>'s department (themselves included); null otherwise.</summary>
    public async Task<User?> FindAsync(User me, string? userName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userName) || me.DepartmentCode is null)
            return null;
        var account = await users.FindByUserNameAsync(userName, cancellationToken);
        return account is not null && account.User.DepartmentCode == me.DepartmentCode && IsStaff(account.User) ? account.User : null;
    }

    private static bool IsStaff(User user) => user.Role is Role.DepartmentReviewer or Role.DepartmentHead;
}

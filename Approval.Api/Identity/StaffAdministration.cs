using Approval.Api.Endpoints;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>
/// An administrator's changes to staff: a user's role and place (department or window), and a reviewer's absence with
/// the colleague who acts meanwhile. The API and the users page both go through here, so both refuse the same things.
/// </summary>
public sealed class StaffAdministration(EfUserStore users, EfAbsences absences, EfWindows windows)
{
    /// <summary>Sets a user's role and place; a new security stamp ends their cookies and tokens.</summary>
    public async Task<StaffChange<User>> AssignRoleAsync(string userName, RoleChange? request, CancellationToken cancellationToken = default)
    {
        if (!Enum.TryParse<Role>(request?.Role, ignoreCase: false, out var role) || !Enum.IsDefined(role) || int.TryParse(request!.Role, out _))
            return StaffChange<User>.Refused("role", $"is required, one of {string.Join(", ", Enum.GetNames<Role>())}");
        if (role is Role.DepartmentReviewer or Role.DepartmentHead && string.IsNullOrWhiteSpace(request.DepartmentCode))
            return StaffChange<User>.Refused("departmentCode", "is required for department staff");
        if (role is Role.WindowClerk && string.IsNullOrWhiteSpace(request.WindowCode))
            return StaffChange<User>.Refused("windowCode", "is required for a window clerk");
        if (role is Role.WindowClerk && await windows.FindAsync(request.WindowCode!.Trim(), cancellationToken) is not { IsOpen: true })
            return StaffChange<User>.Refused("windowCode", $"'{request.WindowCode!.Trim()}' is not an open window (see /api/admin/windows)");
        if (await users.FindByUserNameAsync(userName, cancellationToken) is not { } account)
            return StaffChange<User>.Missing(userName);
        var user = account.User with
        {
            Role = role,
            DepartmentCode = role is Role.DepartmentReviewer or Role.DepartmentHead ? request.DepartmentCode!.Trim() : null,
            WindowCode = role is Role.WindowClerk ? request.WindowCode!.Trim() : null,
        };
        await users.SaveAsync(account with { User = user }, cancellationToken);
        return new StaffChange<User>(user, null, false);
    }

    /// <summary>Sets a reviewer's absence: the substitute is another reviewer or head of the same department.</summary>
    public async Task<StaffChange<Absence>> SetAbsenceAsync(string userName, AbsenceRequest request, CancellationToken cancellationToken = default)
    {
        if (await users.FindByUserNameAsync(userName, cancellationToken) is not { } account)
            return StaffChange<Absence>.Missing(userName);
        var user = account.User;
        if (user.Role is not (Role.DepartmentReviewer or Role.DepartmentHead))
            return StaffChange<Absence>.Refused("userName", $"'{userName}' is not department staff: only reviewers and heads hold tasks a substitute takes");
        if (string.IsNullOrWhiteSpace(request.Substitute))
            return StaffChange<Absence>.Refused("substitute", "name the colleague who acts meanwhile");
        var substitute = await users.FindByUserNameAsync(request.Substitute, cancellationToken);
        if (substitute is null || substitute.User.DepartmentCode != user.DepartmentCode || substitute.User.UserName == user.UserName
            || substitute.User.Role is not (Role.DepartmentReviewer or Role.DepartmentHead))
            return StaffChange<Absence>.Refused("substitute", $"'{request.Substitute}' is not another reviewer of {user.DepartmentCode}");
        if (request.From is not { } from || request.Until is not { } until || until <= from)
            return StaffChange<Absence>.Refused("until", "give from and until, until after from");
        var absence = new Absence(user.UserName, substitute.User.UserName, from, until);
        await absences.SetAsync(absence, cancellationToken);
        return new StaffChange<Absence>(absence, null, false);
    }
}

/// <summary>What a staff change did: the saved value, or the field refused and why, or no such user.</summary>
public sealed record StaffChange<T>(T? Saved, FieldError? Problem, bool UserMissing) where T : class
{
    public static StaffChange<T> Refused(string field, string reason) => new(null, new FieldError(field, reason), false);
    public static StaffChange<T> Missing(string userName) => new(null, new FieldError("userName", $"No user '{userName}'."), true);
}

using Approval.Api.Persistence;
using Approval.Workflows.Notifications;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Notifications;

/// <summary>The people notifications go to, read from the Users table.</summary>
internal sealed class EfStaffDirectory(IDbContextFactory<ApprovalDbContext> contexts) : IStaffDirectory
{
    public Task<IReadOnlyList<string>> ReviewersOfAsync(string departmentCode, CancellationToken cancellationToken = default) =>
        UserNamesAsync(Role.DepartmentReviewer, departmentCode, cancellationToken);

    public Task<IReadOnlyList<string>> HeadsOfAsync(string departmentCode, CancellationToken cancellationToken = default) =>
        UserNamesAsync(Role.DepartmentHead, departmentCode, cancellationToken);

    public Task<IReadOnlyList<string>> ClerksAsync(CancellationToken cancellationToken = default) =>
        UserNamesAsync(Role.WindowClerk, null, cancellationToken);

    public Task<IReadOnlyList<string>> SupervisorsAsync(CancellationToken cancellationToken = default) =>
        UserNamesAsync(Role.Supervisor, null, cancellationToken);

    private async Task<IReadOnlyList<string>> UserNamesAsync(Role role, string? departmentCode, CancellationToken cancellationToken)
    {
        var name = role.ToString();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = db.Users.Where(u => u.Role == name);
        if (departmentCode is not null)
            users = users.Where(u => u.DepartmentCode == departmentCode);
        return await users.OrderBy(u => u.UserName).Select(u => u.UserName).ToListAsync(cancellationToken);
    }
}

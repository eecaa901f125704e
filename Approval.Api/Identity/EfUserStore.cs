using Approval.Api.Persistence;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Identity;

/// <summary>A user and the hash of their password, as stored.</summary>
public sealed record UserAccount(User User, string PasswordHash);

/// <summary>
/// The users who sign in, over EF Core (table <c>Users</c>). User names are kept trimmed and in lower case, so that
/// <c>Admin</c> and <c>admin</c> are one user on every database whatever its collation.
/// </summary>
public sealed class EfUserStore(IDbContextFactory<ApprovalDbContext> contexts)
{
    public static string NormalizeUserName(string userName) => userName.Trim().ToLowerInvariant();

    public async Task<UserAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizeUserName(userName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.SingleOrDefaultAsync(u => u.UserName == normalized, cancellationToken);
        return row is null ? null : new UserAccount(ToUser(row), row.PasswordHash);
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. rows.Select(ToUser)];
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Adds the accounts, or replaces those whose id exists, in one transaction.</summary>
    public async Task SaveAsync(IEnumerable<UserAccount> accounts, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = accounts.Select(ToRecord).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var existing = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            if (existing.Contains(row.Id))
                db.Users.Update(row);
            else
                db.Users.Add(row);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task SaveAsync(UserAccount account, CancellationToken cancellationToken = default) => SaveAsync([account], cancellationToken);

    private static User ToUser(UserRecord row) =>
        new(row.Id, row.UserName, row.DisplayName, Enum.Parse<Role>(row.Role))
        {
            DepartmentCode = row.DepartmentCode,
            WindowCode = row.WindowCode,
            ApplicantIdNumber = row.ApplicantIdNumber,
            Email = row.Email,
            IsLeadClerk = row.IsLeadClerk,
        };

    private static UserRecord ToRecord(UserAccount account) => new()
    {
        Id = account.User.Id,
        UserName = NormalizeUserName(account.User.UserName),
        DisplayName = account.User.DisplayName,
        Role = account.User.Role.ToString(),
        DepartmentCode = account.User.DepartmentCode,
        WindowCode = account.User.WindowCode,
        ApplicantIdNumber = account.User.ApplicantIdNumber,
        Email = account.User.Email,
        IsLeadClerk = account.User.IsLeadClerk,
        PasswordHash = account.PasswordHash,
    };
}

using System.Security.Cryptography;
using Approval.Api.Persistence;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Identity;

/// <summary>A user and the hash of their password, as stored, with what sign-in keeps about them.</summary>
public sealed record UserAccount(User User, string PasswordHash)
{
    /// <summary>The stamp cookies and tokens must carry (<see cref="ApprovalClaims.SecurityStamp"/>); a new account gets one when saved.</summary>
    public string SecurityStamp { get; init; } = "";

    /// <summary>Wrong passwords in a row since the last successful sign-in.</summary>
    public int FailedSignIns { get; init; }

    /// <summary>Until when sign-in is refused after too many wrong passwords; null when not locked.</summary>
    public DateTimeOffset? LockedUntil { get; init; }
}

/// <summary>
/// The users who sign in, over EF Core (table <c>Users</c>). User names are kept trimmed and in lower case, so that
/// <c>Admin</c> and <c>admin</c> are one user on every database whatever its collation. Counters and stamps change by
/// single conditional UPDATEs, so nodes sharing the database never lose one another's changes.
/// </summary>
public sealed class EfUserStore(IDbContextFactory<ApprovalDbContext> contexts)
{
    public static string NormalizeUserName(string userName) => userName.Trim().ToLowerInvariant();

    public async Task<UserAccount?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default)
    {
        var normalized = NormalizeUserName(userName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.SingleOrDefaultAsync(u => u.UserName == normalized, cancellationToken);
        return row is null ? null : ToAccount(row);
    }

    public async Task<UserAccount?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        return row is null ? null : ToAccount(row);
    }

    // Read on every signed-in request (SecurityStampCheck): compiled, and the primary key gives at most one row (no LIMIT 2
    // for Single's check).
    private static readonly PerModelCompiledQuery<string, string?> StampOf = new(
        (db, id, cancellationToken) => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefault());

    /// <summary>The user's current security stamp; null when there is no such user (any more).</summary>
    public async Task<string?> FindSecurityStampAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await StampOf.RunAsync(db, id, cancellationToken);
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. rows.Select(ToUser)];
    }

    /// <summary>The accounts locked at <paramref name="now"/>, by user id, with when each lock ends.</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> ListLockedAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Few rows carry a lock at all; the instant is compared here, as every provider stores it alike.
        var locks = await db.Users.Where(u => u.LockedUntil != null).Select(u => new { u.Id, u.LockedUntil }).ToListAsync(cancellationToken);
        return locks.Where(l => l.LockedUntil > now).ToDictionary(l => l.Id, l => l.LockedUntil!.Value);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the accounts, or replaces those whose id exists, in one transaction. A replaced account whose password, role,
    /// department, window or applicant ID changed gets a new security stamp: the cookies and tokens it had end.
    /// Its sign-in counters are kept.
    /// </summary>
    public async Task SaveAsync(IEnumerable<UserAccount> accounts, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = accounts.Select(ToRecord).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        var existing = await db.Users.AsTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Id, out var stored))
            {
                var stamp = Same(stored, row) ? stored.SecurityStamp : NewSecurityStamp();
                var (failed, lockedUntil) = (stored.FailedSignIns, stored.LockedUntil);
                db.Entry(stored).CurrentValues.SetValues(row);
                (stored.SecurityStamp, stored.FailedSignIns, stored.LockedUntil) = (stamp, failed, lockedUntil);
            }
            else
            {
                row.SecurityStamp = NewSecurityStamp();
                db.Users.Add(row);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task SaveAsync(UserAccount account, CancellationToken cancellationToken = default) => SaveAsync([account], cancellationToken);

    /// <summary>Ends every cookie and token of the user (sign-out, password change); false when there is no such user.</summary>
    public async Task<bool> RotateSecurityStampAsync(string id, CancellationToken cancellationToken = default)
    {
        var stamp = NewSecurityStamp();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.Where(u => u.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, stamp), cancellationToken) == 1;
    }

    /// <summary>
    /// The user's stamp, given one first if they have none (a row from before stamps: an empty stamp in a cookie would
    /// be as good as any). Two nodes at once give one stamp: the update only fills an empty one.
    /// </summary>
    public async Task<string?> EnsureSecurityStampAsync(string id, CancellationToken cancellationToken = default)
    {
        var stamp = NewSecurityStamp();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Users.Where(u => u.Id == id && u.SecurityStamp == "")
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
        }
        return await FindSecurityStampAsync(id, cancellationToken);
    }

    /// <summary>
    /// Replaces the password hash and the security stamp together; false when there is no such user. A tracked save,
    /// not an ExecuteUpdate, so that the change is an entry of the audit chain (Audit/AuditChainInterceptor).
    /// </summary>
    public async Task<bool> ChangePasswordAsync(string id, string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AsTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken) is not { } user)
            return false;
        user.PasswordHash = passwordHash;
        user.SecurityStamp = NewSecurityStamp();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Counts a wrong password. The one that makes <paramref name="threshold"/> in a row locks the account until
    /// <paramref name="lockUntil"/> and starts the count again, so that after the lock the user has as many tries again.
    /// </summary>
    public async Task RecordFailedSignInAsync(string id, int threshold, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        DateTimeOffset? until = lockUntil;
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(u => u.LockedUntil, u => u.FailedSignIns + 1 >= threshold ? until : u.LockedUntil)
                .SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1 >= threshold ? 0 : u.FailedSignIns + 1),
            cancellationToken);
    }

    /// <summary>Clears the count of wrong passwords and any lock (a successful sign-in, an administrator's unlock); false when there is no such user.</summary>
    public async Task<bool> ClearFailedSignInsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.Where(u => u.Id == id && (u.FailedSignIns != 0 || u.LockedUntil != null))
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), cancellationToken) == 1)
            return true;
        return await db.Users.AnyAsync(u => u.Id == id, cancellationToken);
    }

    private static string NewSecurityStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    // What a cookie or token says of the user: a change in any of it must end them.
    private static bool Same(UserRecord stored, UserRecord saved) =>
        stored.PasswordHash == saved.PasswordHash && stored.Role == saved.Role && stored.DepartmentCode == saved.DepartmentCode
        && stored.WindowCode == saved.WindowCode && stored.ApplicantIdNumber == saved.ApplicantIdNumber && stored.UserName == saved.UserName;

    private static UserAccount ToAccount(UserRecord row) => new(ToUser(row), row.PasswordHash)
    {
        SecurityStamp = row.SecurityStamp,
        FailedSignIns = row.FailedSignIns,
        LockedUntil = row.LockedUntil,
    };

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

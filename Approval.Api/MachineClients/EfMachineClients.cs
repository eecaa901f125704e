using System.Security.Cryptography;
using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.MachineClients;

/// <summary>
/// The machine clients, over EF Core (table <c>MachineClients</c>). Revocation and the last-token mark are single
/// conditional UPDATEs, so nodes sharing the database never undo one another's.
/// </summary>
public sealed class EfMachineClients(IDbContextFactory<ApprovalDbContext> contexts)
{
    public async Task<IReadOnlyList<MachineClient>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MachineClients.OrderBy(c => c.DepartmentCode).ThenBy(c => c.ClientId).ToListAsync(cancellationToken);
        return [.. rows.Select(ToClient)];
    }

    public async Task<MachineClient?> FindAsync(string clientId, CancellationToken cancellationToken = default) =>
        await FindRowAsync(clientId, cancellationToken) is { } row ? ToClient(row) : null;

    /// <summary>The client and its secret's hash and stamp, for checking a sign-in; null when there is no such client.</summary>
    public async Task<(MachineClient Client, string SecretHash, string Stamp)?> FindCredentialAsync(string clientId, CancellationToken cancellationToken = default) =>
        await FindRowAsync(clientId, cancellationToken) is { } row ? (ToClient(row), row.SecretHash, row.SecurityStamp) : null;

    /// <summary>Stores a new client; false when the id is taken (by a client in force or a revoked one: ids are never reused).</summary>
    public async Task<bool> AddAsync(MachineClient client, string secretHash, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MachineClients.AnyAsync(c => c.ClientId == client.ClientId, cancellationToken))
            return false;
        db.MachineClients.Add(new MachineClientRecord
        {
            ClientId = client.ClientId, Name = client.Name, DepartmentCode = client.DepartmentCode, SecretHash = secretHash,
            SecurityStamp = NewStamp(), IssuedAt = client.IssuedAt, IssuedBy = client.IssuedBy,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two administrators issuing the same id at once: the primary key keeps one.
            return false;
        }
    }

    /// <summary>Revokes the client and blanks its stamp (its tokens stop at their next request); a revoked one keeps its first revocation.</summary>
    public async Task<MachineClient?> RevokeAsync(string clientId, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // A tracked save, so that the revocation is an entry of the audit chain.
            if (await db.MachineClients.AsTracking().SingleOrDefaultAsync(c => c.ClientId == clientId && c.RevokedAt == null, cancellationToken) is { } client)
            {
                (client.RevokedAt, client.RevokedBy, client.SecurityStamp) = (at, revokedBy, "");
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return await FindAsync(clientId, cancellationToken);
    }

    /// <summary>The stamp a client's tokens must carry; null when the client is revoked or gone.</summary>
    public async Task<string?> FindStampInForceAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MachineClients.Where(c => c.ClientId == clientId && c.RevokedAt == null).Select(c => c.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task MarkTokenIssuedAsync(string clientId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        DateTimeOffset? when = at;
        await db.MachineClients.Where(c => c.ClientId == clientId).ExecuteUpdateAsync(set => set.SetProperty(c => c.LastTokenAt, when), cancellationToken);
    }

    private async Task<MachineClientRecord?> FindRowAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MachineClients.SingleOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private static MachineClient ToClient(MachineClientRecord row) => new(row.ClientId, row.Name, row.DepartmentCode, row.IssuedAt, row.IssuedBy)
    {
        RevokedAt = row.RevokedAt,
        RevokedBy = row.RevokedBy,
        LastTokenAt = row.LastTokenAt,
    };
}

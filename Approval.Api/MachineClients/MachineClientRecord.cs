namespace Approval.Api.MachineClients;

/// <summary>
/// A department system's client credential (table <c>MachineClients</c>): the hash of its secret, the department it acts
/// for, and when an administrator issued and revoked it. Rows are never deleted, so the timeline names they stand behind
/// (<c>client:{ClientId}</c>) stay someone's.
/// </summary>
public sealed class MachineClientRecord
{
    public required string ClientId { get; set; }
    /// <summary>What the timeline calls it, e.g. 市场监管局审批系统.</summary>
    public required string Name { get; set; }
    public required string DepartmentCode { get; set; }
    /// <summary>The secret's hash, as the product hashes passwords (PBKDF2-SHA256, see Pbkdf2PasswordHasher).</summary>
    public required string SecretHash { get; set; }
    /// <summary>Tokens carry it; revoking the client blanks it, so that every token it holds stops working at once.</summary>
    public required string SecurityStamp { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    /// <summary>When it last got a token: an administrator sees which systems are still in use.</summary>
    public DateTimeOffset? LastTokenAt { get; set; }
}

using Approval.Workflows.People;

namespace Approval.Api.MachineClients;

/// <summary>
/// A department system that signs in with its own client credential. It acts as a reviewer of its one department — the
/// same rules decide what it may do — and the timeline records it as <c>{Name} (client:{ClientId})</c>.
/// </summary>
public sealed record MachineClient(string ClientId, string Name, string DepartmentCode, DateTimeOffset IssuedAt, string IssuedBy)
{
    /// <summary>What stands before a client id where a user name goes: no staff user name has it, so the two never meet.</summary>
    public const string UserNamePrefix = "client:";

    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }
    public DateTimeOffset? LastTokenAt { get; init; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The user name its tokens carry, tasks it claims are held by, and the timeline shows.</summary>
    public string UserName => UserNamePrefix + ClientId;

    /// <summary>The signed-in user it is: a reviewer of its department, nothing more.</summary>
    public User AsUser() => new(UserName, UserName, Name, Role.DepartmentReviewer) { DepartmentCode = DepartmentCode };
}

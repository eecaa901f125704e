using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Approval.Api.Identity;
using Approval.Workflows.Catalog;

namespace Approval.Api.MachineClients;

/// <summary>A client just issued, and its secret: shown this once, stored only as a hash.</summary>
public sealed record IssuedClient(MachineClient Client, string Secret);

/// <summary>What an issue came to: the client and its secret, or the field refused and why (<see cref="Taken"/>: the id exists).</summary>
public sealed record ClientIssue(IssuedClient? Issued, FieldError? Problem, bool Taken = false);

/// <summary>
/// An administrator's acts on machine clients: issuing one for a department (the secret is drawn here and shown once) and
/// revoking it. The API and the admin page both go through here, so both refuse the same things.
/// </summary>
public sealed partial class MachineClientAdministration(EfMachineClients clients, ICatalog catalog, Pbkdf2PasswordHasher hasher, TimeProvider clock)
{
    public const int MaximumNameLength = 100;

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$")]
    private static partial Regex ClientIdPattern();

    public async Task<ClientIssue> IssueAsync(string? clientId, string? name, string? departmentCode, string administrator, CancellationToken cancellationToken = default)
    {
        var id = clientId?.Trim() ?? "";
        if (!ClientIdPattern().IsMatch(id))
            return Refused("clientId", "is required: 3 to 40 lower-case letters, digits and hyphens, not starting or ending with a hyphen (e.g. samr-erp)");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaximumNameLength)
            return Refused("name", $"is required, at most {MaximumNameLength} characters: the timeline names the system by it");
        var department = departmentCode?.Trim();
        var departments = await catalog.ListDepartmentsAsync(cancellationToken);
        if (string.IsNullOrEmpty(department) || departments.All(d => d.Code != department))
            return Refused("departmentCode", $"is required, one of the catalog's departments ({string.Join(", ", departments.Select(d => d.Code))})");
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var client = new MachineClient(id, name.Trim(), department, clock.GetUtcNow(), administrator);
        return await clients.AddAsync(client, hasher.Hash(secret), cancellationToken)
            ? new ClientIssue(new IssuedClient(client, secret), null)
            : new ClientIssue(null, new FieldError("clientId", $"'{id}' is taken: a client id is never given twice, even once revoked"), Taken: true);
    }

    /// <summary>Revokes the client: its tokens stop working at their next request, on every node. Null when there is no such client.</summary>
    public Task<MachineClient?> RevokeAsync(string clientId, string administrator, CancellationToken cancellationToken = default) =>
        clients.RevokeAsync(clientId, administrator, clock.GetUtcNow(), cancellationToken);

    private static ClientIssue Refused(string field, string reason) => new(null, new FieldError(field, reason));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

namespace Approval.Client;

/// <summary>A department system's client credential, as an administrator issued it (<c>POST /api/admin/clients</c>).</summary>
public sealed record ClientCredential(string ClientId, string ClientSecret);

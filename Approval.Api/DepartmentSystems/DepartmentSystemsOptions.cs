namespace Approval.Api.DepartmentSystems;

/// <summary>
/// How processes talk to departments' own systems (<c>Approval:DepartmentSystems</c>): the hosts an
/// <c>Elsa.SendHttpRequest</c> may call, the secrets its requests may carry, and the callback paths a department system
/// may resume an <c>Elsa.HttpEndpoint</c> at. A definition names secrets and paths; their values live here only.
/// </summary>
public sealed class DepartmentSystemsOptions
{
    public const string Section = "Approval:DepartmentSystems";

    /// <summary>Host names (or <c>host:port</c>) a request may go to; anything else is refused. Empty: no outbound call at all.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>How long a request may take before it counts as failed (Elsa's <c>Timeout</c> port, or an incident).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Secret values by name: a definition's header value <c>secret:fire-system-key</c> is replaced by the value of
    /// <c>Secrets:fire-system-key</c> when the request is sent, so the value is never in a definition or an instance.</summary>
    public Dictionary<string, string> Secrets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Callback paths a department system may call (<c>POST /api/workflow-callbacks/{path}</c>), by path.</summary>
    public Dictionary<string, CallbackOptions> Callbacks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How far a signed callback's <c>X-Approval-Timestamp</c> may be from now, either way: an older
    /// signature is a replay and refused.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether <paramref name="url"/>'s host (with its port when the allow-list names one) may be called.</summary>
    public bool Allows(Uri url) =>
        AllowedHosts.Any(h => string.Equals(h, url.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h, url.Authority, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One callback path: whose system may call it, and the secret its signatures are made with, if it may sign.</summary>
public sealed class CallbackOptions
{
    /// <summary>The department (catalog code) whose machine clients may call back here.</summary>
    public string Department { get; set; } = "";

    /// <summary>The name of a <see cref="DepartmentSystemsOptions.Secrets"/> entry: calls signed with it
    /// (<c>X-Approval-Signature</c>) are accepted without a token. Unset: only a bearer token of the department.</summary>
    public string? SigningSecret { get; set; }
}

namespace Approval.Api.Webhooks;

/// <summary>
/// A department system's webhook subscription (table <c>WebhookSubscriptions</c>): where its department's case events are
/// pushed, the name of the configured secret they are signed with (never the secret itself), and how far delivery has come.
/// </summary>
public sealed class WebhookSubscriptionRecord
{
    public long Id { get; set; }
    public required string DepartmentCode { get; set; }
    public required string Url { get; set; }
    /// <summary>The name of an <c>Approval:DepartmentSystems:Secrets</c> entry; the value stays in configuration.</summary>
    public required string SecretName { get; set; }
    /// <summary>The timeline actions sent, comma-separated (e.g. <c>Accepted,Decided</c>); null: every line.</summary>
    public string? EventKinds { get; set; }
    public bool Paused { get; set; }
    /// <summary>The last timeline id delivered (or passed over as not wanted): delivery reads the feed after it.</summary>
    public long Cursor { get; set; }
    /// <summary>Failed attempts since the last success: the back-off doubles with each.</summary>
    public int Failures { get; set; }
    /// <summary>No attempt before this (back-off after a failure); null: at the next run.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>A node delivering holds the subscription until this time, so that two nodes never deliver it at once.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }
    /// <summary>Changed by every save and checked by it (a concurrency token): of two nodes taking the lease, one save fails.</summary>
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>One attempt to deliver a batch (table <c>WebhookDeliveries</c>): its lines, and the receiver's status or the error.</summary>
public sealed class WebhookDeliveryRecord
{
    public long Id { get; set; }
    public long SubscriptionId { get; set; }
    public long FirstEventId { get; set; }
    public long LastEventId { get; set; }
    /// <summary>The receiver's HTTP status; null when there was no answer (see <see cref="Error"/>).</summary>
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    /// <summary>1 for the first attempt at this batch, counting up while it fails.</summary>
    public int Attempt { get; set; }
    public DateTimeOffset At { get; set; }
}

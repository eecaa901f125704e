namespace Approval.Api.Audit;

/// <summary>
/// An entry of the audit log: appended in the transaction of the change it records, never changed. Its
/// <see cref="Hash"/> covers its fields and the previous entry's hash (<see cref="AuditHash.CanonicalBytes"/>), so an
/// edit, a deletion or a reordering breaks the chain from that entry on.
/// </summary>
public sealed class AuditEntryRecord
{
    /// <summary>1, 2, 3… without gaps: the position in the chain.</summary>
    public long Sequence { get; set; }
    /// <summary>When it was appended, to the millisecond (what every provider stores exactly).</summary>
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    /// <summary>What happened: <c>CaseEvent.Accepted</c>, <c>Items.Modified</c>, <c>Users.Added</c>…</summary>
    public required string Kind { get; set; }
    /// <summary>What it happened to: a case number, an item code, a user id, a key of the changed row.</summary>
    public required string Subject { get; set; }
    /// <summary>Canonical JSON (keys in ordinal order, no spaces): the row after, or before and after what changed.</summary>
    public required string Payload { get; set; }
    /// <summary><c>SHA-256</c> or <c>SM3</c>: the digest <see cref="Hash"/> was made with.</summary>
    public required string Algorithm { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>
/// The head of the chain, one row: the last entry's sequence and hash. Every append locks it first in its own
/// transaction, so two nodes appending at once take turns instead of forking the chain.
/// </summary>
public sealed class AuditHeadRecord
{
    public const int TheRow = 1;
    public int Id { get; set; } = TheRow;
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The head as the service center signed it at an instant: a later verification checks the chain still holds it.</summary>
public sealed class SignedAuditHeadRecord
{
    public long Id { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    /// <summary>The serial of the service center's seal certificate (in SealCertificates) the signature verifies with.</summary>
    public required string CertificateSerial { get; set; }
    /// <summary>Base64 of the signature of <see cref="AuditHash.SignedHeadBytes"/>.</summary>
    public required string Signature { get; set; }
}

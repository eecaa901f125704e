namespace Approval.Workflows.Seal;

/// <summary>What a verification concludes, most serious first.</summary>
public enum SealVerdict
{
    /// <summary>Unaltered, sealed by a certificate of the product's CA that is not revoked.</summary>
    Valid,
    /// <summary>Unaltered and valid when sealed; the certificate was revoked since.</summary>
    ValidWhenSignedRevokedSince,
    /// <summary>
    /// Unaltered and valid when sealed, but the decision it carries was withdrawn by a correction (纠错): the case's decision
    /// in force is another one (<see cref="SealVerification.ReplacedBy"/>), or none yet.
    /// </summary>
    Superseded,
    /// <summary>
    /// Unaltered and valid when sealed, but the decision it carries was revoked (撤销): granted on a 告知承诺 that the
    /// verification after the decision found false.
    /// </summary>
    DecisionRevoked,
    /// <summary>Sealed with a certificate already revoked.</summary>
    Revoked,
    /// <summary>The bytes are not those sealed (or the signature does not match them).</summary>
    Altered,
    /// <summary>The certificate does not come from the product's CA.</summary>
    Untrusted,
    /// <summary>No sealed document has these bytes, and no signature came with them.</summary>
    Unknown,
}

/// <summary>One certificate of the chain, from the seal up to the root.</summary>
public sealed record CertificateLink(string Subject, string Issuer, string Serial, DateTimeOffset NotBefore, DateTimeOffset NotAfter);

/// <summary>
/// The answer to "is this document genuine?": who sealed it and when, the chain to the root, altered or not, revoked
/// or not. It says no more of the case than its number, which the document shows.
/// </summary>
public sealed record SealVerification(
    SealVerdict Verdict,
    bool Unaltered,
    bool Trusted,
    bool Revoked,
    DateTimeOffset? RevokedAt,
    string? DocumentId,
    string? CaseNumber,
    SealedDocumentKind? Kind,
    string? DepartmentCode,
    string? DepartmentName,
    string? Signer,
    DateTimeOffset? SignedAt,
    SealAlgorithm? Algorithm,
    IReadOnlyList<CertificateLink> Chain)
{
    /// <summary>For <see cref="SealVerdict.Superseded"/>: the document that replaces it; null while the corrected case awaits its new decision.</summary>
    public SealReplacement? ReplacedBy { get; init; }

    public static readonly SealVerification Unknown = new(SealVerdict.Unknown, false, false, false, null, null, null, null, null, null, null, null, null, []);
}

/// <summary>The document of the corrected decision that replaces a superseded one: what it is and when it was sealed, nothing of the case.</summary>
public sealed record SealReplacement(string DocumentId, SealedDocumentKind Kind, DateTimeOffset SignedAt);

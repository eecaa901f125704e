namespace Approval.Api.Seal;

/// <summary>A department's seal certificate (table <c>SealCertificates</c>): its public part and revocation; the key is in the key store.</summary>
public sealed class SealCertificateRecord
{
    /// <summary>The serial number, lower-case hexadecimal.</summary>
    public string Serial { get; set; } = "";
    public string DepartmentCode { get; set; } = "";
    public string Algorithm { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset NotAfter { get; set; }
    public string KeyAlias { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevocationReason { get; set; }
    public string? RevokedBy { get; set; }
}

/// <summary>A sealed document of a case (table <c>SealedDocuments</c>): the PDF exactly as signed, and its detached signature.</summary>
public sealed class SealedDocumentRecord
{
    public string Id { get; set; } = "";
    public string CaseId { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    /// <summary>Which decision of the case it seals (a corrected case is decided again): the decision's instant in UTC ticks.</summary>
    public string DecisionKey { get; set; } = "";
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    /// <summary>SHA-256 of the PDF, lower-case hexadecimal: how an uploaded file without its signature is found.</summary>
    public string Sha256 { get; set; } = "";
    public string CertificateSerial { get; set; } = "";
    public DateTimeOffset SignedAt { get; set; }
    public byte[] Pdf { get; set; } = [];
    /// <summary>The <see cref="Approval.Workflows.Seal.SealEnvelope"/> as JSON, exactly as served.</summary>
    public string Envelope { get; set; } = "";
}

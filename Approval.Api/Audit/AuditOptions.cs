using Approval.Workflows.Seal;

namespace Approval.Api.Audit;

/// <summary><c>Approval:Audit</c>: the digest of the chain, and how the head is signed.</summary>
public sealed class AuditOptions
{
    public const string Section = "Approval:Audit";

    /// <summary><c>SHA-256</c> (the default) or <c>SM3</c> (GB/T 32905). Each entry names its own, so a change applies from the next entry on.</summary>
    public string HashAlgorithm { get; set; } = AuditHash.Sha256;

    /// <summary>Entries read per query by the verification: memory stays flat over millions of rows.</summary>
    public int VerificationBatch { get; set; } = 2000;

    /// <summary>The service center's seal signs the head with SM2 when the chain is SM3, with ECDSA P-256 otherwise.</summary>
    public SealAlgorithm SigningAlgorithm => HashAlgorithm == AuditHash.Sm3 ? SealAlgorithm.Sm2Sm3 : SealAlgorithm.EcdsaP256Sha256;
}

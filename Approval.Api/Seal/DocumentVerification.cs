using Approval.Workflows.Seal;

namespace Approval.Api.Seal;

/// <summary>
/// /verify's two ways in: the QR code (case number and document id: the stored document against its own signature)
/// and an upload (the file with its signature, or the file alone, found among the sealed documents by its SHA-256).
/// </summary>
public sealed class DocumentVerification
{
    private readonly SealedDocuments documents;
    private readonly SealVerifier verifier;

    internal DocumentVerification(SealedDocuments documents, SealVerifier verifier) => (this.documents, this.verifier) = (documents, verifier);

    /// <summary>Largest file checked.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>The stored document's verification, or null when the number and id do not name one (the same answer for either wrong).</summary>
    public async Task<SealVerification?> OfStoredAsync(string? caseNumber, string? documentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(caseNumber) || string.IsNullOrWhiteSpace(documentId)
            || await documents.FindAsync(documentId.Trim(), cancellationToken) is not { } stored || stored.CaseNumber != caseNumber.Trim())
            return null;
        return await verifier.VerifyAsync(stored.Pdf, SealEnvelope.Parse(stored.Envelope)!, cancellationToken);
    }

    /// <summary>An uploaded file: against the signature given, else against the signature of the sealed document with the same bytes.</summary>
    /// <returns>The verification, or the field that is wrong and why.</returns>
    public async Task<(SealVerification? Verification, (string Field, string Reason)? Problem)> OfUploadAsync(byte[] file, string? signature,
        CancellationToken cancellationToken)
    {
        if (signature is not null)
        {
            return SealEnvelope.Parse(signature) is { } envelope
                ? (await verifier.VerifyAsync(file, envelope, cancellationToken), null)
                : (null, ("signature", "not a seal signature file (.seal.json) of this product"));
        }
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        return await documents.FindByDigestAsync(digest, cancellationToken) is { } stored
            ? (await verifier.VerifyAsync(file, SealEnvelope.Parse(stored.Envelope)!, cancellationToken), null)
            : (SealVerification.Unknown, null);
    }
}

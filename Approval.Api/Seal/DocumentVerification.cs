using Approval.Workflows.Cases;
using Approval.Workflows.Seal;

namespace Approval.Api.Seal;

/// <summary>
/// /verify's two ways in: the QR code (case number and document id: the stored document against its own signature)
/// and an upload (the file with its signature, or the file alone, found among the sealed documents by its SHA-256).
/// A genuine document whose decision a correction withdrew verifies as superseded, one whose decision was revoked (告知承诺
/// found false) as revoked, never as plainly valid.
/// </summary>
public sealed class DocumentVerification
{
    private readonly SealedDocuments documents;
    private readonly SealVerifier verifier;
    private readonly ICaseSessions cases;

    internal DocumentVerification(SealedDocuments documents, SealVerifier verifier, ICaseSessions cases) =>
        (this.documents, this.verifier, this.cases) = (documents, verifier, cases);

    /// <summary>Largest file checked.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>The stored document's verification, or null when the number and id do not name one (the same answer for either wrong).</summary>
    public async Task<SealVerification?> OfStoredAsync(string? caseNumber, string? documentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(caseNumber) || string.IsNullOrWhiteSpace(documentId)
            || await documents.FindAsync(documentId.Trim(), cancellationToken) is not { } stored || stored.CaseNumber != caseNumber.Trim())
            return null;
        return await InForceAsync(await verifier.VerifyAsync(stored.Pdf, SealEnvelope.Parse(stored.Envelope)!, cancellationToken), cancellationToken);
    }

    /// <summary>An uploaded file: against the signature given, else against the signature of the sealed document with the same bytes.</summary>
    /// <returns>The verification, or the field that is wrong and why.</returns>
    public async Task<(SealVerification? Verification, (string Field, string Reason)? Problem)> OfUploadAsync(byte[] file, string? signature,
        CancellationToken cancellationToken)
    {
        if (signature is not null)
        {
            return SealEnvelope.Parse(signature) is { } envelope
                ? (await InForceAsync(await verifier.VerifyAsync(file, envelope, cancellationToken), cancellationToken), null)
                : (null, ("signature", "not a seal signature file (.seal.json) of this product"));
        }
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        return await documents.FindByDigestAsync(digest, cancellationToken) is { } stored
            ? (await InForceAsync(await verifier.VerifyAsync(file, SealEnvelope.Parse(stored.Envelope)!, cancellationToken), cancellationToken), null)
            : (SealVerification.Unknown, null);
    }

    // A correction withdraws a decision (Case.PrepareDecisionReopening) and the lead decides again: the documents sealed for
    // the withdrawn one stay genuine, so only the case tells that they no longer hold. Asked only of a signature that holds,
    // whose document id is therefore the sealer's own.
    private async Task<SealVerification> InForceAsync(SealVerification verification, CancellationToken cancellationToken)
    {
        if (verification.Verdict is not (SealVerdict.Valid or SealVerdict.ValidWhenSignedRevokedSince)
            || verification.DocumentId is null || await documents.FindAsync(verification.DocumentId, cancellationToken) is not { } stored)
            return verification;
        Case? @case;
        await using (var session = await cases.OpenAsync(cancellationToken))
            @case = await session.FindAsync(stored.CaseId, cancellationToken);
        var inForce = @case?.Decision is { Verdict: not Verdict.ReturnForSupplement } decision ? DecisionSeal.DecisionKeyOf(decision) : null;
        if (@case is null)
            return verification;
        // 告知承诺 found false: the decision stays on the case, revoked with it.
        if (@case.Status == CaseStatus.Revoked)
            return verification with { Verdict = SealVerdict.DecisionRevoked };
        if (inForce == stored.DecisionKey)
            return verification;
        // The corrected decision's document of the same kind replaces it; a grant corrected into a refusal, its refusal.
        var replacing = inForce is null ? [] : await documents.ForDecisionAsync(stored.CaseId, inForce, cancellationToken);
        var replacement = replacing.FirstOrDefault(d => d.Kind == stored.Kind) ?? (replacing.Count > 0 ? replacing[0] : null);
        return verification with
        {
            Verdict = SealVerdict.Superseded,
            ReplacedBy = replacement is null ? null : new SealReplacement(replacement.Id, Enum.Parse<SealedDocumentKind>(replacement.Kind), replacement.SignedAt),
        };
    }
}

using System.ComponentModel.DataAnnotations;
using Approval.Workflows.Inputs;
using Approval.Workflows.Seal;

namespace Approval.Api.Seal;

/// <summary>A sealed document of a case: what it is, when sealed, and where to get it, its signature and its verification.</summary>
public sealed record SealedDocumentView(string Id, SealedDocumentKind Kind, string FileName, string Sha256, string CertificateSerial, DateTimeOffset SignedAt,
    string DownloadUrl, string SignatureUrl, string VerifyUrl)
{
    internal static SealedDocumentView For(SealedDocumentRecord record) => new(record.Id, Enum.Parse<SealedDocumentKind>(record.Kind), record.FileName, record.Sha256,
        record.CertificateSerial, record.SignedAt, $"/api/cases/{record.CaseId}/documents/{record.Id}", $"/api/cases/{record.CaseId}/documents/{record.Id}/signature",
        $"/verify?case={Uri.EscapeDataString(record.CaseNumber)}&doc={record.Id}");
}

/// <summary>Why a certificate is revoked (a key lost, a department merged…).</summary>
public sealed record RevokeCertificateRequest([property: MaxLength(TextLimits.Reason)] string? Reason);

/// <summary>A new seal for a department, in the algorithm given (default: the department's configured one).</summary>
public sealed record IssueSealRequest(SealAlgorithm? Algorithm);

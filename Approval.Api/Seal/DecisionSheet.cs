using Approval.Workflows.Seal;

namespace Approval.Api.Seal;

/// <summary>What a sealed document says: its kind and title, the case as the decision names it, and where it is verified.</summary>
internal sealed record DecisionSheet(
    SealedDocumentKind Kind,
    string Title,
    string DocumentId,
    string CaseNumber,
    string ItemName,
    string ApplicantName,
    string ApplicantId,
    IReadOnlyList<string> Paragraphs,
    string DepartmentName,
    string Signer,
    DateOnly Date,
    string VerifyUrl);

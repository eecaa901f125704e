using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;

namespace Approval.Workflows.Credit;

/// <summary>
/// The bad record a broken 容缺 promise or a false 告知承诺 writes by itself (domain.md §7: "an earlier false promise
/// excludes it"): about the case's applicant, from the item's lead department, the case number as its document and the
/// case as its evidence. One per case (its id is the case's), saved in the commit that terminates the case or revokes
/// its decision.
/// </summary>
public static class BrokenPromiseRecord
{
    public static CreditRecordChange Of(Case @case, ApprovalItem item, MaterialPromise promise, DateTimeOffset at, DateOnly today) =>
        Entered(@case, item, at, today,
            $"容缺受理承诺的材料（{string.Join("、", promise.MaterialCodes)}）未在 {promise.PromisedBy:yyyy-MM-dd} 前补齐，办件 {@case.Number} 终止 "
            + $"(materials promised at acceptance not delivered by {promise.PromisedBy:yyyy-MM-dd}; case {@case.Number} terminated)");

    /// <summary>告知承诺 found false at verification (事后核查): the record is saved with the revocation of the decision.</summary>
    public static CreditRecordChange OfCommitment(Case @case, ApprovalItem item, CommitmentVerification verification, DateOnly today) =>
        Entered(@case, item, verification.At, today,
            $"告知承诺经核查不实，办件 {@case.Number} 的决定已撤销：{Shortened(verification.Finding)} "
            + $"(the commitment was found false at verification; the decision of case {@case.Number} is revoked)");

    private static CreditRecordChange Entered(Case @case, ApprovalItem item, DateTimeOffset at, DateOnly today, string summary)
    {
        var record = new CreditRecord
        {
            Id = $"promise-{@case.Id}",
            SubjectId = @case.Applicant.IdNumber,
            SubjectName = @case.Applicant.Name,
            Kind = CreditRecordKind.BrokenPromise,
            SourceDepartmentCode = item.LeadDepartmentCode,
            DocumentNumber = @case.Number,
            Summary = summary,
            EffectiveOn = today,
            RecordedAt = at,
            RecordedBy = "system",
            EvidenceCaseId = @case.Id,
        };
        return new CreditRecordChange(record.Id, at, "system", CreditChangeKind.Entered, null, record);
    }

    // The summary column holds a reason's length; the whole finding stays on the case's timeline.
    private static string Shortened(string finding) => finding.Length <= 500 ? finding : finding[..500] + "…";
}

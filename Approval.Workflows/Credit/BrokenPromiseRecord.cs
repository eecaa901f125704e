using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;

namespace Approval.Workflows.Credit;

/// <summary>
/// The bad record a broken 容缺 promise writes by itself (domain.md §7: "an earlier false promise excludes it"): about the
/// case's applicant, from the item's lead department, the case number as its document and the case as its evidence.
/// One per case (its id is the case's), saved in the commit that terminates the case.
/// </summary>
public static class BrokenPromiseRecord
{
    public static CreditRecordChange Of(Case @case, ApprovalItem item, MaterialPromise promise, DateTimeOffset at, DateOnly today)
    {
        var record = new CreditRecord
        {
            Id = $"promise-{@case.Id}",
            SubjectId = @case.Applicant.IdNumber,
            SubjectName = @case.Applicant.Name,
            Kind = CreditRecordKind.BrokenPromise,
            SourceDepartmentCode = item.LeadDepartmentCode,
            DocumentNumber = @case.Number,
            Summary = $"容缺受理承诺的材料（{string.Join("、", promise.MaterialCodes)}）未在 {promise.PromisedBy:yyyy-MM-dd} 前补齐，办件 {@case.Number} 终止 "
                + $"(materials promised at acceptance not delivered by {promise.PromisedBy:yyyy-MM-dd}; case {@case.Number} terminated)",
            EffectiveOn = today,
            RecordedAt = at,
            RecordedBy = "system",
            EvidenceCaseId = @case.Id,
        };
        return new CreditRecordChange(record.Id, at, "system", CreditChangeKind.Entered, null, record);
    }
}

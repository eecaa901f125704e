using Approval.Api.Persistence;
using Approval.Workflows.People;

namespace Approval.Api.WorkLists;

/// <summary>What staff search cases by; at least one of them is given.</summary>
internal sealed record CaseSearchCriteria(
    string? Number,
    string? ApplicantName,
    string? ApplicantId,
    string? Item,
    IReadOnlyList<string> Statuses,
    DateTimeOffset? ReceivedFrom,
    DateTimeOffset? ReceivedBefore)
{
    public bool IsEmpty => Number is null && ApplicantName is null && ApplicantId is null && Item is null && ReceivedFrom is null && ReceivedBefore is null;
}

/// <summary>
/// The staff search (办件查询), newest received first. Each finds only what they may read (domain.md §2): a department's
/// reviewers and head the cases it leads or has a task in; window clerks the center's cases; supervisors and administrators
/// all. Applicants have their own list. Matches are exact (number, ID or credit code, the applicant's full name, item), each
/// on an index of its own; the ID is compared upper-case, as IDs are kept.
/// </summary>
internal static class StaffCaseSearch
{
    public static CaseListQuery For(User user, CaseSearchCriteria criteria) => new(db => Matching(db, user, criteria), CaseListQuery.NewestFirst);

    private static IQueryable<CaseRecord> Matching(ApprovalDbContext db, User user, CaseSearchCriteria criteria)
    {
        var cases = db.Cases.AsQueryable();
        if (user.Role is Role.DepartmentReviewer or Role.DepartmentHead)
        {
            var department = user.DepartmentCode ?? "";
            cases = cases.Where(c => c.LeadDepartmentCode == department || db.CaseTasks.Any(t => t.CaseId == c.Id && t.DepartmentCode == department));
        }
        else if (user.Role is not (Role.WindowClerk or Role.Supervisor or Role.Administrator))
            return cases.Where(c => false);
        if (criteria.Number is { } number)
            cases = cases.Where(c => c.Number == number);
        if (criteria.ApplicantId is { } id)
        {
            var upper = id.ToUpperInvariant();
            cases = cases.Where(c => c.ApplicantIdNumber == upper);
        }
        if (criteria.ApplicantName is { } name)
            cases = cases.Where(c => c.ApplicantName == name);
        if (criteria.Item is { } item)
            cases = cases.Where(c => c.ItemCode == item);
        if (criteria.Statuses.Count > 0)
            cases = cases.Where(c => criteria.Statuses.Contains(c.Status));
        if (criteria.ReceivedFrom is { } from)
            cases = cases.Where(c => c.ReceivedAt >= from);
        if (criteria.ReceivedBefore is { } before)
            cases = cases.Where(c => c.ReceivedAt < before);
        return cases;
    }
}

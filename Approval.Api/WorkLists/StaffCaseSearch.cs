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
/// all (a department's cases are its membership rows, <see cref="CaseDepartmentRecord"/>). Applicants have their own list. Matches are exact (number, ID or credit code, the applicant's full name, item), each
/// on an index of its own; the ID is compared upper-case, as IDs are kept.
/// </summary>
internal static class StaffCaseSearch
{
    public static CaseListQuery For(User user, CaseSearchCriteria criteria)
    {
        if (user.Role is Role.DepartmentReviewer or Role.DepartmentHead
            && criteria is { Number: null, ApplicantId: null, ApplicantName: null, Statuses.Count: 0 })
            return CaseListQuery.OfDepartment(db => OfDepartment(db, user.DepartmentCode ?? "", criteria));
        return new(db => Matching(db, user, criteria), CaseListQuery.NewestFirst);
    }

    // A department's search by item and dates alone — the wide one: at a million cases an item's month is tens of thousands
    // of cases, each probed for the department's task when searched from the cases. Its membership rows answer alone.
    private static IQueryable<CaseDepartmentRecord> OfDepartment(ApprovalDbContext db, string department, CaseSearchCriteria criteria)
    {
        var members = db.CaseDepartments.Where(m => m.DepartmentCode == department);
        if (criteria.Item is { } item)
            members = members.Where(m => m.ItemCode == item);
        if (criteria.ReceivedFrom is { } from)
            members = members.Where(m => m.ReceivedAt >= from);
        if (criteria.ReceivedBefore is { } before)
            members = members.Where(m => m.ReceivedAt < before);
        return members;
    }

    private static IQueryable<CaseRecord> Matching(ApprovalDbContext db, User user, CaseSearchCriteria criteria)
    {
        var cases = db.Cases.AsQueryable();
        if (user.Role is Role.DepartmentReviewer or Role.DepartmentHead)
        {
            // A narrow search (a number, an ID, a name): the few cases found are each looked up in the membership's key.
            var department = user.DepartmentCode ?? "";
            cases = cases.Where(c => db.CaseDepartments.Any(m => m.CaseId == c.Id && m.DepartmentCode == department));
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

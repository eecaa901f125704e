using Approval.Api.Persistence;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>Notices awaiting a department's answer: not yet due (Open), past due (Overdue), a working day more (Escalated).</summary>
public sealed record NoticeCounts(int Open, int Overdue, int Escalated)
{
    public static readonly NoticeCounts None = new(0, 0, 0);

    public int Unanswered => Open + Overdue + Escalated;

    public NoticeCounts Add(string status, int count) => status switch
    {
        nameof(NoticeStatus.Open) => this with { Open = Open + count },
        nameof(NoticeStatus.Overdue) => this with { Overdue = Overdue + count },
        nameof(NoticeStatus.Escalated) => this with { Escalated = Escalated + count },
        _ => this,
    };
}

/// <summary>A department's notices awaiting its answer.</summary>
public sealed record DepartmentNoticeCounts(string DepartmentCode, string? DepartmentName, NoticeCounts Notices);

/// <summary>Complaints being dealt with (received, handled, transferred), and how many of them were not decided within 5 working days.</summary>
public sealed record ComplaintCounts(int Open, int Breached)
{
    public static readonly ComplaintCounts None = new(0, 0);

    public ComplaintCounts Add(bool breached, int count) => new(Open + count, Breached + (breached ? count : 0));
}

/// <summary>
/// The open complaints concerning a department: transferred to it, or else about a case it leads. A general complaint
/// not transferred concerns no department: it counts in the totals only.
/// </summary>
public sealed record DepartmentComplaintCounts(string DepartmentCode, string? DepartmentName, ComplaintCounts Complaints);

/// <summary>The overview's counts of notices and complaints, each a grouped query (a few rows per status × department).</summary>
internal static class SupervisionCaseloads
{
    private static readonly string[] Unanswered = [nameof(NoticeStatus.Open), nameof(NoticeStatus.Overdue), nameof(NoticeStatus.Escalated)];
    private static readonly string[] OpenComplaints = [nameof(ComplaintStatus.Received), nameof(ComplaintStatus.Handling), nameof(ComplaintStatus.TransferredToDepartment)];

    public static async Task<(NoticeCounts, IReadOnlyList<DepartmentNoticeCounts>)> NoticesAsync(ApprovalDbContext db, CatalogNames names, CancellationToken cancellationToken)
    {
        var groups = await db.CorrectionNotices.Where(n => Unanswered.Contains(n.Status))
            .GroupBy(n => new { n.DepartmentCode, n.Status }).Select(g => new { g.Key.DepartmentCode, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var total = groups.Aggregate(NoticeCounts.None, (counts, g) => counts.Add(g.Status, g.Count));
        // Most escalated first, then most overdue: where supervisors look first.
        var byDepartment = groups.GroupBy(g => g.DepartmentCode, StringComparer.Ordinal)
            .Select(d => new DepartmentNoticeCounts(d.Key, names.Department(d.Key), d.Aggregate(NoticeCounts.None, (counts, g) => counts.Add(g.Status, g.Count))))
            .OrderByDescending(d => d.Notices.Escalated).ThenByDescending(d => d.Notices.Overdue).ThenByDescending(d => d.Notices.Unanswered)
            .ThenBy(d => d.DepartmentCode, StringComparer.Ordinal).ToList();
        return (total, byDepartment);
    }

    public static async Task<(ComplaintCounts, IReadOnlyList<DepartmentComplaintCounts>)> ComplaintsAsync(ApprovalDbContext db, CatalogNames names, CancellationToken cancellationToken)
    {
        var groups = await (
            from c in db.Complaints
            where OpenComplaints.Contains(c.Status)
            join k in db.Cases on c.CaseId equals k.Id into about
            from k in about.DefaultIfEmpty()
            group c by new { Department = c.TransferredTo ?? (k != null ? k.LeadDepartmentCode : null), Breached = c.BreachedAt != null } into g
            select new { g.Key.Department, g.Key.Breached, Count = g.Count() }).ToListAsync(cancellationToken);
        var total = groups.Aggregate(ComplaintCounts.None, (counts, g) => counts.Add(g.Breached, g.Count));
        var byDepartment = groups.Where(g => g.Department is not null).GroupBy(g => g.Department!, StringComparer.Ordinal)
            .Select(d => new DepartmentComplaintCounts(d.Key, names.Department(d.Key), d.Aggregate(ComplaintCounts.None, (counts, g) => counts.Add(g.Breached, g.Count))))
            .OrderByDescending(d => d.Complaints.Breached).ThenByDescending(d => d.Complaints.Open).ThenBy(d => d.DepartmentCode, StringComparer.Ordinal).ToList();
        return (total, byDepartment);
    }
}

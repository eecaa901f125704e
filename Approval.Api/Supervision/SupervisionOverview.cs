using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>How many, at each warning level (正常, 提示, 黄牌, 红牌).</summary>
public sealed record LevelCounts(int Green, int Prompt, int Yellow, int Red)
{
    public static readonly LevelCounts None = new(0, 0, 0, 0);

    public int Total => Green + Prompt + Yellow + Red;

    public LevelCounts Add(string level, int count) => Enum.TryParse<WarningLevel>(level, out var parsed) ? parsed switch
    {
        WarningLevel.Green => this with { Green = Green + count },
        WarningLevel.Prompt => this with { Prompt = Prompt + count },
        WarningLevel.Yellow => this with { Yellow = Yellow + count },
        _ => this with { Red = Red + count },
    } : this;
}

/// <summary>A department's open cases (those it leads) or open tasks, by level.</summary>
public sealed record DepartmentCounts(string DepartmentCode, string? DepartmentName, int Total, LevelCounts Levels);

/// <summary>Violations by the supervisors' review.</summary>
public sealed record ReviewCounts(int Open, int Confirmed, int Dismissed);

/// <summary>
/// The live picture: open cases by status, level and lead department; open tasks by department and level; violations by
/// review; notices awaiting an answer and complaints being dealt with, in all and by department.
/// </summary>
public sealed record SupervisionOverview(
    DateTimeOffset At,
    int OpenCases,
    IReadOnlyDictionary<string, int> CasesByStatus,
    LevelCounts CasesByLevel,
    IReadOnlyList<DepartmentCounts> CasesByLeadDepartment,
    int OpenTasks,
    LevelCounts TasksByLevel,
    IReadOnlyList<DepartmentCounts> TasksByDepartment,
    ReviewCounts Violations,
    NoticeCounts Notices,
    IReadOnlyList<DepartmentNoticeCounts> NoticesByDepartment,
    ComplaintCounts Complaints,
    IReadOnlyList<DepartmentComplaintCounts> ComplaintsByDepartment);

/// <summary>
/// Counts for the overview, each a grouped query answered by the database (a few rows per status × level × department);
/// no case is loaded. With <paramref name="writes"/>, the counts are kept in memory and shared by every reader until this
/// node writes to the database or <paramref name="maxAge"/> passes (a short cache rather than counters kept by every step:
/// the steps that change a count are many, a cache is one place). So the overview is never behind the lists for what this
/// node did, and at most <paramref name="maxAge"/> behind another node's writes; its <c>at</c> says when it was counted.
/// Readers that come while a count is under way wait for that count instead of starting their own.
/// </summary>
internal sealed class SupervisionOverviewCounts(IDbContextFactory<ApprovalDbContext> contexts, TimeProvider time, DatabaseWrites? writes = null, TimeSpan maxAge = default)
{
    /// <summary>How long another node's writes may take to show, unless <c>Approval:Supervision:OverviewMaxAge</c> says.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(2);

    private KeptRead<SupervisionOverview>? _kept;

    // The catalog list's rule (Persistence/KeptRead), made once per instance: its read is this instance's count.
    public Task<SupervisionOverview> ReadAsync(CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _kept, () => new KeptRead<SupervisionOverview>(CountAsync, time, writes, maxAge)).GetAsync(cancellationToken);

    private async Task<SupervisionOverview> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var openStatuses = Case.OpenStatuses.Select(s => s.ToString()).ToList();
        var cases = await db.Cases.Where(c => openStatuses.Contains(c.Status))
            .GroupBy(c => new { c.Status, c.Level, c.LeadDepartmentCode })
            .Select(g => new { g.Key.Status, g.Key.Level, Department = g.Key.LeadDepartmentCode, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var openTask = nameof(Approval.Workflows.Cases.TaskStatus.Open);
        var tasks = await db.CaseTasks.Where(t => t.Status == openTask)
            .GroupBy(t => new { t.DepartmentCode, t.Level })
            .Select(g => new { Department = g.Key.DepartmentCode, g.Key.Level, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var reviews = await db.Violations.GroupBy(v => v.Review).Select(g => new { Review = g.Key, Count = g.Count() })
            .ToDictionaryAsync(r => r.Review, r => r.Count, cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        var (notices, noticesByDepartment) = await SupervisionCaseloads.NoticesAsync(db, names, cancellationToken);
        var (complaints, complaintsByDepartment) = await SupervisionCaseloads.ComplaintsAsync(db, names, cancellationToken);

        return new SupervisionOverview(
            time.GetUtcNow(),
            cases.Sum(c => c.Count),
            openStatuses.ToDictionary(s => s, s => cases.Where(c => c.Status == s).Sum(c => c.Count)),
            cases.Aggregate(LevelCounts.None, (levels, c) => levels.Add(c.Level, c.Count)),
            ByDepartment(cases.Select(c => (c.Department, c.Level, c.Count)), names),
            tasks.Sum(t => t.Count),
            tasks.Aggregate(LevelCounts.None, (levels, t) => levels.Add(t.Level, t.Count)),
            ByDepartment(tasks.Select(t => (t.Department, t.Level, t.Count)), names),
            new ReviewCounts(Count(nameof(ViolationReview.Open)), Count(nameof(ViolationReview.Confirmed)), Count(nameof(ViolationReview.Dismissed))),
            notices, noticesByDepartment, complaints, complaintsByDepartment);

        int Count(string review) => reviews.GetValueOrDefault(review);
    }

    // Most red first, then most yellow, then most in all: where supervisors look first.
    private static List<DepartmentCounts> ByDepartment(IEnumerable<(string Department, string Level, int Count)> groups, CatalogNames names) =>
        [.. groups.GroupBy(g => g.Department, StringComparer.Ordinal)
            .Select(d => new DepartmentCounts(d.Key, names.Department(d.Key), d.Sum(g => g.Count), d.Aggregate(LevelCounts.None, (levels, g) => levels.Add(g.Level, g.Count))))
            .OrderByDescending(d => d.Levels.Red).ThenByDescending(d => d.Levels.Yellow).ThenByDescending(d => d.Total).ThenBy(d => d.DepartmentCode, StringComparer.Ordinal)];
}

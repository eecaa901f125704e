using Approval.Api.Supervision;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;

namespace Approval.Api.Pages.Oversight;

/// <summary>
/// What the supervision hall's pages read: the API's own supervision queries (the same filters, order and pages as
/// <c>/api/supervision/...</c>), so that a page and its CSV export answer alike. Nothing here writes.
/// </summary>
public sealed class HallReadings
{
    private readonly SupervisionOverviewCounts _overview;
    private readonly SupervisionTodayCounts _today;
    private readonly SupervisedCaseList _cases;
    private readonly SupervisedTaskList _tasks;
    private readonly ViolationList _violations;
    private readonly NoticeList _notices;

    internal HallReadings(SupervisionOverviewCounts overview, SupervisionTodayCounts today, SupervisedCaseList cases, SupervisedTaskList tasks,
        ViolationList violations, NoticeList notices, BusinessHours hours)
    {
        (_overview, _today, _cases, _tasks, _violations, _notices) = (overview, today, cases, tasks, violations, notices);
        Hours = hours;
    }

    internal BusinessHours Hours { get; }

    internal Task<SupervisionOverview> OverviewAsync(CancellationToken cancellationToken) => _overview.ReadAsync(cancellationToken);

    internal Task<SupervisionToday> TodayAsync(CancellationToken cancellationToken) => _today.ReadAsync(cancellationToken);

    /// <summary>The most urgent open cases (提示, 黄牌, 红牌), soonest due first: the hall's watch list.</summary>
    internal Task<Page<SupervisedCase>> WatchListAsync(int size, CancellationToken cancellationToken) =>
        _cases.PageAsync(new CaseListFilter([nameof(WarningLevel.Prompt), nameof(WarningLevel.Yellow), nameof(WarningLevel.Red)],
            [.. Case.OpenStatuses.Select(s => s.ToString())], null, null, null, null), new Paging(1, size), cancellationToken);

    internal Task<Page<SupervisedCase>> CasesAsync(CaseListFilter filter, Paging paging, CancellationToken cancellationToken) =>
        _cases.PageAsync(filter, paging, cancellationToken);

    internal Task<Page<SupervisedTask>> TasksAsync(TaskListFilter filter, Paging paging, CancellationToken cancellationToken) =>
        _tasks.PageAsync(filter, paging, cancellationToken);

    internal Task<IReadOnlyList<SupervisedViolation>> ViolationsOfAsync(string caseId, CancellationToken cancellationToken) =>
        _violations.OfCaseAsync(caseId, cancellationToken);

    internal Task<IReadOnlyList<CorrectionNotice>> NoticesOfAsync(string caseId, CancellationToken cancellationToken) =>
        _notices.OfCaseAsync(caseId, cancellationToken);
}

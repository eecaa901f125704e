using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Benchmarks;

/// <summary>
/// The supervisors' reads as the API's endpoints make them: the same query classes (Approval.Api/Supervision), the same
/// filters the endpoints build from a query string (defaults included), the same page sizes. Each read returns how many
/// rows it produced, so the benchmark can check it read something.
/// </summary>
internal sealed class SupervisionReads(IDbContextFactory<ApprovalDbContext> contexts, BusinessHours hours)
{
    private static readonly string[] NearOrOverdue = ["Prompt", "Yellow", "Red"];
    private static readonly string[] OpenStatuses = [.. Case.OpenStatuses.Select(s => s.ToString())];

    private readonly SupervisionOverviewCounts _overview = new(contexts, TimeProvider.System);
    private readonly SupervisedCaseList _cases = new(contexts);
    private readonly SupervisedTaskList _tasks = new(contexts);
    private readonly ViolationList _violations = new(contexts);
    private readonly PerformanceReadings _performance = new(contexts, hours, Options.Create(new ScoreRules()));

    /// <summary>Name and read of each measured request, as a supervisor would send it.</summary>
    public IReadOnlyList<(string Name, Func<Task<int>> Read)> All(DateOnly today)
    {
        var (monthFrom, monthBefore) = (StartOf(today.AddDays(-30)), StartOf(today.AddDays(1)));
        var quarter = (today.Month - 1) / 3 + 1;
        var hallClock = new StoppedClock(StartOf(today).AddHours(17));
        var hall = new SupervisionTodayCounts(contexts, hours, hallClock);
        return
        [
            ("GET overview", async () => (await _overview.ReadAsync(default)).OpenCases),
            // The hall's live figures (/oversight refreshes them every 5 s), as at 17:00 of the history's last day: read by one
            // instance, as the application's (a singleton) reads them, which counts the trend's past days on its first read of a
            // day; and that first read of a day, by a new instance each time.
            ("GET today (hall: 办结率, windows, 14 days)", async () => (await hall.ReadAsync(default)).LastDays.Sum(d => d.Received)),
            ("GET today, a day's first read (13 past days counted)", async () => (await new SupervisionTodayCounts(contexts, hours, hallClock).ReadAsync(default)).LastDays.Sum(d => d.Received)),
            ("GET cases (defaults), page 1", () => Cases(new CaseListFilter(NearOrOverdue, OpenStatuses, null, null, null, null), 1)),
            ("GET cases (defaults), page 20", () => Cases(new CaseListFilter(NearOrOverdue, OpenStatuses, null, null, null, null), 20)),
            ("GET cases?level=Red", () => Cases(new CaseListFilter(["Red"], OpenStatuses, null, null, null, null), 1)),
            ("GET cases?department=fire", () => Cases(new CaseListFilter(NearOrOverdue, OpenStatuses, "fire", null, null, null), 1)),
            ("GET cases?department=samr&level=Yellow", () => Cases(new CaseListFilter(["Yellow"], OpenStatuses, "samr", null, null, null), 1)),
            ("GET cases?item=SP-JY-001&level=Red", () => Cases(new CaseListFilter(["Red"], OpenStatuses, null, "SP-JY-001", null, null), 1)),
            ("GET cases?window=w02", () => Cases(new CaseListFilter(NearOrOverdue, OpenStatuses, null, null, null, null, "w02"), 1)),
            ("GET cases?receivedFrom&To (30 days)", () => Cases(new CaseListFilter(NearOrOverdue, OpenStatuses, null, null, monthFrom, monthBefore), 1)),
            ("GET tasks (defaults), page 1", () => Tasks(new TaskListFilter(NearOrOverdue, ["Open"], null, null, null), 1)),
            ("GET tasks (defaults), page 20", () => Tasks(new TaskListFilter(NearOrOverdue, ["Open"], null, null, null), 20)),
            ("GET tasks?department=tax&level=Red", () => Tasks(new TaskListFilter(["Red"], ["Open"], "tax", null, null), 1)),
            ("GET tasks?claimedBy=fire-reviewer-2", () => Tasks(new TaskListFilter(NearOrOverdue, ["Open"], null, "fire-reviewer-2", null), 1)),
            ("GET tasks?item=QY-SL-001", () => Tasks(new TaskListFilter(NearOrOverdue, ["Open"], null, null, "QY-SL-001"), 1)),
            ("GET violations, page 1", () => Violations(new ViolationListFilter([], [], null, null, null), 1)),
            ("GET violations, page 20", () => Violations(new ViolationListFilter([], [], null, null, null), 20)),
            ("GET violations?kind=OverdueTask&department=fire&from&to", () => Violations(new ViolationListFilter(["OverdueTask"], [], "fire", monthFrom, monthBefore), 1)),
            ("GET violations?review=Open&kind=AcceptedBySilence", () => Violations(new ViolationListFilter(["AcceptedBySilence"], ["Open"], null, null, null), 1)),
            ($"GET rankings?quarter={today.Year}Q{quarter}&unit=department", async () => (await _performance.RankingAsync(UnitKind.Department, _performance.Quarter(today.Year, quarter), default)).Units.Count),
            ($"GET rankings?quarter={today.Year}Q{quarter}&unit=person", async () => (await _performance.RankingAsync(UnitKind.Person, _performance.Quarter(today.Year, quarter), default)).Units.Count),
            ("GET performance?unit=department (200 days)", async () => (await _performance.FiguresAsync(UnitKind.Department, _performance.Period("200 days", today.AddDays(-200), today), default)).Count),
            ("GET cases?level=Red&format=csv, first 200 lines", () => CsvFirstLines(_cases.StreamAsync(new CaseListFilter(["Red"], OpenStatuses, null, null, null, null), default), SupervisedCaseList.Columns)),
            ("GET tasks?format=csv, first 200 lines", () => CsvFirstLines(_tasks.StreamAsync(new TaskListFilter(NearOrOverdue, ["Open"], null, null, null), default), SupervisedTaskList.Columns)),
            ("GET violations?format=csv, first 200 lines", () => CsvFirstLines(_violations.StreamAsync(new ViolationListFilter([], [], null, null, null), default), ViolationList.Columns)),
        ];
    }

    private async Task<int> Cases(CaseListFilter filter, int page) => (await _cases.PageAsync(filter, new Paging(page, Paging.DefaultSize), default)).Items.Count;

    private async Task<int> Tasks(TaskListFilter filter, int page) => (await _tasks.PageAsync(filter, new Paging(page, Paging.DefaultSize), default)).Items.Count;

    private async Task<int> Violations(ViolationListFilter filter, int page) => (await _violations.PageAsync(filter, new Paging(page, Paging.DefaultSize), default)).Items.Count;

    // What a browser receives first of a CSV export: the header and the first rows, formatted as the endpoint formats them.
    private async Task<int> CsvFirstLines<T>(IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns)
    {
        var text = new System.Text.StringBuilder(Csv.Header(columns));
        var count = 0;
        await foreach (var row in rows)
        {
            text.Append(Csv.Line(columns, row, hours.Zone));
            if (++count == 200)
                break;
        }
        return count;
    }

    private DateTimeOffset StartOf(DateOnly day) => hours.StartOf(day);
}

/// <summary>A clock stopped at one instant: the hall's "today" is the generated history's last day, not the machine's.</summary>
internal sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

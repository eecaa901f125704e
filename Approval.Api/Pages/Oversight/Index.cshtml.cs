using System.Text.Json;
using Approval.Api.Pages.Localization;
using Approval.Api.Supervision;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Oversight;

/// <summary>
/// The supervision hall (电子监察大厅), supervisors' home: the live overview. The page is drawn once; its live part
/// (<c>?handler=Live</c>) is fetched again every few seconds by htmx and swapped in place, carrying the figures, the watch
/// list and the charts' data, which <c>hall.js</c> hands to ECharts without a reload.
/// </summary>
internal sealed class IndexModel(SupervisionOverviewCounts overview, SupervisionTodayCounts today, SupervisedCaseList cases, IStringLocalizer<UiText> text)
    : PageModel
{
    /// <summary>How often the live part is read again.</summary>
    public const int RefreshSeconds = 5;

    private const int WatchListSize = 10;

    public SupervisionOverview Overview { get; private set; } = null!;
    public SupervisionToday Today { get; private set; } = null!;
    public Page<SupervisedCase> WatchList { get; private set; } = null!;

    /// <summary>Big-screen mode (全屏) from the start, for a wall display that nobody clicks: <c>?wall=true</c>.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Wall { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReadAsync(cancellationToken);

    public async Task<IActionResult> OnGetLiveAsync(CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        return Partial("_Live", this);
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        Overview = await overview.ReadAsync(cancellationToken);
        Today = await today.ReadAsync(cancellationToken);
        // The watch list: the most urgent open cases (提示, 黄牌, 红牌), soonest due first, as /api/supervision/cases gives them.
        WatchList = await cases.PageAsync(new CaseListFilter([nameof(WarningLevel.Prompt), nameof(WarningLevel.Yellow), nameof(WarningLevel.Red)],
            [.. Case.OpenStatuses.Select(s => s.ToString())], null, null, null, null), new Paging(1, WatchListSize), cancellationToken);
    }

    /// <summary>The charts' data and their labels in the reader's language, as JSON for hall.js.</summary>
    public string ChartData()
    {
        var levels = new[] { WarningLevel.Green, WarningLevel.Prompt, WarningLevel.Yellow, WarningLevel.Red };
        static int[] Of(LevelCounts l) => [l.Green, l.Prompt, l.Yellow, l.Red];
        object ByUnit(IEnumerable<(string Name, LevelCounts Levels)> units)
        {
            var list = units.ToList();
            return new
            {
                units = list.Select(u => u.Name),
                series = levels.Select((level, i) => new { level = level.ToString(), name = text.Name(level), data = list.Select(u => Of(u.Levels)[i]) }),
            };
        }
        var data = new
        {
            levels = levels.Select((level, i) => new { level = level.ToString(), name = text.Name(level), value = Of(Overview.CasesByLevel)[i] }),
            byDepartment = ByUnit(Overview.CasesByLeadDepartment.Select(d => (d.DepartmentName ?? d.DepartmentCode, d.Levels))),
            tasksByDepartment = ByUnit(Overview.TasksByDepartment.Select(d => (d.DepartmentName ?? d.DepartmentCode, d.Levels))),
            byWindow = ByUnit(Today.OpenCasesByWindow.Select(w => (w.WindowCode, w.Levels))),
            days = new
            {
                labels = Today.LastDays.Select(d => d.Day.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                received = new { name = text["Hall.Received"].Value, data = Today.LastDays.Select(d => d.Received) },
                completed = new { name = text["Hall.Completed"].Value, data = Today.LastDays.Select(d => d.Completed) },
            },
        };
        return JsonSerializer.Serialize(data, JsonSerializerOptions.Web);
    }
}

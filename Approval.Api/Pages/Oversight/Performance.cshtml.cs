using System.Globalization;
using Approval.Api.Pages.Localization;
using Approval.Api.Supervision;
using Approval.Workflows.Calendar;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Oversight;

/// <summary>How long a period of the performance page is.</summary>
public enum PeriodLength
{
    Day,
    Month,
    Year,
}

/// <summary>One unit's scores over the periods of a trend, null where it has no figures.</summary>
public sealed record TrendSeries(string Code, string Name, IReadOnlyList<decimal?> Scores);

/// <summary>
/// 绩效评估 and 绩效排名 by department, window or person for a day, a month or a year: the ranking of the period with
/// score and grade (<see cref="PerformanceReadings.RankingAsync"/>, read from the snapshots only), each unit's place
/// against the period before, the figures behind each score one click away, and the scores' trend over the periods
/// before it (ECharts); the figures' and the stage records' CSV of the same days.
/// </summary>
internal sealed class PerformanceModel(PerformanceReadings readings, BusinessHours hours, TimeProvider time, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>Units drawn in the trend: the first of the ranking (a chart of more lines is unreadable).</summary>
    public const int TrendUnits = 10;

    [BindProperty(SupportsGet = true)] public UnitKind Unit { get; set; } = UnitKind.Department;
    [BindProperty(SupportsGet = true)] public PeriodLength Period { get; set; } = PeriodLength.Month;
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public PerformanceRanking Ranking { get; private set; } = null!;
    public EvaluationPeriod Current { get; private set; } = null!;
    public DateOnly Day { get; private set; }

    /// <summary>Each unit's place in the period before, by code.</summary>
    public IReadOnlyDictionary<string, int> PreviousPlaces { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyList<string> TrendPeriods { get; private set; } = [];
    public IReadOnlyList<TrendSeries> Trend { get; private set; } = [];

    public string PeriodHref(int step) => $"/oversight/performance?unit={Unit}&period={Period}&date={Iso(Shift(Day, step))}";

    public string FiguresCsvHref => $"/api/supervision/performance?unit={Unit}&from={Iso(Current.FirstDay)}&to={Iso(Current.LastDay)}&format=csv";

    public string StageRecordsHref => $"/api/supervision/stage-records?from={Iso(Current.FirstDay)}&to={Iso(Current.LastDay)}&format=csv";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), hours.Zone).DateTime);
        Day = today;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                Day = day;
            else
                ModelState.AddModelError(nameof(Date), text["Acts.DayFormat"]);
        }
        Current = PeriodOf(Day);
        Ranking = await readings.RankingAsync(Unit, Current, cancellationToken);

        var count = Period switch { PeriodLength.Day => 14, PeriodLength.Month => 12, _ => 5 };
        // Oldest first, ending with the current period; each read from the snapshots of its own days.
        var periods = Enumerable.Range(0, count).Select(i => PeriodOf(Shift(Day, i - count + 1))).ToList();
        var rankings = new List<PerformanceRanking>(count);
        foreach (var period in periods[..^1])
            rankings.Add(await readings.RankingAsync(Unit, period, cancellationToken));
        rankings.Add(Ranking);
        PreviousPlaces = rankings[^2].Units.ToDictionary(u => u.UnitCode, u => u.Rank, StringComparer.Ordinal);
        TrendPeriods = [.. periods.Select(p => p.Name)];
        Trend = [.. Ranking.Units.Take(TrendUnits).Select(u => new TrendSeries(u.UnitCode, u.UnitName ?? u.UnitCode,
            [.. rankings.Select(r => r.Units.FirstOrDefault(x => x.UnitCode == u.UnitCode)?.Score)]))];
        return Page();
    }

    private EvaluationPeriod PeriodOf(DateOnly day) => Period switch
    {
        PeriodLength.Day => readings.Period(Iso(day), day, day),
        PeriodLength.Month => readings.Period(day.ToString("yyyy-MM", CultureInfo.InvariantCulture), new DateOnly(day.Year, day.Month, 1),
            new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
        _ => readings.Period(day.Year.ToString(CultureInfo.InvariantCulture), new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31)),
    };

    private DateOnly Shift(DateOnly day, int step) => Period switch
    {
        PeriodLength.Day => day.AddDays(step),
        PeriodLength.Month => day.AddMonths(step),
        _ => day.AddYears(step),
    };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

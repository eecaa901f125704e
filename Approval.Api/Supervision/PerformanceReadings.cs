using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Supervision;

/// <summary>
/// A unit's figures over a period (绩效评估), as the API answers them. A window's received are the applications it
/// answered and its completed the cases it handed out; a reviewer's received are the tasks they claimed and completed
/// the tasks they gave an opinion on (see README). Accepted, refused, accepted on time and supplement requests are a
/// window's or a clerk's own steps: zero for departments and reviewers.
/// </summary>
public sealed record UnitPerformance(
    string UnitKind, string UnitCode, string? UnitName, DateOnly From, DateOnly To,
    int Received, int Completed, decimal? CompletionRatePercent, int Immediate, int Promised, int CompletedEarly, decimal? EarlyCompletionRatePercent,
    decimal? AverageWorkingDaysUsed, int? WorkingDaysUsed90thPercentile, int YellowCards, int RedCards, int ConfirmedViolations, decimal? AverageSatisfaction,
    int ComplaintBreaches,
    int Rated = 0, int Satisfied = 0, decimal? SatisfactionRatePercent = null,
    int Accepted = 0, int Refused = 0, int AcceptedOnTime = 0, decimal? AcceptanceOnTimeRatePercent = null, int SupplementRequests = 0)
{
    internal static UnitPerformance Of(EvaluatedUnit unit, EvaluationPeriod period, PerformanceFigures f, WindowFigures? w = null) => new(
        unit.Kind.ToString(), unit.Code, unit.Name, period.FirstDay, period.LastDay,
        f.Received, f.Completed, f.CompletionRate.Percent, f.Immediate, f.Promised, f.CompletedEarly, f.EarlyCompletionRate.Percent,
        f.AverageWorkingDaysUsed is { } average ? Math.Round(average, 2, MidpointRounding.AwayFromZero) : null, f.WorkingDaysUsed90thPercentile,
        f.YellowCards, f.RedCards, f.ConfirmedViolations, f.AverageSatisfaction is { } s ? Math.Round(s, 2, MidpointRounding.AwayFromZero) : null,
        f.ComplaintBreaches,
        f.Rated, f.Satisfied, f.SatisfactionRate.Percent,
        w?.Accepted ?? 0, w?.Refused ?? 0, w?.AcceptedOnTime ?? 0, w?.AcceptanceOnTimeRate.Percent, w?.SupplementRequests ?? 0);
}

/// <summary>A unit's place in a quarter's ranking (绩效排名), its score and grade, and for 不合格 the drafted 监察建议书.</summary>
public sealed record RankedPerformance(
    int Rank, string UnitCode, string? UnitName, decimal Score, string Grade, string GradeName,
    decimal YellowCardDeduction, decimal RedCardDeduction, decimal ViolationDeduction, decimal ComplaintBreachDeduction, decimal EarlyCompletionBonus,
    UnitPerformance Figures, string? Recommendation);

/// <summary>A quarter's ranking of one kind of unit.</summary>
public sealed record PerformanceRanking(string Period, DateOnly From, DateOnly To, string UnitKind, IReadOnlyList<RankedPerformance> Units);

/// <summary>
/// Figures and rankings read from the snapshots only: a period is assembled from whole years, whole months and the
/// remaining days, so reading never touches the cases.
/// </summary>
internal sealed class PerformanceReadings(IDbContextFactory<ApprovalDbContext> contexts, BusinessHours hours, IOptions<ScoreRules> rules)
{
    public static readonly IReadOnlyList<CsvColumn<UnitPerformance>> Columns =
    [
        new("unitKind", u => u.UnitKind), new("unitCode", u => u.UnitCode), new("unitName", u => u.UnitName),
        new("from", u => u.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new("to", u => u.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        new("received", u => u.Received), new("completed", u => u.Completed), new("completionRatePercent", u => u.CompletionRatePercent),
        new("immediate", u => u.Immediate), new("promised", u => u.Promised), new("completedEarly", u => u.CompletedEarly),
        new("earlyCompletionRatePercent", u => u.EarlyCompletionRatePercent), new("averageWorkingDaysUsed", u => u.AverageWorkingDaysUsed),
        new("workingDaysUsed90thPercentile", u => u.WorkingDaysUsed90thPercentile), new("yellowCards", u => u.YellowCards),
        new("redCards", u => u.RedCards), new("confirmedViolations", u => u.ConfirmedViolations), new("averageSatisfaction", u => u.AverageSatisfaction),
        new("complaintBreaches", u => u.ComplaintBreaches),
        new("rated", u => u.Rated), new("satisfied", u => u.Satisfied), new("satisfactionRatePercent", u => u.SatisfactionRatePercent),
        new("accepted", u => u.Accepted), new("refused", u => u.Refused), new("acceptedOnTime", u => u.AcceptedOnTime),
        new("acceptanceOnTimeRatePercent", u => u.AcceptanceOnTimeRatePercent), new("supplementRequests", u => u.SupplementRequests),
    ];

    public static readonly IReadOnlyList<CsvColumn<RankedPerformance>> RankingColumns =
    [
        new("rank", r => r.Rank), new("unitCode", r => r.UnitCode), new("unitName", r => r.UnitName), new("score", r => r.Score),
        new("grade", r => r.Grade), new("gradeName", r => r.GradeName), new("yellowCardDeduction", r => r.YellowCardDeduction),
        new("redCardDeduction", r => r.RedCardDeduction), new("violationDeduction", r => r.ViolationDeduction),
        new("complaintBreachDeduction", r => r.ComplaintBreachDeduction), new("earlyCompletionBonus", r => r.EarlyCompletionBonus),
        .. Columns.Skip(5).Select(c => new CsvColumn<RankedPerformance>(c.Name, r => c.Value(r.Figures))),
        new("recommendation", r => r.Recommendation),
    ];

    /// <summary>Each unit of the kind with any snapshot in the period, by code.</summary>
    public async Task<IReadOnlyList<UnitPerformance>> FiguresAsync(UnitKind kind, EvaluationPeriod period, CancellationToken cancellationToken)
    {
        var evaluated = await CountAsync(kind, period, cancellationToken);
        return [.. evaluated.Select(e => UnitPerformance.Of(e.Evaluation.Unit, period, e.Evaluation.Figures, e.Window))];
    }

    public async Task<PerformanceRanking> RankingAsync(UnitKind kind, EvaluationPeriod period, CancellationToken cancellationToken)
    {
        var counted = await CountAsync(kind, period, cancellationToken);
        var windows = counted.ToDictionary(c => c.Evaluation.Unit.Code, c => c.Window, StringComparer.Ordinal);
        var ranking = Ranking.Of(counted.Select(c => c.Evaluation));
        var units = ranking.Places.Select(p =>
        {
            var e = p.Evaluation;
            var recommendation = e.IsFailing ? SupervisionRecommendation.Draft(e).Text : null;
            return new RankedPerformance(p.Place, e.Unit.Code, e.Unit.Name, e.Score.Total, e.Grade.ToString(), e.Grade.Chinese(),
                e.Score.YellowCardDeduction, e.Score.RedCardDeduction, e.Score.ViolationDeduction, e.Score.ComplaintBreachDeduction, e.Score.EarlyCompletionBonus,
                UnitPerformance.Of(e.Unit, period, e.Figures, windows[e.Unit.Code]), recommendation);
        }).ToList();
        return new PerformanceRanking(period.Name, period.FirstDay, period.LastDay, kind.ToString(), units);
    }

    public EvaluationPeriod Period(string name, DateOnly first, DateOnly last) => EvaluationPeriod.Between(name, first, last, hours);

    public EvaluationPeriod Quarter(int year, int quarter) => EvaluationPeriod.Quarter(year, quarter, hours);

    private async Task<List<(UnitEvaluation Evaluation, WindowFigures? Window)>> CountAsync(UnitKind kind, EvaluationPeriod period, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kindName = kind.ToString();
        var sums = new SortedDictionary<string, SnapshotCounters>(StringComparer.Ordinal);
        foreach (var (periodKind, first, last) in Segments(period.FirstDay, period.LastDay))
        {
            var periodName = periodKind.ToString();
            var rows = await db.PerformanceSnapshots.AsNoTracking()
                .Where(p => p.UnitKind == kindName && p.PeriodKind == periodName && p.PeriodStart >= first && p.PeriodStart <= last)
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (!sums.TryGetValue(row.UnitCode, out var counters))
                    sums[row.UnitCode] = counters = new SnapshotCounters();
                counters.Add(row);
            }
        }
        var names = kind switch
        {
            UnitKind.Department => (await CatalogNames.ReadAsync(db, cancellationToken)).Departments,
            UnitKind.Person => await db.Users.ToDictionaryAsync(u => u.UserName, u => u.DisplayName, StringComparer.Ordinal, cancellationToken),
            // Windows have no table of their own: a window is named by its code.
            _ => sums.Keys.ToDictionary(code => code, code => $"{code}号窗口", StringComparer.Ordinal),
        };
        return [.. sums.Select(s => (
            UnitEvaluation.Of(new EvaluatedUnit(kind, s.Key, names.GetValueOrDefault(s.Key, s.Key)), period, s.Value.ToFigures(), rules.Value),
            kind == UnitKind.Department ? null : (WindowFigures?)s.Value.ToWindowFigures()))];
    }

    /// <summary>
    /// The snapshot rows that cover the days from <paramref name="first"/> to <paramref name="last"/>: whole years as
    /// year rows, whole months as month rows, the rest as days; consecutive rows of a kind as one range of starts.
    /// </summary>
    internal static IEnumerable<(SnapshotPeriod Kind, DateOnly FirstStart, DateOnly LastStart)> Segments(DateOnly first, DateOnly last)
    {
        (SnapshotPeriod Kind, DateOnly FirstStart, DateOnly LastStart)? open = null;
        for (var day = first; day <= last;)
        {
            var (kind, next) =
                day.Day == 1 && day.Month == 1 && day.AddYears(1) <= last.AddDays(1) ? (SnapshotPeriod.Year, day.AddYears(1))
                : day.Day == 1 && day.AddMonths(1) <= last.AddDays(1) ? (SnapshotPeriod.Month, day.AddMonths(1))
                : (SnapshotPeriod.Day, day.AddDays(1));
            if (open is { } o && o.Kind == kind)
            {
                open = (kind, o.FirstStart, day);
            }
            else
            {
                if (open is { } done)
                    yield return done;
                open = (kind, day, day);
            }
            day = next;
        }
        if (open is { } rest)
            yield return rest;
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Calendar;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Supervision;

/// <summary>
/// 绩效评估 and 绩效排名 read from the performance snapshots, and the administrator's rebuild of those snapshots.
/// </summary>
internal static partial class PerformanceEndpoints
{
    private static readonly UnitKind[] Evaluated = [UnitKind.Department, UnitKind.Window, UnitKind.Person];

    public static void MapPerformanceEndpoints(this RouteGroupBuilder group)
    {
        group.MapGet("/performance", PerformanceAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("绩效评估: each unit's figures over any run of days (from, to: YYYY-MM-DD, both included), read from the snapshots.")
            .WithDescription("unit is department (default), window or person. Rates are percentages rounded to two decimals; null when there is nothing to divide by. JSON, or CSV for format=csv or Accept: text/csv.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Supervision).WithName("GetPerformance");
        group.MapGet("/rankings", RankingsAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("绩效排名: a quarter's ranking (quarter=2026Q4) by score, with grade 优秀/良好/合格/不合格 and the drafted 监察建议书 of a failing unit.")
            .WithDescription("unit is department (default), window or person. The score rules are configuration (Approval:Supervision:Score). JSON, or CSV for format=csv or Accept: text/csv.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Supervision).WithName("GetRankings");
        group.MapPost("/performance/rebuild", RebuildAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Rebuilds the performance snapshots of the days from, to (YYYY-MM-DD, both included, at most 400 days) and rolls up their months and years.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("The nightly job builds each day's snapshot; this rebuilds a past range after a correction or a calendar change. Re-running it gives the same figures.").WithTags(UserGroups.Administration).WithName("RebuildPerformance");
    }

    private static async Task<Results<Ok<IReadOnlyList<UnitPerformance>>, CsvFile<UnitPerformance>, ProblemHttpResult>> PerformanceAsync(
        [FromQuery(Name = "unit")] string? unit, [FromQuery(Name = "from")] string? from, [FromQuery(Name = "to")] string? to,
        [FromQuery(Name = "format")] string? format, HttpRequest request, PerformanceReadings readings, BusinessHours hours, CancellationToken cancellationToken)
    {
        var errors = new List<(string, ProblemText)>();
        var kind = UnitOf(unit, errors);
        var (first, last) = DaysOf(from, to, errors);
        var query = new ListQuery(hours);
        var csv = query.WantsCsv(request, format);
        if (!query.IsValid)
            return query.Problem();
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        var period = readings.Period($"{Day(first)}至{Day(last)}", first, last);
        var figures = await readings.FiguresAsync(kind, period, cancellationToken);
        if (csv)
            return new CsvFile<UnitPerformance>("performance.csv", PerformanceReadings.Columns, figures.ToAsyncEnumerable(), hours.Zone);
        return TypedResults.Ok(figures);
    }

    private static async Task<Results<Ok<PerformanceRanking>, CsvFile<RankedPerformance>, ProblemHttpResult>> RankingsAsync(
        [FromQuery(Name = "unit")] string? unit, [FromQuery(Name = "quarter")] string? quarter, [FromQuery(Name = "format")] string? format,
        HttpRequest request, PerformanceReadings readings, BusinessHours hours, CancellationToken cancellationToken)
    {
        var errors = new List<(string, ProblemText)>();
        var kind = UnitOf(unit, errors);
        var match = quarter is null ? null : QuarterPattern().Match(quarter.Trim());
        if (match is not { Success: true })
            errors.Add(("quarter", ApiReasons.QuarterForm));
        var query = new ListQuery(hours);
        var csv = query.WantsCsv(request, format);
        if (!query.IsValid)
            return query.Problem();
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        var period = readings.Quarter(int.Parse(match!.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        var ranking = await readings.RankingAsync(kind, period, cancellationToken);
        if (csv)
            return new CsvFile<RankedPerformance>("rankings.csv", PerformanceReadings.RankingColumns, ranking.Units.ToAsyncEnumerable(), hours.Zone);
        return TypedResults.Ok(ranking);
    }

    private static async Task<Results<Ok<SnapshotRebuild>, ProblemHttpResult>> RebuildAsync(
        [FromQuery(Name = "from")] string? from, [FromQuery(Name = "to")] string? to, PerformanceSnapshotBuilder builder, CancellationToken cancellationToken)
    {
        var errors = new List<(string, ProblemText)>();
        var (first, last) = DaysOf(from, to, errors);
        if (errors.Count == 0 && last.DayNumber - first.DayNumber >= 400)
            errors.Add(("to", ApiReasons.AtMost400Days));
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        var days = await builder.RebuildAsync(first, last, cancellationToken);
        return TypedResults.Ok(new SnapshotRebuild(first, last, days));
    }

    private static UnitKind UnitOf(string? unit, List<(string, ProblemText)> errors)
    {
        if (string.IsNullOrWhiteSpace(unit))
            return UnitKind.Department;
        var kind = Evaluated.Where(k => string.Equals(k.ToString(), unit.Trim(), StringComparison.OrdinalIgnoreCase)).Cast<UnitKind?>().FirstOrDefault();
        if (kind is null)
            errors.Add(("unit", ApiReasons.PerformanceUnit));
        return kind ?? UnitKind.Department;
    }

    private static (DateOnly First, DateOnly Last) DaysOf(string? from, string? to, List<(string, ProblemText)> errors)
    {
        var first = DayOf("from", from, errors);
        var last = DayOf("to", to, errors);
        if (first is { } f && last is { } l && l < f)
            errors.Add(("to", ApiReasons.IsBefore("from")));
        return (first ?? default, last ?? default);
    }

    private static DateOnly? DayOf(string field, string? value, List<(string, ProblemText)> errors)
    {
        if (DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors.Add((field, ApiReasons.DayForm));
        return null;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(\d{4})[Qq]([1-4])$")]
    private static partial Regex QuarterPattern();
}

/// <summary>What a rebuild did: the days rebuilt (their months and years rolled up again).</summary>
public sealed record SnapshotRebuild(DateOnly From, DateOnly To, int Days);

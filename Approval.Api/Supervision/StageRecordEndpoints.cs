using System.Globalization;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Calendar;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Supervision;

/// <summary>Stage records for provincial supervision platforms: per case or per period, JSON or CSV, one schema.</summary>
internal static class StageRecordEndpoints
{
    public static RouteHandlerBuilder MapStageRecordEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/supervision/stage-records", GetAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("Stage records (受理 → 承办 → 审核 → 批准 → 办结, 暂停/恢复, 延期) of one case (caseId) or of a period (from, to: days, Beijing time).")
            .WithDescription("Fields: caseNumber, itemCode, stage, stageName, departmentCode, person, at, workingDaysUsed, limitDays, detail. format=csv gives UTF-8 CSV with the same column names. Also: dotnet run --project Approval.Api -- export-stages --from YYYY-MM-DD --to YYYY-MM-DD [--format csv].")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithTags(UserGroups.Supervision).WithName("ExportStageRecords");

    private static async Task<Results<Ok<IReadOnlyList<StageRecord>>, CsvFile<StageRecord>, ProblemHttpResult>> GetAsync(
        string? caseId, string? from, string? to, string? format, StageRecordExport export, BusinessHours hours, CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(caseId))
        {
            var records = await export.ForCaseAsync(caseId, cancellationToken);
            if (records is null)
                return TypedResults.Problem(Problems.NotFound($"No case {caseId}."));
            return csv ? new CsvFile<StageRecord>($"stages-{caseId}.csv", StageRecordExport.Columns, records.ToAsyncEnumerable(), hours.Zone) : TypedResults.Ok(records);
        }
        if (!TryDay(from, out var first))
            return TypedResults.Problem(Problems.InvalidField("from", ApiReasons.StageRecordsNeedCaseOrDays));
        if (!TryDay(to, out var last) || last < first)
            return TypedResults.Problem(Problems.InvalidField("to", ApiReasons.StageRecordsTo));
        var start = hours.StartOf(first);
        var end = hours.StartOf(last.AddDays(1));
        var stream = export.ForPeriodAsync(start, end, CancellationToken.None);
        if (csv)
            return new CsvFile<StageRecord>($"stages-{first:yyyyMMdd}-{last:yyyyMMdd}.csv", StageRecordExport.Columns, stream, hours.Zone);
        var all = new List<StageRecord>();
        await foreach (var record in stream.WithCancellation(cancellationToken))
            all.Add(record);
        return TypedResults.Ok<IReadOnlyList<StageRecord>>(all);
    }

    internal static bool TryDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}

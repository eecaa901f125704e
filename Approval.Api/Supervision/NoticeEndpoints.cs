using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Calendar;
using Approval.Workflows.Inputs;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Supervision;

/// <summary>
/// Correction notices (督办/纠错) and supervision recommendations (监察建议书): supervisors issue and list them, a department
/// reads its own and answers. Unanswered past the due instant they turn Overdue, then Escalated (the deadline sweep).
/// </summary>
internal static class NoticeEndpoints
{
    public const int MaxDueWorkingDays = 60;

    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder routes)
    {
        var supervision = routes.MapGroup("/api/supervision/notices")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        supervision.MapPost("/", IssueAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("督办: a supervisor sends a department a correction notice about a case, or a supervision recommendation (监察建议书) to the unit.")
            .WithDescription("Body { caseId, departmentCode, kind: CorrectionNotice | SupervisionRecommendation, subject, body, dueInWorkingDays (1–60) }. A correction notice names a case; the due instant is the close of business of the N-th working day.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Supervision).WithName("IssueNotice");
        supervision.MapGet("/", ListAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("Notices, soonest due first; filters status (Open, Answered, Overdue, Escalated; comma-separated) and department; pages, or CSV.")
            .WithDescription("Paged JSON, or every matching row as UTF-8 CSV with a byte order mark for format=csv or Accept: text/csv (times in the service center's time zone).")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Supervision).WithName("ListNotices");
        supervision.MapGet("/{noticeId}", GetAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("One notice.").ProducesProblem(StatusCodes.Status404NotFound).WithDescription("The notice with its case, department, due time, state (open, answered, overdue, escalated) and the department's answer.").WithTags(UserGroups.Supervision).WithName("GetNotice");
        supervision.MapPost("/{noticeId}/answer", AnswerAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("The department the notice was sent to answers it (body { answer }); a late answer is taken and marked late.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Body: { answer }. The department says what was done; a late answer is taken and marked late, and an unanswered one escalates by itself.").WithTags(UserGroups.Departments).WithName("AnswerNotice");

        routes.MapGet("/api/notices", DepartmentListAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("The notices sent to the caller's department, soonest due first; filter status; pages, or CSV (format=csv).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).WithDescription("Correction notices (督办) and supervision recommendations (监察建议书) to the caller's department, each with its due time; an unanswered notice escalates. status filters; 20 a page, or CSV with format=csv.").WithTags(UserGroups.Departments).WithName("ListDepartmentNotices");
        return routes;
    }

    private static async Task<Results<Created<CorrectionNotice>, ProblemHttpResult>> IssueAsync(NoticeRequest request, ClaimsPrincipal principal,
        CorrectionNoticeDesk desk, CancellationToken cancellationToken)
    {
        var errors = new List<(string Field, ProblemText Reason)>();
        if (string.IsNullOrWhiteSpace(request.DepartmentCode))
            errors.Add(("departmentCode", ApiReasons.Required));
        var kind = string.IsNullOrWhiteSpace(request.CaseId) ? NoticeKind.SupervisionRecommendation : NoticeKind.CorrectionNotice;
        if (!string.IsNullOrWhiteSpace(request.Kind) && !Enum.TryParse(request.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind))
            errors.Add(("kind", ApiReasons.NoticeKind));
        if (kind == NoticeKind.CorrectionNotice && string.IsNullOrWhiteSpace(request.CaseId))
            errors.Add(("caseId", ApiReasons.NoticeNamesCase));
        if (string.IsNullOrWhiteSpace(request.Subject))
            errors.Add(("subject", ApiReasons.Required));
        if (string.IsNullOrWhiteSpace(request.Body))
            errors.Add(("body", ApiReasons.NoticeSaysWhatToCorrect));
        if (request.DueInWorkingDays is not (>= 1 and <= MaxDueWorkingDays))
            errors.Add(("dueInWorkingDays", ApiReasons.FromOneTo(MaxDueWorkingDays)));
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        var notice = await desk.IssueAsync(new NoticeToIssue(ListQuery.Code(request.CaseId), request.DepartmentCode!.Trim(), kind, request.Subject!, request.Body!,
            request.DueInWorkingDays!.Value), CasesEndpoints.Acting(principal).Name, principal.ToUser()!.UserName, cancellationToken);
        return TypedResults.Created($"/api/supervision/notices/{notice.Id}", notice);
    }

    private static Task<Results<Ok<Page<CorrectionNotice>>, CsvFile<CorrectionNotice>, ProblemHttpResult>> ListAsync([AsParameters] NoticeListParameters parameters,
        HttpRequest request, NoticeList list, BusinessHours hours, CancellationToken cancellationToken) =>
        ListOfAsync(parameters, ListQuery.Code(parameters.Department), "supervision-notices.csv", request, list, hours, cancellationToken);

    private static async Task<Results<Ok<Page<CorrectionNotice>>, CsvFile<CorrectionNotice>, ProblemHttpResult>> DepartmentListAsync(
        [AsParameters] NoticeListParameters parameters, HttpRequest request, ClaimsPrincipal principal, NoticeList list, BusinessHours hours, CancellationToken cancellationToken)
    {
        var department = principal.ToUser()?.DepartmentCode;
        if (department is null)
            return TypedResults.Problem(Problems.Forbidden("You belong to no department."));
        return await ListOfAsync(parameters, department, "notices.csv", request, list, hours, cancellationToken);
    }

    private static async Task<Results<Ok<Page<CorrectionNotice>>, CsvFile<CorrectionNotice>, ProblemHttpResult>> ListOfAsync(NoticeListParameters parameters,
        string? department, string fileName, HttpRequest request, NoticeList list, BusinessHours hours, CancellationToken cancellationToken)
    {
        var query = new ListQuery(hours);
        var filter = new NoticeListFilter(query.Names<NoticeStatus>("status", parameters.Status, []), department);
        var paging = query.PageOf(parameters.Page, parameters.PageSize);
        var csv = query.WantsCsv(request, parameters.Format);
        if (!query.IsValid)
            return query.Problem();
        if (csv)
            return new CsvFile<CorrectionNotice>(fileName, NoticeList.Columns, list.StreamAsync(filter, CancellationToken.None), hours.Zone);
        return TypedResults.Ok(await list.PageAsync(filter, paging, cancellationToken));
    }

    private static async Task<Results<Ok<CorrectionNotice>, ProblemHttpResult>> GetAsync(long noticeId, NoticeList list, CancellationToken cancellationToken) =>
        await list.FindAsync(noticeId, cancellationToken) is { } notice
            ? TypedResults.Ok(notice)
            : TypedResults.Problem(Problems.NotFound($"No notice {noticeId}."));

    private static async Task<Results<Ok<CorrectionNotice>, ProblemHttpResult>> AnswerAsync(long noticeId, AnswerRequest? request, ClaimsPrincipal principal,
        CorrectionNoticeDesk desk, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Answer))
            return TypedResults.Problem(Problems.InvalidField("answer", ApiReasons.AnswerSaysWhatWasDone));
        var department = principal.ToUser()?.DepartmentCode;
        // Another department's notice is not found: departments do not see each other's notices.
        var answered = department is null ? null : await desk.AnswerAsync(noticeId, department, request.Answer, CasesEndpoints.Acting(principal).Name, cancellationToken);
        return answered is null ? TypedResults.Problem(Problems.NotFound($"No notice {noticeId} to your department.")) : TypedResults.Ok(answered);
    }
}

/// <summary>A notice to issue.</summary>
/// <param name="CaseId">The case it concerns (required for a correction notice).</param>
/// <param name="DepartmentCode">The department (unit) it goes to.</param>
/// <param name="Kind">CorrectionNotice (督办, default when a case is named) or SupervisionRecommendation (监察建议书).</param>
/// <param name="Subject">A short title.</param>
/// <param name="Body">What is to be corrected, and how.</param>
/// <param name="DueInWorkingDays">Working days to answer, 1 to 60.</param>
public sealed record NoticeRequest([property: MaxLength(TextLimits.Code)] string? CaseId, [property: MaxLength(TextLimits.Code)] string? DepartmentCode, [property: MaxLength(TextLimits.Code)] string? Kind, [property: MaxLength(TextLimits.Name)] string? Subject, [property: MaxLength(TextLimits.Prose)] string? Body, int? DueInWorkingDays);

/// <summary>A department's answer to a notice.</summary>
public sealed record AnswerRequest([property: MaxLength(TextLimits.Prose)] string? Answer);

/// <summary>Filters of the notice lists.</summary>
/// <param name="Status">Open, Answered, Overdue, Escalated, comma-separated (default all).</param>
/// <param name="Department">The department code (supervisors' list only).</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to 200 (default 50).</param>
/// <param name="Format">json (default) or csv.</param>
internal sealed record NoticeListParameters(
    [FromQuery(Name = "status")] string[]? Status,
    [FromQuery(Name = "department")] string? Department,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "format")] string? Format);

using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Supervision;

/// <summary>
/// Electronic supervision (行政电子监察) for supervisors and administrators: the live overview, the overdue and near-due
/// cases and tasks, the violations and their review. Everything here reads; the only change is a supervisor's review of
/// a violation. Every list answers JSON pages, or all its rows as CSV with <c>format=csv</c> or <c>Accept: text/csv</c>.
/// </summary>
internal static class SupervisionEndpoints
{
    private const string ListFormats = "Paged JSON (page from 1, pageSize up to 200, with the total), or every matching row as UTF-8 CSV with a byte order mark for format=csv or Accept: text/csv (times in the service center's time zone).";

    public static RouteGroupBuilder MapSupervisionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/supervision")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/overview", OverviewAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("The live picture: open cases by status, warning level and lead department; open tasks by department and level; violations by review.").WithDescription("Real-time monitoring (实时监控): open cases by status, warning level (green, 提示, 黄牌, 红牌) and lead department; open tasks by department and level; violations by review, notices awaiting an answer and open complaints. Read from the indexed columns, never the case documents.").WithTags(UserGroups.Supervision).WithName("GetSupervisionOverview");
        group.MapGet("/cases", CasesAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("Overdue and near-due cases (红牌, 黄牌, 提示), soonest due first (or as sort says); filters level, status, department, window, clerk, item, received days.")
            .WithDescription("Defaults: level Prompt,Yellow,Red and the open statuses. level and status take comma-separated names. department matches the lead department or a department with an open task. receivedFrom/receivedTo are days (YYYY-MM-DD), both included. " + ListFormats)
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Supervision).WithName("ListSupervisedCases");
        group.MapGet("/tasks", TasksAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("Overdue and near-due department tasks, soonest due first (or as sort says); filters level, status, department, claimedBy, item.")
            .WithDescription("Defaults: level Prompt,Yellow,Red and status Open. level and status take comma-separated names. " + ListFormats)
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Supervision).WithName("ListSupervisedTasks");
        group.MapGet("/violations", ViolationsAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("Violations recorded by the rules (自动违规警示), newest first, with their review; filters kind, review, department, days.")
            .WithDescription("kind and review take comma-separated names; from/to are days (YYYY-MM-DD) of the violation, both included. " + ListFormats)
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Supervision).WithName("ListViolations");
        group.MapPost("/violations/{violationId}/confirm", ConfirmAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("确认: a supervisor confirms an open violation (body { reason }, optional); it then counts against the unit's score.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("A confirmed violation counts against the unit's performance score (绩效评估). Reviewing a violation twice answers 409 naming the first review.").WithTags(UserGroups.Supervision).WithName("ConfirmViolation");
        group.MapPost("/violations/{violationId}/dismiss", DismissAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("撤销: a supervisor dismisses an open violation, with the reason (body { reason }, required). Nothing is deleted.")
            .WithDescription("A violation is reviewed once: confirming or dismissing a reviewed one answers 409 and its first review stands.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Supervision).WithName("DismissViolation");
        group.MapPerformanceEndpoints();
        return group;
    }

    private static async Task<Ok<SupervisionOverview>> OverviewAsync(SupervisionOverviewCounts counts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await counts.ReadAsync(cancellationToken));

    private static async Task<Results<Ok<Page<SupervisedCase>>, CsvFile<SupervisedCase>, ProblemHttpResult>> CasesAsync(
        [AsParameters] CaseListParameters parameters, HttpRequest request, SupervisedCaseList list, BusinessHours hours, CancellationToken cancellationToken)
    {
        var query = new ListQuery(hours);
        var (from, before) = query.Days("receivedFrom", parameters.ReceivedFrom, "receivedTo", parameters.ReceivedTo);
        var filter = new CaseListFilter(
            query.Names("level", parameters.Level, [WarningLevel.Prompt, WarningLevel.Yellow, WarningLevel.Red]),
            query.Names("status", parameters.Status, Case.OpenStatuses),
            ListQuery.Code(parameters.Department), ListQuery.Code(parameters.Item), from, before, ListQuery.Code(parameters.Window), ListQuery.Code(parameters.Clerk),
            query.Order("sort", parameters.Sort, CaseSortColumn.DueAt));
        var paging = query.PageOf(parameters.Page, parameters.PageSize);
        var csv = query.WantsCsv(request, parameters.Format);
        if (!query.IsValid)
            return query.Problem();
        if (csv)
            return new CsvFile<SupervisedCase>("supervision-cases.csv", SupervisedCaseList.Columns, list.StreamAsync(filter, CancellationToken.None), hours.Zone);
        return TypedResults.Ok(await list.PageAsync(filter, paging, cancellationToken));
    }

    private static async Task<Results<Ok<Page<SupervisedTask>>, CsvFile<SupervisedTask>, ProblemHttpResult>> TasksAsync(
        [AsParameters] TaskListParameters parameters, HttpRequest request, SupervisedTaskList list, BusinessHours hours, CancellationToken cancellationToken)
    {
        var query = new ListQuery(hours);
        var filter = new TaskListFilter(
            query.Names("level", parameters.Level, [WarningLevel.Prompt, WarningLevel.Yellow, WarningLevel.Red]),
            query.Names("status", parameters.Status, [Approval.Workflows.Cases.TaskStatus.Open]),
            ListQuery.Code(parameters.Department), ListQuery.Code(parameters.ClaimedBy), ListQuery.Code(parameters.Item),
            query.Order("sort", parameters.Sort, TaskSortColumn.DueAt));
        var paging = query.PageOf(parameters.Page, parameters.PageSize);
        var csv = query.WantsCsv(request, parameters.Format);
        if (!query.IsValid)
            return query.Problem();
        if (csv)
            return new CsvFile<SupervisedTask>("supervision-tasks.csv", SupervisedTaskList.Columns, list.StreamAsync(filter, CancellationToken.None), hours.Zone);
        return TypedResults.Ok(await list.PageAsync(filter, paging, cancellationToken));
    }

    private static async Task<Results<Ok<Page<SupervisedViolation>>, CsvFile<SupervisedViolation>, ProblemHttpResult>> ViolationsAsync(
        [AsParameters] ViolationListParameters parameters, HttpRequest request, ViolationList list, BusinessHours hours, CancellationToken cancellationToken)
    {
        var query = new ListQuery(hours);
        var (from, before) = query.Days("from", parameters.From, "to", parameters.To);
        var filter = new ViolationListFilter(
            query.Names<ViolationKind>("kind", parameters.Kind, []),
            query.Names<ViolationReview>("review", parameters.Review, []),
            ListQuery.Code(parameters.Department), from, before);
        var paging = query.PageOf(parameters.Page, parameters.PageSize);
        var csv = query.WantsCsv(request, parameters.Format);
        if (!query.IsValid)
            return query.Problem();
        if (csv)
            return new CsvFile<SupervisedViolation>("supervision-violations.csv", ViolationList.Columns, list.StreamAsync(filter, CancellationToken.None), hours.Zone);
        return TypedResults.Ok(await list.PageAsync(filter, paging, cancellationToken));
    }

    private static Task<Results<Ok<SupervisedViolation>, ProblemHttpResult>> ConfirmAsync(long violationId, ReasonRequest? request, ClaimsPrincipal principal,
        ViolationReviews reviews, ViolationList list, TimeProvider time, CancellationToken cancellationToken) =>
        ReviewAsync(violationId, ViolationVerdict.Confirm(CasesEndpoints.Acting(principal).Name, request?.Reason, time.GetUtcNow()), reviews, list, cancellationToken);

    private static Task<Results<Ok<SupervisedViolation>, ProblemHttpResult>> DismissAsync(long violationId, ReasonRequest? request, ClaimsPrincipal principal,
        ViolationReviews reviews, ViolationList list, TimeProvider time, CancellationToken cancellationToken) =>
        ReviewAsync(violationId, ViolationVerdict.Dismiss(CasesEndpoints.Acting(principal).Name, request?.Reason, time.GetUtcNow()), reviews, list, cancellationToken);

    private static async Task<Results<Ok<SupervisedViolation>, ProblemHttpResult>> ReviewAsync(long violationId, ViolationVerdict verdict,
        ViolationReviews reviews, ViolationList list, CancellationToken cancellationToken)
    {
        if (verdict.Problem() is { } problem)
            return TypedResults.Problem(Problems.InvalidField("reason", problem));
        var outcome = await reviews.ReviewAsync(violationId, verdict, cancellationToken);
        var violation = await list.FindAsync(violationId, cancellationToken);
        return (outcome, violation) switch
        {
            (ReviewOutcome.Reviewed, { } reviewed) => TypedResults.Ok(reviewed),
            (ReviewOutcome.AlreadyReviewed, { } earlier) => TypedResults.Problem(Problems.Conflict(
                $"Violation {violationId} was already reviewed ({earlier.Review} by {earlier.ReviewedBy} at {earlier.ReviewedAt:O}); a review is not changed.")),
            _ => TypedResults.Problem(Problems.NotFound($"No violation {violationId}.")),
        };
    }
}

/// <summary>Filters of the case list.</summary>
/// <param name="Level">Warning levels, comma-separated: Green, Prompt, Yellow, Red (default Prompt,Yellow,Red).</param>
/// <param name="Status">Case statuses, comma-separated (default the open ones: Submitted, SupplementRequested, InReview, Suspended, Decided).</param>
/// <param name="Department">A department code: the cases it leads or has an open task on.</param>
/// <param name="Item">An item code (事项编码), e.g. QY-SL-001.</param>
/// <param name="ReceivedFrom">First day received, YYYY-MM-DD.</param>
/// <param name="ReceivedTo">Last day received, YYYY-MM-DD (included).</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to 200 (default 50).</param>
/// <param name="Format">json (default) or csv.</param>
/// <param name="Window">A window code (窗口): the cases it accepted, refused or handed out.</param>
/// <param name="Clerk">A window clerk's user name (经办人): the cases they accepted or refused.</param>
/// <param name="Sort">dueAt (default), receivedAt or number; a leading - sorts descending (-receivedAt: newest first).</param>
internal sealed record CaseListParameters(
    [FromQuery(Name = "level")] string[]? Level,
    [FromQuery(Name = "status")] string[]? Status,
    [FromQuery(Name = "department")] string? Department,
    [FromQuery(Name = "item")] string? Item,
    [FromQuery(Name = "receivedFrom")] string? ReceivedFrom,
    [FromQuery(Name = "receivedTo")] string? ReceivedTo,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "format")] string? Format,
    [FromQuery(Name = "window")] string? Window,
    [FromQuery(Name = "clerk")] string? Clerk,
    [FromQuery(Name = "sort")] string? Sort);

/// <summary>Filters of the task list.</summary>
/// <param name="Level">Warning levels, comma-separated: Green, Prompt, Yellow, Red (default Prompt,Yellow,Red).</param>
/// <param name="Status">Task statuses, comma-separated: Open, Completed, Cancelled (default Open).</param>
/// <param name="Department">The task's department code.</param>
/// <param name="ClaimedBy">The user name holding the task.</param>
/// <param name="Item">The case's item code.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to 200 (default 50).</param>
/// <param name="Format">json (default) or csv.</param>
/// <param name="Sort">dueAt (default), caseNumber or departmentCode; a leading - sorts descending.</param>
internal sealed record TaskListParameters(
    [FromQuery(Name = "level")] string[]? Level,
    [FromQuery(Name = "status")] string[]? Status,
    [FromQuery(Name = "department")] string? Department,
    [FromQuery(Name = "claimedBy")] string? ClaimedBy,
    [FromQuery(Name = "item")] string? Item,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "format")] string? Format,
    [FromQuery(Name = "sort")] string? Sort);

/// <summary>Filters of the violation list.</summary>
/// <param name="Kind">Violation kinds, comma-separated, e.g. OverdueTask,OverdueCase (default all).</param>
/// <param name="Review">Open, Confirmed, Dismissed, comma-separated (default all).</param>
/// <param name="Department">The department the violation is recorded against.</param>
/// <param name="From">First day, YYYY-MM-DD.</param>
/// <param name="To">Last day, YYYY-MM-DD (included).</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to 200 (default 50).</param>
/// <param name="Format">json (default) or csv.</param>
internal sealed record ViolationListParameters(
    [FromQuery(Name = "kind")] string[]? Kind,
    [FromQuery(Name = "review")] string[]? Review,
    [FromQuery(Name = "department")] string? Department,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "format")] string? Format);

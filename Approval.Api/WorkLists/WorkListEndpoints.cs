using System.Security.Claims;
using System.Text.RegularExpressions;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Supervision;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.WorkLists;

/// <summary>
/// Work lists (待办) for every role, so that nobody needs an id a list did not give them: the applicant's own cases, the
/// window's queues, a department's tasks and its head's cases, the staff search, and a count of each for badges. Lists
/// answer pages (<c>page</c> from 1, <c>pageSize</c> up to 200, with <c>total</c>), most urgent first; the staff lists also
/// answer CSV (<c>format=csv</c> or <c>Accept: text/csv</c>), as the supervisors' lists do.
/// </summary>
internal static partial class WorkListEndpoints
{
    private const string Paged = "A page (page from 1, pageSize up to 200, with the total).";
    private const string PagedOrCsv = Paged + " With format=csv or Accept: text/csv: every row as UTF-8 CSV with a byte order mark (times in the service center's time zone).";

    public static IEndpointRouteBuilder MapWorkListEndpoints(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/api/me")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status400BadRequest);
        me.MapGet("/cases", MyCasesAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("申请人: my cases in any state, what I must do next (nextStep: Supplement, PromisedMaterials, CollectResult, Rate, Wait, None) and by when.")
            .WithDescription("Cases needing the applicant first (supplements, promised materials, a result to collect, a rating), then open ones by their next deadline, then closed ones newest first. status filters (comma-separated). " + Paged).WithTags(UserGroups.Applicants).WithName("ListMyCases");
        me.MapGet("/worklist/counts", CountsAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("The pending count of each of the caller's lists, for badges (keys by role; none for supervisors and administrators).")
            .WithDescription("Applicant: actionNeeded. Window clerk: awaitingAcceptance, supplementsReturned, promisesDue, resultsReady (scope=window, or center for a lead clerk). Reviewer: tasks.department, tasks.unclaimed, tasks.claimed, tasks.delegated, tasks.substitute. Head: the same and tasks.reassignable, extensionCandidates, awaitingDecision, noticesToAnswer.").WithTags(UserGroups.SignedIn).WithName("CountWorkLists");

        var window = routes.MapGroup("/api/window").RequireAuthorization(Policies.WindowClerk)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status400BadRequest);
        window.MapGet("/awaiting-acceptance", ([AsParameters] ListArguments a, HttpRequest r, ClaimsPrincipal p, WorkListCaseReader c, BusinessHours h, CancellationToken t) => WindowAsync(WindowList.AwaitingAcceptance, a, r, p, c, h, t))
            .WithSummary("待受理: applications waiting for the window's answer, soonest Art. 32 limit (windowDueAt, 5 working days of receipt) first — the center's one queue.")
            .WithDescription("An application belongs to no window until a clerk answers it: every clerk sees the same queue. item filters. " + PagedOrCsv).WithTags(UserGroups.Window).WithName("ListAwaitingAcceptance");
        window.MapGet("/supplements-returned", ([AsParameters] ListArguments a, HttpRequest r, ClaimsPrincipal p, WorkListCaseReader c, BusinessHours h, CancellationToken t) => WindowAsync(WindowList.SupplementsReturned, a, r, p, c, h, t))
            .WithSummary("补正已交: applications back with the supplements your window asked for (scope=center: any window's), soonest Art. 32 limit first.")
            .WithDescription("scope: window (default) or center (lead clerks only, else 403). item filters. " + PagedOrCsv).WithTags(UserGroups.Window).WithName("ListSupplementsReturned");
        window.MapGet("/promises-due", ([AsParameters] ListArguments a, HttpRequest r, ClaimsPrincipal p, WorkListCaseReader c, BusinessHours h, CancellationToken t) => WindowAsync(WindowList.PromisesDue, a, r, p, c, h, t))
            .WithSummary("容缺待补: cases your window accepted with materials missing, soonest promised day first (promiseDueAt; past it the case ends).")
            .WithDescription("scope: window (default) or center (lead clerks only; includes every window's). item filters. " + PagedOrCsv).WithTags(UserGroups.Window).WithName("ListPromisesDue");
        window.MapGet("/results-ready", ([AsParameters] ListArguments a, HttpRequest r, ClaimsPrincipal p, WorkListCaseReader c, BusinessHours h, CancellationToken t) => WindowAsync(WindowList.ResultsReady, a, r, p, c, h, t))
            .WithSummary("待出件: decided cases your window accepted, their result to hand out, soonest Art. 44 limit (windowDueAt, 10 working days of the decision) first.")
            .WithDescription("Cases still owing promised materials are in promises-due until they are in. A case accepted by silence (Art. 32) belongs to no window: it is in the center's list. scope: window (default) or center (lead clerks only). " + PagedOrCsv).WithTags(UserGroups.Window).WithName("ListResultsReady");

        var department = routes.MapGroup("/api/department")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status400BadRequest);
        department.MapGet("/tasks", TasksAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("部门待办: the department's open tasks, soonest due first; view Department (default), Unclaimed, Claimed (by me), Delegated (to me), Substitute (held by a colleague away who named me), Reassignable (heads: held by someone away).")
            .WithDescription("level (comma-separated) and item filter. " + PagedOrCsv).WithTags(UserGroups.Departments).WithName("ListDepartmentTasks");
        department.MapGet("/extension-candidates", ([AsParameters] ListArguments a, HttpRequest r, ClaimsPrincipal p, WorkListCaseReader c, BusinessHours h, CancellationToken t) => HeadAsync(HeadList.ExtensionCandidates, a, r, p, c, h, t))
            .RequireAuthorization(Policies.DepartmentHead)
            .WithSummary("延期: cases your department leads, in review or suspended, whose clock shows 提示/黄牌/红牌, soonest due first — where an extension (Art. 42) is decided; asked after the limit it counts as late.")
            .WithDescription(PagedOrCsv).WithTags(UserGroups.Departments).WithName("ListExtensionCandidates");
        department.MapGet("/awaiting-decision", ([AsParameters] ListArguments a, HttpRequest r, ClaimsPrincipal p, WorkListCaseReader c, BusinessHours h, CancellationToken t) => HeadAsync(HeadList.AwaitingDecision, a, r, p, c, h, t))
            .RequireAuthorization(Policies.DepartmentHead)
            .WithSummary("待决定: cases your department leads whose every department has answered, waiting for the head's decision, soonest due first.")
            .WithDescription("Correction notices to answer are GET /api/notices?status=Open,Overdue,Escalated; tasks to reassign are GET /api/department/tasks?view=Reassignable. " + PagedOrCsv).WithTags(UserGroups.Departments).WithName("ListAwaitingDecision");
        department.MapGet("/awaiting-verification", ([AsParameters] ListArguments a, HttpRequest r, ClaimsPrincipal p, WorkListCaseReader c, BusinessHours h, CancellationToken t) => HeadAsync(HeadList.AwaitingVerification, a, r, p, c, h, t))
            .RequireAuthorization(Policies.DepartmentHead)
            .WithSummary("待核查: cases your department leads decided under a 告知承诺 not verified yet (事后核查), soonest verification due first; past it, a violation.")
            .WithDescription("The verification is POST /api/cases/{caseId}/commitment-verification. " + PagedOrCsv).WithTags(UserGroups.Departments).WithName("ListAwaitingVerification");

        routes.MapGet("/api/search/cases", SearchAsync).RequireAuthorization(Policies.Staff)
            .WithSummary("办件查询 for staff: by number, applicantName, applicantId (ID or credit code), item, status, receivedFrom/receivedTo (days); the ID masked in results (110105********002X).")
            .WithDescription("At least one criterion. Matches are exact. Each sees only what they may: a department's staff the cases it leads or has a task in; clerks, supervisors and administrators all; applicants use GET /api/me/cases. Newest received first. " + PagedOrCsv)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).WithTags(UserGroups.Window, UserGroups.Departments, UserGroups.Supervision).WithName("SearchCases");
        return routes;
    }

    /// <summary>A list's name as a count's key: <c>AwaitingAcceptance</c> → <c>awaitingAcceptance</c>.</summary>
    public static string Key<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicyCamel(value.ToString());

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    private static async Task<Results<Ok<Page<ApplicantCase>>, ProblemHttpResult>> MyCasesAsync([AsParameters] MyCasesParameters parameters, ClaimsPrincipal principal,
        ApplicantCaseList list, BusinessHours hours, CancellationToken cancellationToken)
    {
        var query = new ListQuery(hours);
        var statuses = query.Names<CaseStatus>("status", parameters.Status, []);
        var paging = query.PageOf(parameters.Page, parameters.PageSize);
        if (!query.IsValid)
            return query.Problem();
        if (principal.ToUser()!.ApplicantIdNumber is not { } id)
            return TypedResults.Ok(new Page<ApplicantCase>(paging.Number, paging.Size, 0, []));
        return TypedResults.Ok(await list.PageAsync(id, statuses, paging, cancellationToken));
    }

    private static async Task<Results<Ok<WorkListCountsView>, ProblemHttpResult>> CountsAsync([FromQuery(Name = "scope")] string? scope, ClaimsPrincipal principal,
        WorkListCounts counts, CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        if (ScopeProblem(user, scope, out var window) is { } problem)
            return problem;
        return TypedResults.Ok(new WorkListCountsView(await counts.ForAsync(user, window, cancellationToken)));
    }

    private static async Task<Results<Ok<Page<WorkListCase>>, CsvFile<WorkListCase>, ProblemHttpResult>> WindowAsync(WindowList list, ListArguments arguments,
        HttpRequest request, ClaimsPrincipal principal, WorkListCaseReader reader, BusinessHours hours, CancellationToken cancellationToken)
    {
        if (ScopeProblem(principal.ToUser()!, arguments.Scope, out var window) is { } problem)
            return problem;
        return await CasesAsync(WindowWorkLists.For(list, window, ListQuery.Code(arguments.Item)), $"window-{Regex.Replace(Key(list), "[A-Z]", m => "-" + m.Value.ToLowerInvariant())}.csv",
            arguments, request, reader, hours, cancellationToken);
    }

    private static async Task<Results<Ok<Page<WorkListCase>>, CsvFile<WorkListCase>, ProblemHttpResult>> HeadAsync(HeadList list, ListArguments arguments,
        HttpRequest request, ClaimsPrincipal principal, WorkListCaseReader reader, BusinessHours hours, CancellationToken cancellationToken)
    {
        if (principal.ToUser()!.DepartmentCode is not { } department)
            return TypedResults.Problem(Problems.Forbidden("You belong to no department."));
        return await CasesAsync(HeadWorkLists.For(list, department), $"{Key(list)}.csv", arguments, request, reader, hours, cancellationToken);
    }

    private static async Task<Results<Ok<Page<WorkListCase>>, CsvFile<WorkListCase>, ProblemHttpResult>> SearchAsync([AsParameters] SearchParameters parameters,
        HttpRequest request, ClaimsPrincipal principal, WorkListCaseReader reader, BusinessHours hours, CancellationToken cancellationToken)
    {
        var query = new ListQuery(hours);
        var (from, before) = query.Days("receivedFrom", parameters.ReceivedFrom, "receivedTo", parameters.ReceivedTo);
        var criteria = new CaseSearchCriteria(ListQuery.Code(parameters.Number), ListQuery.Code(parameters.ApplicantName), ListQuery.Code(parameters.ApplicantId),
            ListQuery.Code(parameters.Item), query.Names<CaseStatus>("status", parameters.Status, []), from, before);
        var arguments = new ListArguments(null, null, parameters.Page, parameters.PageSize, parameters.Format);
        if (criteria.IsEmpty && query.IsValid)
            return TypedResults.Problem(Problems.InvalidField("number", ApiReasons.SearchNeedsCriterion));
        if (!query.IsValid)
            return query.Problem();
        return await CasesAsync(StaffCaseSearch.For(principal.ToUser()!, criteria), "cases.csv", arguments, request, reader, hours, cancellationToken);
    }

    private static async Task<Results<Ok<Page<WorkListCase>>, CsvFile<WorkListCase>, ProblemHttpResult>> CasesAsync(CaseListQuery list, string fileName,
        ListArguments arguments, HttpRequest request, WorkListCaseReader reader, BusinessHours hours, CancellationToken cancellationToken)
    {
        var query = new ListQuery(hours);
        var paging = query.PageOf(arguments.Page, arguments.PageSize);
        var csv = query.WantsCsv(request, arguments.Format);
        if (!query.IsValid)
            return query.Problem();
        if (csv)
            return new CsvFile<WorkListCase>(fileName, WorkListCaseReader.Columns, reader.StreamAsync(list, CancellationToken.None), hours.Zone);
        return TypedResults.Ok(await reader.PageAsync(list, paging, cancellationToken));
    }

    private static async Task<Results<Ok<Page<DepartmentTask>>, CsvFile<DepartmentTask>, ProblemHttpResult>> TasksAsync([AsParameters] TaskViewParameters parameters,
        HttpRequest request, ClaimsPrincipal principal, DepartmentTaskList list, BusinessHours hours, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        if (user.DepartmentCode is not { } department)
            return TypedResults.Problem(Problems.Forbidden("You belong to no department."));
        var query = new ListQuery(hours);
        var views = query.Names<TaskView>("view", parameters.View is null ? null : [parameters.View], [TaskView.Department]);
        var levels = query.Names<WarningLevel>("level", parameters.Level, []);
        var paging = query.PageOf(parameters.Page, parameters.PageSize);
        var csv = query.WantsCsv(request, parameters.Format);
        if (!query.IsValid)
            return query.Problem();
        if (views.Count != 1)
            return TypedResults.Problem(Problems.InvalidField("view", ApiReasons.OneViewAtATime));
        var view = Enum.Parse<TaskView>(views[0]);
        if (view == TaskView.Reassignable && user.Role != Role.DepartmentHead)
            return TypedResults.Problem(Problems.Forbidden("only the department's head reassigns tasks"));
        var filter = new TaskListRequest(view, department, user.UserName, levels, ListQuery.Code(parameters.Item), time.GetUtcNow());
        if (csv)
            return new CsvFile<DepartmentTask>("tasks.csv", DepartmentTaskList.Columns, list.StreamAsync(filter, CancellationToken.None), hours.Zone);
        return TypedResults.Ok(await list.PageAsync(filter, paging, cancellationToken));
    }

    // A clerk's lists are their window's; the whole center's only for a lead clerk.
    private static ProblemHttpResult? ScopeProblem(User user, string? scope, out string? window)
    {
        window = WindowWorkLists.OwnWindow(user);
        if (string.IsNullOrWhiteSpace(scope) || scope.Equals("window", StringComparison.OrdinalIgnoreCase))
            return null;
        if (!scope.Equals("center", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(Problems.InvalidField("scope", ApiReasons.WindowOrCenter));
        if (user.Role == Role.WindowClerk && !user.IsLeadClerk)
            return TypedResults.Problem(Problems.Forbidden("only a lead clerk (窗口负责人) sees the whole center's lists"));
        window = null;
        return null;
    }
}

/// <summary>The counts of the caller's lists, by list.</summary>
public sealed record WorkListCountsView(IReadOnlyDictionary<string, int> Counts);

/// <summary>Paging and filters of a staff case list.</summary>
/// <param name="Scope">window (default: the clerk's own window) or center (lead clerks only). Window lists only.</param>
/// <param name="Item">An item code (事项编码), e.g. QY-SL-001. Window lists only.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to 200 (default 50).</param>
/// <param name="Format">json (default) or csv.</param>
internal sealed record ListArguments(
    [FromQuery(Name = "scope")] string? Scope,
    [FromQuery(Name = "item")] string? Item,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "format")] string? Format);

/// <summary>Paging and filters of the applicant's cases.</summary>
/// <param name="Status">Case statuses, comma-separated (default all).</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to 200 (default 50).</param>
internal sealed record MyCasesParameters(
    [FromQuery(Name = "status")] string[]? Status,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize);

/// <summary>Which tasks, filtered how.</summary>
/// <param name="View">Department (default), Unclaimed, Claimed, Delegated, Substitute, Reassignable (heads).</param>
/// <param name="Level">Warning levels, comma-separated: Green, Prompt, Yellow, Red (default all).</param>
/// <param name="Item">The case's item code.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to 200 (default 50).</param>
/// <param name="Format">json (default) or csv.</param>
internal sealed record TaskViewParameters(
    [FromQuery(Name = "view")] string? View,
    [FromQuery(Name = "level")] string[]? Level,
    [FromQuery(Name = "item")] string? Item,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "format")] string? Format);

/// <summary>What staff search cases by (at least one).</summary>
/// <param name="Number">The case number (办件编号), exactly.</param>
/// <param name="ApplicantName">The applicant's full name, exactly.</param>
/// <param name="ApplicantId">The applicant's resident ID or unified social credit code, exactly (case-insensitive).</param>
/// <param name="Item">An item code.</param>
/// <param name="Status">Case statuses, comma-separated (default all).</param>
/// <param name="ReceivedFrom">First day received, YYYY-MM-DD.</param>
/// <param name="ReceivedTo">Last day received, YYYY-MM-DD (included).</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to 200 (default 50).</param>
/// <param name="Format">json (default) or csv.</param>
internal sealed record SearchParameters(
    [FromQuery(Name = "number")] string? Number,
    [FromQuery(Name = "applicantName")] string? ApplicantName,
    [FromQuery(Name = "applicantId")] string? ApplicantId,
    [FromQuery(Name = "item")] string? Item,
    [FromQuery(Name = "status")] string[]? Status,
    [FromQuery(Name = "receivedFrom")] string? ReceivedFrom,
    [FromQuery(Name = "receivedTo")] string? ReceivedTo,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "format")] string? Format);

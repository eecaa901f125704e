using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Inputs;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Supervision;

/// <summary>
/// Complaints (投诉): an applicant files one about their own case or in general and reads their own; supervisors list
/// them, decide within 5 working days (take up, or decline with the reason), transfer them to a department with a due
/// time, and resolve them with the outcome the complainant reads.
/// </summary>
internal static class ComplaintEndpoints
{
    public static IEndpointRouteBuilder MapComplaintEndpoints(this IEndpointRouteBuilder routes)
    {
        var applicant = routes.MapGroup("/api/complaints")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        applicant.MapPost("/", FileAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("投诉: files a complaint (body { caseId (optional, one of yours), contact, body }); supervisors decide within 5 working days.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Supervision decides within 5 working days whether to take it up and tells a real-name complainant why; it handles the complaint itself or transfers it to the department, which reports the result in a set time; the complainant hears the outcome.").WithTags(UserGroups.Applicants).WithName("FileComplaint");
        applicant.MapGet("/", MineAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("The caller's complaints, newest first, with what became of them; pages.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("Each complaint's state (received, handling, transferred, declined with the reason, resolved with the outcome), newest first; page and pageSize.").WithTags(UserGroups.Applicants).WithName("ListMyComplaints");

        var supervision = routes.MapGroup("/api/supervision/complaints")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        supervision.MapGet("/", ListAsync).RequireAuthorization(Policies.Oversight)
            .WithSummary("Complaints, newest first; filters status (Received, Handling, TransferredToDepartment, Declined, Resolved), breached (true: not decided within 5 working days); pages, or CSV.")
            .WithDescription("Paged JSON, or every matching row as UTF-8 CSV with a byte order mark for format=csv or Accept: text/csv (times in the service center's time zone).")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Supervision).WithName("ListComplaints");
        supervision.MapPost("/{complaintId}/take-up", TakeUpAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("受理: supervisors take the complaint up and handle it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Supervision decides within 5 working days of receipt whether to take a complaint up; past that it shows as breached.").WithTags(UserGroups.Supervision).WithName("TakeUpComplaint");
        supervision.MapPost("/{complaintId}/decline", DeclineAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("不予受理: declines the complaint, with the reason the complainant reads (body { reason }).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("The complainant reads the reason; a complaint declined is closed.").WithTags(UserGroups.Supervision).WithName("DeclineComplaint");
        supervision.MapPost("/{complaintId}/transfer", TransferAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("转办: transfers the complaint to a department, which reports within the due time (body { departmentCode, dueInWorkingDays }).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("The department reports the result within dueInWorkingDays; supervision then resolves the complaint with the outcome.").WithTags(UserGroups.Supervision).WithName("TransferComplaint");
        supervision.MapPost("/{complaintId}/resolve", ResolveAsync).RequireAuthorization(Policies.Supervisor)
            .WithSummary("办结: resolves a complaint taken up or transferred, with the outcome the complainant reads (body { outcome }).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("The complainant reads the outcome; the complaint is closed.").WithTags(UserGroups.Supervision).WithName("ResolveComplaint");
        return routes;
    }

    private static async Task<Results<Created<Complaint>, ProblemHttpResult>> FileAsync(ComplaintRequest request, ClaimsPrincipal principal,
        ComplaintDesk desk, ICaseSessions sessions, CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        var errors = new List<(string Field, ProblemText Reason)>();
        if (string.IsNullOrWhiteSpace(request.Contact))
            errors.Add(("contact", ApiReasons.ComplaintContact));
        if (string.IsNullOrWhiteSpace(request.Body))
            errors.Add(("body", ApiReasons.ComplaintBody));
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        var caseId = ListQuery.Code(request.CaseId);
        if (caseId is not null && await CasesEndpoints.ReadableAsync(caseId, user, sessions, cancellationToken) is null)
            return CasesEndpoints.NotFound(caseId);
        var complaint = await desk.FileAsync(caseId, user.UserName, request.Contact!, request.Body!, cancellationToken);
        return TypedResults.Created($"/api/complaints/{complaint.Id}", complaint);
    }

    private static async Task<Results<Ok<Page<Complaint>>, ProblemHttpResult>> MineAsync([FromQuery(Name = "page")] int? page,
        [FromQuery(Name = "pageSize")] int? pageSize, ClaimsPrincipal principal, ComplaintList list, BusinessHours hours, CancellationToken cancellationToken)
    {
        var query = new ListQuery(hours);
        var paging = query.PageOf(page, pageSize);
        if (!query.IsValid)
            return query.Problem();
        return TypedResults.Ok(await list.PageAsync(new ComplaintListFilter([], principal.ToUser()!.UserName, null), paging, cancellationToken));
    }

    private static async Task<Results<Ok<Page<Complaint>>, CsvFile<Complaint>, ProblemHttpResult>> ListAsync([AsParameters] ComplaintListParameters parameters,
        HttpRequest request, ComplaintList list, BusinessHours hours, CancellationToken cancellationToken)
    {
        var query = new ListQuery(hours);
        var filter = new ComplaintListFilter(query.Names<ComplaintStatus>("status", parameters.Status, []), null, parameters.Breached);
        var paging = query.PageOf(parameters.Page, parameters.PageSize);
        var csv = query.WantsCsv(request, parameters.Format);
        if (!query.IsValid)
            return query.Problem();
        if (csv)
            return new CsvFile<Complaint>("supervision-complaints.csv", ComplaintList.Columns, list.StreamAsync(filter, CancellationToken.None), hours.Zone);
        return TypedResults.Ok(await list.PageAsync(filter, paging, cancellationToken));
    }

    private static Task<Results<Ok<Complaint>, ProblemHttpResult>> TakeUpAsync(long complaintId, ClaimsPrincipal principal, ComplaintDesk desk,
        CancellationToken cancellationToken) =>
        Found(complaintId, desk.TakeUpAsync(complaintId, CasesEndpoints.Acting(principal).Name, cancellationToken));

    private static async Task<Results<Ok<Complaint>, ProblemHttpResult>> DeclineAsync(long complaintId, ReasonRequest? request, ClaimsPrincipal principal,
        ComplaintDesk desk, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Reason))
            return TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.DeclineTellsWhy));
        return await Found(complaintId, desk.DeclineAsync(complaintId, CasesEndpoints.Acting(principal).Name, request.Reason, cancellationToken));
    }

    private static async Task<Results<Ok<Complaint>, ProblemHttpResult>> TransferAsync(long complaintId, TransferRequest? request, ClaimsPrincipal principal,
        ComplaintDesk desk, CancellationToken cancellationToken)
    {
        var errors = new List<(string Field, ProblemText Reason)>();
        if (string.IsNullOrWhiteSpace(request?.DepartmentCode))
            errors.Add(("departmentCode", ApiReasons.Required));
        if (request?.DueInWorkingDays is not (>= 1 and <= NoticeEndpoints.MaxDueWorkingDays))
            errors.Add(("dueInWorkingDays", ApiReasons.FromOneTo(NoticeEndpoints.MaxDueWorkingDays)));
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        return await Found(complaintId, desk.TransferAsync(complaintId, CasesEndpoints.Acting(principal).Name, request!.DepartmentCode!.Trim(),
            request.DueInWorkingDays!.Value, cancellationToken));
    }

    private static async Task<Results<Ok<Complaint>, ProblemHttpResult>> ResolveAsync(long complaintId, OutcomeRequest? request, ClaimsPrincipal principal,
        ComplaintDesk desk, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.Outcome))
            return TypedResults.Problem(Problems.InvalidField("outcome", ApiReasons.OutcomeTold));
        return await Found(complaintId, desk.ResolveAsync(complaintId, CasesEndpoints.Acting(principal).Name, request.Outcome, cancellationToken));
    }

    private static async Task<Results<Ok<Complaint>, ProblemHttpResult>> Found(long complaintId, Task<Complaint?> step) =>
        await step is { } complaint ? TypedResults.Ok(complaint) : TypedResults.Problem(Problems.NotFound($"No complaint {complaintId}."));
}

/// <summary>A complaint: about one of the applicant's cases, or in general.</summary>
public sealed record ComplaintRequest([property: MaxLength(TextLimits.Code)] string? CaseId, [property: MaxLength(TextLimits.Name)] string? Contact, [property: MaxLength(TextLimits.Prose)] string? Body);

/// <summary>A transfer to a department, with the working days it has to report.</summary>
public sealed record TransferRequest([property: MaxLength(TextLimits.Code)] string? DepartmentCode, int? DueInWorkingDays);

/// <summary>What the complainant is told.</summary>
public sealed record OutcomeRequest([property: MaxLength(TextLimits.Prose)] string? Outcome);

/// <summary>Filters of the supervisors' complaint list.</summary>
/// <param name="Status">Statuses, comma-separated (default all).</param>
/// <param name="Breached">true: only those not decided within 5 working days; false: only the others.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Rows per page, 1 to 200 (default 50).</param>
/// <param name="Format">json (default) or csv.</param>
internal sealed record ComplaintListParameters(
    [FromQuery(Name = "status")] string[]? Status,
    [FromQuery(Name = "breached")] bool? Breached,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize,
    [FromQuery(Name = "format")] string? Format);

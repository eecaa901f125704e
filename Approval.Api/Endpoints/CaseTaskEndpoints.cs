using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Inputs;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Endpoints;

/// <summary>The departments' work: their task list, claiming, opinions, the clock, extensions and the lead's decision.</summary>
internal static class CaseTaskEndpoints
{
    public static RouteGroupBuilder MapCaseTaskEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/tasks", ListAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("The caller's department's tasks, soonest due first (default: open ones).").WithDescription("A task is one department's review of one case (并联审批), each with its own clock and warning level. status (default Open) filters; the department's views (unclaimed, claimed, delegated…) are /api/department/tasks.").WithTags(UserGroups.Departments).WithName("ListTasks");

        var group = routes.MapGroup("/api/cases/{caseId}")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/tasks/{taskId}/claim", ClaimAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("认领: a reviewer of the task's department takes it.").WithDescription("A reviewer of the department takes the task; it is then theirs to answer. A task someone else holds is refused (409).").WithTags(UserGroups.Departments).WithName("ClaimTask");
        group.MapPost("/tasks/{taskId}/release", ReleaseAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("Gives a claimed task back to the department.").WithDescription("The holder gives the task back to the department's queue (unclaimed); its clock keeps running.").WithTags(UserGroups.Departments).WithName("ReleaseTask");
        group.MapPost("/tasks/{taskId}/delegate", DelegateAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("委托: the reviewer holding the task hands it to a colleague of the department (body { to: userName }).")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("The colleague finds the task under tasks.delegated and acts on it; the delegator may take it back at any time. Recorded on the timeline.").WithTags(UserGroups.Departments).WithName("DelegateTask");
        group.MapPost("/tasks/{taskId}/take-back", TakeBackAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("收回: the reviewer who delegated the task takes it back.").WithDescription("Only the reviewer who delegated the task; the colleague's acts meanwhile stay recorded.").WithTags(UserGroups.Departments).WithName("TakeBackTask");
        group.MapPost("/tasks/{taskId}/reassign", ReassignAsync).RequireAuthorization(Policies.DepartmentHead)
            .WithSummary("改派: the department's head gives the task to another of its reviewers (body { to: userName, reason }).")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("A head's act, for a task held by someone away or stuck: the reason is required and recorded on the timeline.").WithTags(UserGroups.Departments).WithName("ReassignTask");
        group.MapPost("/tasks/{taskId}/opinion", OpinionAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("The department's opinion: Approve, ApproveWithConditions, ReturnForSupplement or Refuse (with a reason).")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("Body: { verdict, reason }. A refusal or a return for supplement states its reason. When every department has answered, the lead department's head decides (待决定).").WithTags(UserGroups.Departments).WithName("GiveOpinion");
        group.MapPost("/clock/suspend", SuspendAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("特别程序: stops the case's clock (expert review, inspection, hearing…), with the reason told to the applicant.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("Body: { reason, expectedDays }. Hearing, testing, inspection, quarantine, appraisal and expert review time does not count (Art. 45): the case's clocks stop and the reason is told to the applicant in writing. A suspension without a stated reason is refused (and is a violation the supervisors see).").WithTags(UserGroups.Departments).WithName("SuspendClock");
        group.MapPost("/clock/resume", ResumeAsync).RequireAuthorization(Policies.DepartmentStaff)
            .WithSummary("Restarts the case's clock; the suspended working days do not count.").WithDescription("The days suspended under Art. 45 are added to every open deadline of the case; warning levels are computed again.").WithTags(UserGroups.Departments).WithName("ResumeClock");
        group.MapPost("/extension", ExtendAsync).RequireAuthorization(Policies.DepartmentHead)
            .WithSummary("延期: the lead department's head extends the limit (10 working days; 15 for joint handling), before it passes.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("Body: { reason }. Decision within 20 working days of acceptance, extendable by 10 with the head's approval and a reason told to the applicant (Art. 42); joint handling 45 + 15. An extension asked for after the limit has passed counts as overdue and is refused.").WithTags(UserGroups.Departments).WithName("ExtendTimeLimit");
        group.MapPost("/decision", DecideAsync).RequireAuthorization(Policies.DepartmentHead)
            .WithSummary("准予 / 不予许可: the lead department's head decides once every department has reviewed.")
            .WithDescription("The verdict defaults to the departments' opinions merged by severity and may not be milder; a refusal carries every department's reasons.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Departments).WithName("DecideCase");
        group.MapPost("/commitment-verification", VerifyCommitmentAsync).RequireAuthorization(Policies.DepartmentHead)
            .WithSummary("事后核查: the lead department's head records the verification of a 告知承诺 after the decision ({ kept, finding }).")
            .WithDescription("Kept: recorded on the timeline. False: the decision is revoked (撤销), the case ends Revoked and the applicant gets a BrokenPromise credit record with the case as evidence, in the same commit; their next application is refused 容缺 and 告知承诺.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithTags(UserGroups.Departments).WithName("GiveCommitmentFinding");
        return group;
    }

    private static async Task<Ok<IReadOnlyList<TaskListEntry>>> ListAsync(ClaimsPrincipal principal, IDbContextFactory<ApprovalDbContext> contexts,
        CancellationToken cancellationToken, string status = "Open")
    {
        var department = principal.ToUser()!.DepartmentCode;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from t in db.CaseTasks
                          join c in db.Cases on t.CaseId equals c.Id
                          where t.DepartmentCode == department && t.Status == status
                          orderby t.DueAt
                          select new TaskListEntry(t.Id, c.Id, c.Number, c.ItemCode, c.ApplicantName, t.DepartmentCode, t.Status, t.OpenedAt, t.DueAt, t.ClaimedBy))
            .Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TaskListEntry>>(rows);
    }

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> ClaimAsync(string caseId, string taskId, ClaimsPrincipal principal,
        DepartmentDesk desk, CancellationToken cancellationToken) =>
        CasesEndpoints.Step(() => desk.ClaimAsync(caseId, taskId, CasesEndpoints.Acting(principal), cancellationToken), principal);

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> ReleaseAsync(string caseId, string taskId, ClaimsPrincipal principal,
        DepartmentDesk desk, CancellationToken cancellationToken) =>
        CasesEndpoints.Step(() => desk.ReleaseAsync(caseId, taskId, CasesEndpoints.Acting(principal), cancellationToken), principal);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> DelegateAsync(string caseId, string taskId, HandOverRequest request, ClaimsPrincipal principal,
        DepartmentColleagues colleagues, DepartmentDesk desk, CancellationToken cancellationToken)
    {
        if (await colleagues.FindAsync(principal.ToUser()!, request.To, cancellationToken) is not { } colleague)
            return ColleagueProblem(request.To, principal);
        return await CasesEndpoints.Step(() => desk.DelegateAsync(caseId, taskId, CasesEndpoints.Acting(principal), colleague.UserName, cancellationToken), principal);
    }

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> TakeBackAsync(string caseId, string taskId, ClaimsPrincipal principal,
        DepartmentDesk desk, CancellationToken cancellationToken) =>
        CasesEndpoints.Step(() => desk.TakeBackAsync(caseId, taskId, CasesEndpoints.Acting(principal), cancellationToken), principal);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> ReassignAsync(string caseId, string taskId, HandOverRequest request, ClaimsPrincipal principal,
        DepartmentColleagues colleagues, DepartmentDesk desk, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.ReassignmentStatesReason));
        if (await colleagues.FindAsync(principal.ToUser()!, request.To, cancellationToken) is not { } colleague)
            return ColleagueProblem(request.To, principal);
        return await CasesEndpoints.Step(() => desk.ReassignAsync(caseId, taskId, CasesEndpoints.Acting(principal), colleague.UserName, request.Reason, cancellationToken), principal);
    }

    // A task changes hands only within its department: who the colleague is is the user store's to say, the case's department the step's.
    private static ProblemHttpResult ColleagueProblem(string? to, ClaimsPrincipal principal) => string.IsNullOrWhiteSpace(to)
        ? TypedResults.Problem(Problems.InvalidField("to", ApiReasons.NameColleague))
        : TypedResults.Problem(Problems.InvalidField("to", ApiReasons.NotReviewerOf(to, principal.ToUser()!.DepartmentCode ?? "")));

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> OpinionAsync(string caseId, string taskId, OpinionRequest request, ClaimsPrincipal principal,
        DepartmentDesk desk, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Verdict>(request.Verdict, ignoreCase: true, out var verdict))
            return TypedResults.Problem(Problems.InvalidField("verdict", ApiReasons.VerdictKind));
        var reason = request.Reason?.Trim();
        if (new Opinion("", verdict, reason, null).Problem() is { } problem)
            return TypedResults.Problem(Problems.InvalidField("reason", problem.Text));
        return await CasesEndpoints.Step(() => desk.GiveOpinionAsync(caseId, taskId, CasesEndpoints.Acting(principal), verdict, reason, cancellationToken), principal);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> SuspendAsync(string caseId, SuspendRequest request, ClaimsPrincipal principal,
        DepartmentDesk desk, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.SuspensionStatesReason));
        if (request.ExpectedDays is < 1 or > 365)
            return TypedResults.Problem(Problems.InvalidField("expectedDays", ApiReasons.ExpectedDaysRange));
        return await CasesEndpoints.Step(() => desk.SuspendClockAsync(caseId, CasesEndpoints.Acting(principal), request.Reason, request.ExpectedDays, cancellationToken), principal);
    }

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> ResumeAsync(string caseId, ClaimsPrincipal principal, DepartmentDesk desk, CancellationToken cancellationToken) =>
        CasesEndpoints.Step(() => desk.ResumeClockAsync(caseId, CasesEndpoints.Acting(principal), cancellationToken), principal);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> ExtendAsync(string caseId, ReasonRequest request, ClaimsPrincipal principal,
        DepartmentDesk desk, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
            return TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.ExtensionStatesReason));
        return await CasesEndpoints.Step(() => desk.ExtendAsync(caseId, CasesEndpoints.Acting(principal), request.Reason, cancellationToken), principal);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> VerifyCommitmentAsync(string caseId, CommitmentVerificationRequest? request,
        ClaimsPrincipal principal, DepartmentDesk desk, CancellationToken cancellationToken)
    {
        if (request?.Kept is not { } kept)
            return TypedResults.Problem(Problems.InvalidField("kept", ApiReasons.KeptOrFalse));
        if (string.IsNullOrWhiteSpace(request.Finding))
            return TypedResults.Problem(Problems.InvalidField("finding", ApiReasons.Required));
        return await CasesEndpoints.Step(() => desk.VerifyCommitmentAsync(caseId, CasesEndpoints.Acting(principal), kept, request.Finding, cancellationToken), principal);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> DecideAsync(string caseId, DecisionRequest request, ClaimsPrincipal principal,
        DepartmentDesk desk, CancellationToken cancellationToken)
    {
        Verdict? verdict = null;
        if (request.Verdict is not null)
        {
            if (!Enum.TryParse<Verdict>(request.Verdict, ignoreCase: true, out var parsed))
                return TypedResults.Problem(Problems.InvalidField("verdict", ApiReasons.VerdictKind));
            verdict = parsed;
        }
        return await CasesEndpoints.Step(() => desk.DecideAsync(caseId, CasesEndpoints.Acting(principal), verdict, request.Reason, cancellationToken), principal);
    }
}

/// <summary>A line of a department's task list.</summary>
public sealed record TaskListEntry(string TaskId, string CaseId, string CaseNumber, string ItemCode, string ApplicantName, string DepartmentCode,
    string Status, DateTimeOffset OpenedAt, DateTimeOffset? DueAt, string? ClaimedBy);

/// <summary>Hands a task over: to whom (a user name of the department) and, for a reassignment, why.</summary>
public sealed record HandOverRequest([property: MaxLength(TextLimits.Name)] string? To, [property: MaxLength(TextLimits.Reason)] string? Reason);

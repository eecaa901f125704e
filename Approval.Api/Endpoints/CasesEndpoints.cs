using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Identity;
using Approval.Workflows.Cases;
using Approval.Workflows.Inputs;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Endpoints;

/// <summary>Cases (办件): applications, the window's steps, the applicant's steps, reading a case and its timeline.</summary>
internal static class CasesEndpoints
{
    public static RouteGroupBuilder MapCasesEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/cases").ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/", SubmitAsync).RequireAuthorization(Policies.Submitter)
            .WithSummary("Submits an application (网上申报, or registered at the window).")
            .WithDescription("Send an Idempotency-Key header: a retried submission returns the case the first one created (200) instead of a second case (201). Applicants apply for themselves: the applicant's ID must be theirs.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).WithTags(UserGroups.Applicants, UserGroups.Window).WithName("SubmitCase");
        group.MapGet("/{caseId}", GetAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Reads a case the caller may see: an applicant their own, a department those it reviews.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("The case (办件) with its number, item, applicant (IDs masked for staff who do not need them), status, every department's task and clock, warning levels, deadlines, suspensions and extension. An applicant sees only their own cases, a department only the cases it reviews; any other case answers 404, as a missing one does.").WithTags(UserGroups.Applicants, UserGroups.Window, UserGroups.Departments, UserGroups.Supervision).WithName("GetCase");
        group.MapGet("/{caseId}/timeline", TimelineAsync).RequireAuthorization(Policies.SignedIn)
            .WithSummary("Who did what, when, why: every step of the case.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Every step of the case in order, with its actor, instant and reason (受理, 补正, 承办, 审核, 暂停/恢复, 延期, 批准, 办结…): nothing is ever deleted, so the timeline is the case's record for supervision and for reconsideration.").WithTags(UserGroups.Applicants, UserGroups.Window, UserGroups.Departments, UserGroups.Supervision).WithName("GetCaseTimeline");

        group.MapPost("/{caseId}/accept", AcceptAsync).RequireAuthorization(Policies.WindowClerk)
            .WithSummary("受理: accepts the application; the departments' parallel reviews open with their own clocks.")
            .WithDescription("feeCharged records the fee taken; one different from the catalog's is recorded as 违规收费. With { missingMaterials: [codes], promisedBy: \"YYYY-MM-DD\" }: 容缺受理 — only materials the catalog allows to be missing, promised within the promised limit; the case is terminated if they do not arrive by then. With { commitment: { statement } }: 告知承诺 — only for an item that offers it; the lead department verifies the commitment after the decision. Either path is refused (409, naming the record) to an applicant whose credit standing excludes promises.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Window).WithName("AcceptCase");
        group.MapPost("/{caseId}/refuse", RefuseAsync).RequireAuthorization(Policies.WindowClerk)
            .WithSummary("不予受理: refuses the application, with the reason (the appeal rights are added).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Body: { reason }. A refusal (不予受理) states its reason; the applicant's right to administrative reconsideration or litigation is added to it (Art. 38). Only an application not yet accepted can be refused (409 otherwise).").WithTags(UserGroups.Window).WithName("RefuseCase");
        group.MapPost("/{caseId}/supplement-requests", RequestSupplementAsync).RequireAuthorization(Policies.WindowClerk)
            .WithSummary("补正: tells the applicant every missing material at once.")
            .WithDescription("A second request on an unchanged application is refused (409) and recorded as a violation; a request after 5 working days counts the case as accepted on the day it was received.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Window).WithName("RequestSupplement");
        group.MapPost("/{caseId}/promised-materials", ReceivePromisedMaterialsAsync).RequireAuthorization(Policies.WindowClerk)
            .WithSummary("容缺后补: the window receives materials promised at 容缺受理 ({ materialCodes: [codes] }).")
            .WithDescription("Only materials still owed; once all are in, the promise is kept and the result may be handed out. Promised materials not in by close of business of the promised day end the case (终止), decided or not.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Window).WithName("ReceivePromisedMaterials");
        group.MapPost("/{caseId}/deliver", DeliverAsync).RequireAuthorization(Policies.WindowClerk)
            .WithSummary("出件: hands out the decided result; the case is completed. With materials still owed under a 容缺 promise, 409.")
            .ProducesProblem(StatusCodes.Status409Conflict).WithDescription("The window hands the decided result (licence or decision document) to the applicant within 10 working days of the decision (Art. 44); the case is completed (办结) and the applicant may rate the service.").WithTags(UserGroups.Window).WithName("DeliverResult");

        group.MapPost("/{caseId}/supplements", SupplementAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("The applicant supplies what the window asked for.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Body: { form } (files are attached first). What the window asked for in its one supplement request (一次告知, Art. 32); the application goes back to the window's queue 补正已交.").WithTags(UserGroups.Applicants).WithName("SupplyMaterials");
        group.MapPost("/{caseId}/withdraw", WithdrawAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("撤回: the applicant withdraws an undecided case.")
            .ProducesProblem(StatusCodes.Status409Conflict).WithDescription("Body: { reason } (optional). An open case not yet decided may be withdrawn (撤回); its clocks stop and the timeline keeps the reason.").WithTags(UserGroups.Applicants).WithName("WithdrawCase");
        group.MapPost("/{caseId}/rating", RateAsync).RequireAuthorization(Policies.Applicant)
            .WithSummary("满意度评价: the applicant rates a delivered or refused case, once: score 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意, with an optional comment.")
            .WithDescription("A second rating, or one before the case is delivered or refused, is 409. The rating is a line of the case's timeline and counts in the satisfaction of the department, the windows and the people who handled the case.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithTags(UserGroups.Applicants).WithName("RateCase");
        return group;
    }

    private static async Task<Results<Created<CaseView>, Ok<CaseView>, ProblemHttpResult>> SubmitAsync(
        SubmitRequest request, ClaimsPrincipal principal, CaseIntake intake, [FromHeader(Name = "Idempotency-Key"), MaxLength(TextLimits.Code)] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        if (request.Applicant is null || string.IsNullOrWhiteSpace(request.ItemCode))
            return TypedResults.Problem(Problems.InvalidField(request.Applicant is null ? "applicant" : "itemCode", ApiReasons.Required));
        if (!Enum.TryParse<ApplicantKind>(request.Applicant.Kind, ignoreCase: true, out var kind))
            return TypedResults.Problem(Problems.InvalidField("applicant.kind", ApiReasons.PersonOrOrganisation));
        if (user.Role == Role.Applicant && !string.Equals(user.ApplicantIdNumber, request.Applicant.IdNumber?.Trim(), StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(Problems.Forbidden("an applicant applies under their own resident ID or credit code"));
        var application = new Application(request.ItemCode.Trim(),
            new Applicant(kind, request.Applicant.IdNumber?.Trim().ToUpperInvariant() ?? "", request.Applicant.Name?.Trim() ?? "", request.Applicant.Phone), request.Form);
        var intake_ = await intake.SubmitAsync(application, user, string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey, cancellationToken);
        var view = CaseView.For(intake_.Case, user);
        return intake_.Created ? TypedResults.Created($"/api/cases/{view.Id}", view) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetAsync(string caseId, ClaimsPrincipal principal, ICaseSessions sessions, CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        var @case = await ReadableAsync(caseId, user, sessions, cancellationToken);
        return @case is null ? NotFound(caseId) : TypedResults.Ok(CaseView.For(@case, user));
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntryView>>, ProblemHttpResult>> TimelineAsync(string caseId, ClaimsPrincipal principal, ICaseSessions sessions, CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        var @case = await ReadableAsync(caseId, user, sessions, cancellationToken);
        return @case is null ? NotFound(caseId) : TypedResults.Ok(TimelineEntryView.For(@case, user));
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> AcceptAsync(string caseId, AcceptRequest? request, ClaimsPrincipal principal, WindowDesk window,
        CancellationToken cancellationToken)
    {
        if (request?.FeeCharged is < 0)
            return TypedResults.Problem(Problems.InvalidField("feeCharged", ApiReasons.FeeNotNegative));
        if (request?.Commitment is { } commitment)
        {
            if (request.MissingMaterials is { Count: > 0 } || request.PromisedBy is not null)
                return TypedResults.Problem(Problems.InvalidField("commitment", ApiReasons.CommitmentOrMissingMaterials));
            if (string.IsNullOrWhiteSpace(commitment.Statement))
                return TypedResults.Problem(Problems.InvalidField("commitment.statement", ApiReasons.Required));
            // The item's offer and the applicant's standing now decide whether 告知承诺 is open (WindowDesk, domain.md §7).
            return await Step(() => window.AcceptUnderCommitmentAsync(caseId, Acting(principal), commitment.Statement, request.FeeCharged, cancellationToken), principal);
        }
        if (request?.MissingMaterials is not { Count: > 0 } missing)
            return await Step(() => window.AcceptAsync(caseId, Acting(principal), request?.FeeCharged, cancellationToken), principal);
        if (request.PromisedBy is not { } promisedBy)
            return TypedResults.Problem(Problems.InvalidField("promisedBy", ApiReasons.PromiseNeedsDate));
        // The applicant's credit standing now decides whether 容缺受理 is offered (WindowDesk, domain.md §7).
        return await Step(() => window.AcceptWithMissingMaterialsAsync(caseId, Acting(principal), missing, promisedBy, cancellationToken), principal);
    }

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> RefuseAsync(string caseId, ReasonRequest request, ClaimsPrincipal principal, WindowDesk window, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Reason)
            ? Task.FromResult<Results<Ok<CaseView>, ProblemHttpResult>>(TypedResults.Problem(Problems.InvalidField("reason", ApiReasons.RefusalStatesReason)))
            : Step(() => window.RefuseAsync(caseId, Acting(principal), request.Reason, cancellationToken), principal);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> RequestSupplementAsync(string caseId, SupplementRequestBody request, ClaimsPrincipal principal,
        WindowDesk window, CancellationToken cancellationToken)
    {
        if (request.MissingMaterials is not { Count: > 0 } missing || missing.Any(string.IsNullOrWhiteSpace))
            return TypedResults.Problem(Problems.InvalidField("missingMaterials", ApiReasons.ListEveryMissingMaterial));
        var (@case, outcome) = await window.RequestSupplementAsync(caseId, Acting(principal), missing, cancellationToken);
        return outcome == SupplementOutcome.RefusedAsRepeated
            ? TypedResults.Problem(Problems.Conflict("supplements were already asked for on this application; a second request is not made and has been recorded as a violation (补正不一次告知)"))
            : TypedResults.Ok(CaseView.For(@case, principal.ToUser()!));
    }

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> ReceivePromisedMaterialsAsync(string caseId, PromisedMaterialsRequest? request,
        ClaimsPrincipal principal, WindowDesk window, CancellationToken cancellationToken) =>
        request?.MaterialCodes is not { Count: > 0 } codes || codes.Any(string.IsNullOrWhiteSpace)
            ? Task.FromResult<Results<Ok<CaseView>, ProblemHttpResult>>(TypedResults.Problem(Problems.InvalidField("materialCodes", ApiReasons.NameMaterialsReceived)))
            : Step(() => window.ReceivePromisedMaterialsAsync(caseId, Acting(principal), [.. codes.Select(c => c.Trim())], cancellationToken), principal);

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> DeliverAsync(string caseId, ClaimsPrincipal principal, WindowDesk window, CancellationToken cancellationToken) =>
        Step(() => window.DeliverAsync(caseId, Acting(principal), cancellationToken), principal);

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> SupplementAsync(string caseId, SupplementBody request, ClaimsPrincipal principal,
        ApplicantDesk applicants, CancellationToken cancellationToken) =>
        Step(() => applicants.SupplementAsync(caseId, Acting(principal), request.Form, cancellationToken), principal);

    private static Task<Results<Ok<CaseView>, ProblemHttpResult>> WithdrawAsync(string caseId, ReasonRequest? request, ClaimsPrincipal principal,
        ApplicantDesk applicants, CancellationToken cancellationToken) =>
        Step(() => applicants.WithdrawAsync(caseId, Acting(principal), request?.Reason, cancellationToken), principal);

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> RateAsync(string caseId, RatingRequest? request, ClaimsPrincipal principal,
        ApplicantDesk applicants, CancellationToken cancellationToken)
    {
        var errors = new List<(string, ProblemText)>();
        if (request?.Score is not (>= 1 and <= 5))
            errors.Add(("score", ApiReasons.RatingScore));
        if (request?.Comment is { Length: > ServiceRating.MaxCommentLength })
            errors.Add(("comment", ApiReasons.AtMostCharacters(ServiceRating.MaxCommentLength)));
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        return await Step(() => applicants.RateAsync(caseId, Acting(principal), (Satisfaction)request!.Score!.Value, request.Comment, cancellationToken), principal);
    }

    internal static async Task<Case?> ReadableAsync(string caseId, User user, ICaseSessions sessions, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(cancellationToken);
        var @case = await session.FindAsync(caseId, cancellationToken);
        return @case is not null && CaseReading.CanRead(user, @case) ? @case : null;
    }

    /// <summary>Runs a step; the domain's refusals become problem details (see <see cref="ExceptionProblems"/>).</summary>
    internal static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Step(Func<Task<Case>> step, ClaimsPrincipal principal) =>
        TypedResults.Ok(CaseView.For(await step(), principal.ToUser()!));

    /// <summary>
    /// Who acts, for the step to decide on the case it loads whether they may: their role, department, the window they
    /// sit at now (the case records it for its window steps), or the applicant they are. Its <c>Name</c> is what a
    /// timeline, a review or a notice records of them: "display name (user name)".
    /// </summary>
    internal static Approval.Workflows.People.Actor Acting(ClaimsPrincipal principal) => Approval.Workflows.People.Actor.Of(principal.ToUser()!);

    internal static ProblemHttpResult NotFound(string caseId)
    {
        var missing = ProblemText.Api("NoCaseYouMaySee", $"No case {caseId} that you may see.");
        return TypedResults.Problem(Problems.NotFound(missing.English).Saying(missing));
    }
}

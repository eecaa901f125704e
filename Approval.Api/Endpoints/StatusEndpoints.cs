using Approval.Api.Contract;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Endpoints;

/// <summary>状态查询: anyone holding a case number and its query code sees what a citizen needs, without signing in.</summary>
internal static class StatusEndpoints
{
    public static RouteHandlerBuilder MapStatusEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/status", GetAsync).AllowAnonymous()
            .WithSummary("Status of a case by its number and query code (printed on the receipt).")
            .WithDescription("Answers the current step, which departments are done, the deadline, and what is asked of the applicant. A wrong code answers 404, like a wrong number.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).WithTags(UserGroups.Public).WithName("GetPublicStatus");

    private static readonly ProblemText NoSuchCase = ProblemText.Api("NoCaseWithNumberAndCode", $"No case with that number and query code.");

    private static async Task<Results<Ok<PublicStatus>, ProblemHttpResult>> GetAsync(string? number, string? queryCode, IDbContextFactory<ApprovalDbContext> contexts, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(queryCode))
            return TypedResults.Problem(Problems.InvalidField(string.IsNullOrWhiteSpace(number) ? "number" : "queryCode",
                ApiReasons.Required));
        return await PublicStatusQuery.FindAsync(contexts, number, queryCode, cancellationToken) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.Problem(Problems.NotFound(NoSuchCase.English).Saying(NoSuchCase));
    }

    /// <summary>The case with the number, when the query code is its own; null otherwise (the caller cannot tell which).</summary>
    internal static async Task<Case?> FindAsync(string number, string queryCode, ICaseSessions sessions, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(cancellationToken);
        var @case = await session.FindByNumberAsync(number.Trim(), cancellationToken);
        return @case is not null && IsItsCode(@case.QueryCode, queryCode) ? @case : null;
    }

    /// <summary>Whether <paramref name="given"/> is the case's query code, as the applicant may type it (spaces, lower case).</summary>
    // Constant-time comparison: the code is the only secret.
    internal static bool IsItsCode(string queryCode, string given) => System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
        System.Text.Encoding.UTF8.GetBytes(queryCode), System.Text.Encoding.UTF8.GetBytes(given.Trim().ToUpperInvariant()));
}

/// <summary>What a citizen sees of a case.</summary>
public sealed record PublicStatus(
    string Number,
    string ItemCode,
    string Status,
    string Step,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? DueAt,
    IReadOnlyList<string> DepartmentsDone,
    IReadOnlyList<string> DepartmentsReviewing,
    IReadOnlyList<string> AskedOfApplicant,
    string? Decision)
{
    /// <summary>What the citizen sees of the case, read from its document (the portal's page; the reference the API's rows are held to).</summary>
    public static PublicStatus From(Case c) =>
        Of(c.Number, c.ItemCode, c.Status, c.ReceivedAt, c.AcceptedAt, c.DueAt, c.Tasks.Select(t => (t.DepartmentCode, t.Status)), c);

    /// <summary>
    /// The answer from the case's columns and task rows (in the order the reviews opened); <paramref name="document"/> is
    /// the case itself, needed only for what its columns do not say: the reason its clock stopped, what was asked of the
    /// applicant and the decision (<see cref="AnsweredWithoutDocument"/>).
    /// </summary>
    internal static PublicStatus Of(string number, string itemCode, CaseStatus status, DateTimeOffset receivedAt, DateTimeOffset? acceptedAt,
        DateTimeOffset? dueAt, IEnumerable<(string Department, Approval.Workflows.Cases.TaskStatus Status)> tasks, Case? document)
    {
        if (document is null && !AnsweredWithoutDocument(status))
            throw new ArgumentNullException(nameof(document), $"a case {status} is answered from its document");
        var step = status switch
        {
            CaseStatus.Submitted => "预审 (pre-review at the window)",
            CaseStatus.SupplementRequested => "补正 (waiting for your supplement)",
            CaseStatus.Refused => "不予受理 (refused at the window)",
            CaseStatus.InReview => "审查 (departments reviewing)",
            CaseStatus.Suspended => "特别程序 (clock stopped: " + (document!.Timeline.LastOrDefault(e => e.Action == CaseAction.ClockSuspended)?.Reason ?? "special procedure") + ")",
            CaseStatus.Decided => "已决定 (decided; result to be collected)",
            CaseStatus.Delivered => "办结 (completed)",
            CaseStatus.Withdrawn => "已撤回 (withdrawn)",
            _ => "终止 (terminated)",
        };
        var asked = status == CaseStatus.SupplementRequested ? document!.SupplementRequests[^1].MissingMaterials : [];
        var all = tasks.ToList();
        return new PublicStatus(number, itemCode, status.ToString(), step, receivedAt, acceptedAt, dueAt,
            [.. all.Where(t => t.Status == Approval.Workflows.Cases.TaskStatus.Completed).Select(t => t.Department)],
            [.. all.Where(t => t.Status == Approval.Workflows.Cases.TaskStatus.Open).Select(t => t.Department)],
            asked, document?.Decision?.Verdict.ToString());
    }

    /// <summary>
    /// The statuses whose answer needs nothing of the case's document: waiting at the window, refused there, or in review.
    /// None of them has a decision (a case is decided only from review, which it leaves then, and re-enters it only with the
    /// decision undone), a stopped clock or a request for supplements.
    /// </summary>
    internal static bool AnsweredWithoutDocument(CaseStatus status) => status is CaseStatus.Submitted or CaseStatus.Refused or CaseStatus.InReview;
}

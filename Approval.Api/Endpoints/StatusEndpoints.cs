using Approval.Api.Contract;
using Approval.Workflows.Cases;
using Microsoft.AspNetCore.Http.HttpResults;

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

    private static async Task<Results<Ok<PublicStatus>, ProblemHttpResult>> GetAsync(string? number, string? queryCode, ICaseSessions sessions, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(queryCode))
            return TypedResults.Problem(Problems.InvalidField(string.IsNullOrWhiteSpace(number) ? "number" : "queryCode",
                ApiReasons.Required));
        return await FindAsync(number, queryCode, sessions, cancellationToken) is { } @case
            ? TypedResults.Ok(PublicStatus.From(@case))
            : TypedResults.Problem(Problems.NotFound(NoSuchCase.English).Saying(NoSuchCase));
    }

    /// <summary>The case with the number, when the query code is its own; null otherwise (the caller cannot tell which).</summary>
    internal static async Task<Case?> FindAsync(string number, string queryCode, ICaseSessions sessions, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(cancellationToken);
        var @case = await session.FindByNumberAsync(number.Trim(), cancellationToken);
        // Constant-time comparison: the code is the only secret.
        return @case is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(@case.QueryCode), System.Text.Encoding.UTF8.GetBytes(queryCode.Trim().ToUpperInvariant()))
            ? @case
            : null;
    }
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
    public static PublicStatus From(Case c)
    {
        var step = c.Status switch
        {
            CaseStatus.Submitted => "预审 (pre-review at the window)",
            CaseStatus.SupplementRequested => "补正 (waiting for your supplement)",
            CaseStatus.Refused => "不予受理 (refused at the window)",
            CaseStatus.InReview => "审查 (departments reviewing)",
            CaseStatus.Suspended => "特别程序 (clock stopped: " + (c.Timeline.LastOrDefault(e => e.Action == CaseAction.ClockSuspended)?.Reason ?? "special procedure") + ")",
            CaseStatus.Decided => "已决定 (decided; result to be collected)",
            CaseStatus.Delivered => "办结 (completed)",
            CaseStatus.Withdrawn => "已撤回 (withdrawn)",
            _ => "终止 (terminated)",
        };
        var asked = c.Status == CaseStatus.SupplementRequested ? c.SupplementRequests[^1].MissingMaterials : [];
        return new PublicStatus(c.Number, c.ItemCode, c.Status.ToString(), step, c.ReceivedAt, c.AcceptedAt, c.DueAt,
            [.. c.Tasks.Where(t => t.Status == Approval.Workflows.Cases.TaskStatus.Completed).Select(t => t.DepartmentCode)],
            [.. c.Tasks.Where(t => t.IsOpen).Select(t => t.DepartmentCode)],
            asked, c.Decision?.Verdict.ToString());
    }
}

using Approval.Api.Contract;
using System.Security.Claims;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.CaseEvents;

/// <summary><c>GET /api/departments/{code}/events</c>: the case events a department's staff or system follows.</summary>
internal static class DepartmentEventEndpoints
{
    public static RouteGroupBuilder MapDepartmentEventEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/departments").RequireAuthorization(Policies.DepartmentStaff);
        group.MapGet("/{departmentCode}/events", ListAsync)
            .WithSummary("The department's case events after a cursor: each timeline line of a case it leads or has a task on, oldest first.")
            .WithDescription("Follow it by asking again with after = the answer's next (start with 0): task opened, claimed, opinion given, "
                             + "warnings (提示 one working day before a task is due, 黄牌, 红牌), clock stopped and resumed, extended, decided, delivered… "
                             + $"limit from 1 to {DepartmentEventFeed.MaximumLimit} (default {DepartmentEventFeed.DefaultLimit}); more = true when another page is "
                             + "waiting. The newest lines are held back a moment (Approval:Events:SettleTime) so that a cursor never passes one still being "
                             + "committed. Only the caller's own department (403 for another, 404 for none).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithTags(UserGroups.Departments).WithName("ListDepartmentEvents");
        return group;
    }

    private static async Task<Results<Ok<DepartmentEventPage>, ProblemHttpResult>> ListAsync(string departmentCode, [FromQuery] long? after,
        [FromQuery] int? limit, ClaimsPrincipal principal, DepartmentEventFeed feed, ICatalog catalog, CancellationToken cancellationToken)
    {
        var errors = new List<(string Field, ProblemText Reason)>();
        if (after is < 0)
            errors.Add(("after", ApiReasons.EventCursor));
        if (limit is < 1 or > DepartmentEventFeed.MaximumLimit)
            errors.Add(("limit", ApiReasons.FromOneTo(DepartmentEventFeed.MaximumLimit)));
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        if ((await catalog.ListDepartmentsAsync(cancellationToken)).All(d => d.Code != departmentCode))
            return TypedResults.Problem(Problems.NotFound($"No department '{departmentCode}'."));
        if (principal.ToUser()?.DepartmentCode != departmentCode)
            return TypedResults.Problem(Problems.Forbidden($"Only {departmentCode}'s own staff and systems follow its case events."));
        return TypedResults.Ok(await feed.ReadAsync(departmentCode, after ?? 0, limit ?? DepartmentEventFeed.DefaultLimit, cancellationToken));
    }
}

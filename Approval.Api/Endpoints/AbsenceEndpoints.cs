using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Identity;
using Approval.Workflows.Inputs;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Endpoints;

/// <summary>A reviewer's own absence: while away, the named colleague acts on the tasks they hold (代理).</summary>
internal static class AbsenceEndpoints
{
    public static RouteGroupBuilder MapAbsenceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/me/absence").RequireAuthorization(Policies.DepartmentStaff);
        group.MapGet("/", async (ClaimsPrincipal principal, EfAbsences absences, CancellationToken ct) =>
                await absences.FindAsync(principal.ToUser()!.UserName, ct) is { } absence ? Results.Ok(absence) : Results.NoContent())
            .Produces<Absence>().Produces(StatusCodes.Status204NoContent).WithSummary("The caller's absence, if one is set.").WithDescription("204 when no absence is set.").WithTags(UserGroups.Departments).WithName("GetMyAbsence");
        group.MapPut("/", SetAsync)
            .WithSummary("Sets the caller's absence: { substitute, from, until }; the substitute (a colleague of the department) acts on their tasks meanwhile.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("Body: { substitute, from, until } (service days, both included). While away, the substitute answers the tasks the caller holds (tasks.substitute) and the head may reassign them.").WithTags(UserGroups.Departments).WithName("SetMyAbsence");
        group.MapDelete("/", async (ClaimsPrincipal principal, EfAbsences absences, CancellationToken ct) =>
            {
                await absences.ClearAsync(principal.ToUser()!.UserName, ct);
                return Results.NoContent();
            })
            .Produces(StatusCodes.Status204NoContent).WithSummary("Ends the caller's absence.").WithDescription("The caller's tasks are theirs alone again.").WithTags(UserGroups.Departments).WithName("EndMyAbsence");
        return group;
    }

    private static async Task<Results<Ok<Absence>, ProblemHttpResult>> SetAsync(AbsenceRequest request, ClaimsPrincipal principal, StaffAdministration staff,
        CancellationToken cancellationToken)
    {
        var change = await staff.SetAbsenceAsync(principal.ToUser()!.UserName, request, cancellationToken);
        return change.Saved is { } absence ? TypedResults.Ok(absence) : TypedResults.Problem(Problems.InvalidField(change.Problem!.Field, change.Problem.Reason));
    }
}

/// <summary>An absence: who acts meanwhile, and when.</summary>
public sealed record AbsenceRequest([property: MaxLength(TextLimits.Name)] string? Substitute, DateTimeOffset? From, DateTimeOffset? Until);

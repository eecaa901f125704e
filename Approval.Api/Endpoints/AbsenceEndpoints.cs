using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
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
        var group = routes.MapGroup("/api/me/absence").WithTags("Department tasks").RequireAuthorization(Policies.DepartmentStaff);
        group.MapGet("/", async (ClaimsPrincipal principal, AbsenceDesk absences, CancellationToken ct) =>
                await absences.FindAsync(principal.ToUser()!, ct) is { } absence ? Results.Ok(absence) : Results.NoContent())
            .WithSummary("The caller's absence, if one is set.");
        group.MapPut("/", SetAsync)
            .WithSummary("Sets the caller's absence: { substitute, from, until }; the substitute (a colleague of the department) acts on their tasks meanwhile.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/", async (ClaimsPrincipal principal, AbsenceDesk absences, CancellationToken ct) =>
            {
                await absences.ClearAsync(principal.ToUser()!, ct);
                return Results.NoContent();
            })
            .WithSummary("Ends the caller's absence.");
        return group;
    }

    private static async Task<Results<Ok<Absence>, ProblemHttpResult>> SetAsync(AbsenceRequest request, ClaimsPrincipal principal, AbsenceDesk desk,
        CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        if (await desk.SetAsync(user, request.Substitute, request.From, request.Until, cancellationToken) is { } error)
            return TypedResults.Problem(Problems.InvalidField(error.Field, error.Reason));
        return TypedResults.Ok((await desk.FindAsync(user, cancellationToken))!);
    }
}

/// <summary>An absence: who acts meanwhile, and when.</summary>
public sealed record AbsenceRequest([property: MaxLength(TextLimits.Name)] string? Substitute, DateTimeOffset? From, DateTimeOffset? Until);

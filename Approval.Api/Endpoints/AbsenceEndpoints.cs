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
        group.MapGet("/", async (ClaimsPrincipal principal, EfAbsences absences, CancellationToken ct) =>
                await absences.FindAsync(principal.ToUser()!.UserName, ct) is { } absence ? Results.Ok(absence) : Results.NoContent())
            .WithSummary("The caller's absence, if one is set.").WithName("GetMyAbsence");
        group.MapPut("/", SetAsync)
            .WithSummary("Sets the caller's absence: { substitute, from, until }; the substitute (a colleague of the department) acts on their tasks meanwhile.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithName("SetMyAbsence");
        group.MapDelete("/", async (ClaimsPrincipal principal, EfAbsences absences, CancellationToken ct) =>
            {
                await absences.ClearAsync(principal.ToUser()!.UserName, ct);
                return Results.NoContent();
            })
            .WithSummary("Ends the caller's absence.").WithName("EndMyAbsence");
        return group;
    }

    private static async Task<Results<Ok<Absence>, ProblemHttpResult>> SetAsync(AbsenceRequest request, ClaimsPrincipal principal, EfAbsences absences,
        EfUserStore users, CancellationToken cancellationToken)
    {
        var user = principal.ToUser()!;
        if (string.IsNullOrWhiteSpace(request.Substitute))
            return TypedResults.Problem(Problems.InvalidField("substitute", "name the colleague who acts meanwhile"));
        var substitute = await users.FindByUserNameAsync(request.Substitute, cancellationToken);
        if (substitute is null || substitute.User.DepartmentCode != user.DepartmentCode || substitute.User.UserName == user.UserName
            || substitute.User.Role is not (Role.DepartmentReviewer or Role.DepartmentHead))
            return TypedResults.Problem(Problems.InvalidField("substitute", $"'{request.Substitute}' is not another reviewer of {user.DepartmentCode}"));
        if (request.From is not { } from || request.Until is not { } until || until <= from)
            return TypedResults.Problem(Problems.InvalidField("until", "give from and until, until after from"));
        var absence = new Absence(user.UserName, substitute.User.UserName, from, until);
        await absences.SetAsync(absence, cancellationToken);
        return TypedResults.Ok(absence);
    }
}

/// <summary>An absence: who acts meanwhile, and when.</summary>
public sealed record AbsenceRequest([property: MaxLength(TextLimits.Name)] string? Substitute, DateTimeOffset? From, DateTimeOffset? Until);

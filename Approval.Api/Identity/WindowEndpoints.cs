using Approval.Api.Contract;
using System.Security.Claims;
using Approval.Api.Endpoints;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Identity;

/// <summary>The hall's windows (窗口): administrators create, rename, close and reopen them and seat clerks at them; supervisors read.</summary>
internal static class WindowEndpoints
{
    public static RouteGroupBuilder MapWindowEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin/windows").WithTags(UserGroups.Administration);
        group.MapGet("/", async (WindowAdministration windows, CancellationToken ct) => TypedResults.Ok(await windows.ListAsync(ct)))
            .RequireAuthorization(Policies.Oversight)
            .WithSummary("Every window of the hall: code, Chinese and English name, place, open or closed, its clerks and the open cases it holds.").WithDescription("The windows as the hall's floor plan has them, for the administrators' windows page and for supervisors reading where cases were accepted. Closed windows are listed too.").WithName("ListWindows");
        group.MapPut("/{code}", SaveAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Adds a window (open) or renames it / moves it in the hall: { name, nameEn, location }. Cases and figures name it by its code, which does not change.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("Body: { name, nameEn, location }; the code in the path is the window's for good (A-Z, 0-9, '-'). A name missing or too long answers 400 naming the field.").WithName("SaveWindow");
        group.MapPost("/{code}/close", CloseAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Closes a window: refused (409, errors.code) while it holds open cases — their results come back to it — and (errors.clerks) while clerks sit at it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithDescription("A closed window takes no new case and gets no clerk; the cases it accepted are still delivered there, so it cannot close while it holds any.").WithName("CloseWindow");
        group.MapPost("/{code}/reopen", ReopenAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Opens a closed window again.").ProducesProblem(StatusCodes.Status404NotFound).WithDescription("The window takes cases and clerks again; nothing else about it changes.").WithName("ReopenWindow");
        group.MapPut("/{code}/clerks/{userName}", AssignAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Seats a window clerk at this (open) window, moving them from the one they were at; their cookies and tokens end.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithDescription("The user must be a window clerk (WindowClerk role); a clerk sits at one window at a time. Their sessions end so that their next sign-in carries the new window.").WithName("AddWindowClerk");
        group.MapDelete("/{code}/clerks/{userName}", UnassignAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Takes a clerk off this window: they have no window (empty window lists) until seated at one again; their cookies and tokens end.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("The clerk keeps their account and role; they accept nothing until seated again. Their sessions end.").WithName("RemoveWindowClerk");
        return group;
    }

    private static async Task<Results<Ok<ServiceWindow>, ProblemHttpResult>> SaveAsync(string code, WindowRequest? request, WindowAdministration windows, CancellationToken cancellationToken) =>
        Answer(await windows.SaveAsync(code, request, cancellationToken));

    private static async Task<Results<Ok<ServiceWindow>, ProblemHttpResult>> CloseAsync(string code, WindowAdministration windows, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        Answer(await windows.CloseAsync(code, principal.ToUser()!.UserName, cancellationToken));

    private static async Task<Results<Ok<ServiceWindow>, ProblemHttpResult>> ReopenAsync(string code, WindowAdministration windows, ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        Answer(await windows.ReopenAsync(code, principal.ToUser()!.UserName, cancellationToken));

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> AssignAsync(string code, string userName, WindowAdministration windows, CancellationToken cancellationToken) =>
        AnswerUser(await windows.AssignAsync(code, userName, cancellationToken));

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> UnassignAsync(string code, string userName, WindowAdministration windows, CancellationToken cancellationToken) =>
        AnswerUser(await windows.UnassignAsync(code, userName, cancellationToken));

    private static Results<Ok<ServiceWindow>, ProblemHttpResult> Answer(WindowChange<ServiceWindow> change) =>
        change.Saved is { } window ? TypedResults.Ok(window) : TypedResults.Problem(ProblemOf(change));

    private static Results<Ok<UserView>, ProblemHttpResult> AnswerUser(WindowChange<User> change) =>
        change.Saved is { } user ? TypedResults.Ok(UserView.From(user)) : TypedResults.Problem(ProblemOf(change));

    /// <summary>A refused change: 404 for no such window or user, 409 for not now, 400 for a field at fault — each naming the field.</summary>
    internal static ProblemDetails ProblemOf<T>(WindowChange<T> change) where T : class
    {
        var (field, reason) = (change.Problem!.Field, change.Problem.Reason);
        var problem = change.Missing ? Problems.NotFound(reason) : change.Conflict ? Problems.Conflict($"Not possible now: {reason}.") : Problems.InvalidField(field, reason);
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason] };
        return problem;
    }
}

using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Supervision;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Notifications;

/// <summary>
/// The caller's own in-app inbox: warning levels of their tasks and cases (提示, 黄牌, 红牌), and the steps of the correction
/// notices and complaints that concern them.
/// </summary>
internal static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/me/notifications").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", ListAsync)
            .WithSummary("The caller's notifications, unread first then newest first: page (from 1), pageSize (1–200, default 50).")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("The in-app inbox (结果反馈 for applicants; new tasks, warnings and notices for staff). Each notification names the case it is about.").WithTags(UserGroups.SignedIn).WithName("ListNotifications");
        group.MapGet("/unread-count", async (ClaimsPrincipal principal, NotificationInbox inbox, CancellationToken ct) =>
                TypedResults.Ok(new UnreadCount(await inbox.UnreadCountAsync(principal.ToUser()!.UserName, ct))))
            .WithSummary("How many of the caller's notifications are unread.").WithDescription("For the badge in the header.").WithTags(UserGroups.SignedIn).WithName("CountUnreadNotifications");
        group.MapPost("/{id}/read", MarkReadAsync)
            .WithSummary("Marks one of the caller's notifications read.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Only the caller's own notifications (404 for any other).").WithTags(UserGroups.SignedIn).WithName("MarkNotificationRead");
        return group;
    }

    private static async Task<Results<Ok<Page<InboxEntry>>, ProblemHttpResult>> ListAsync(ClaimsPrincipal principal, NotificationInbox inbox,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new List<(string, ProblemText)>();
        if (page is < 1)
            errors.Add(("page", ApiReasons.PageStartsAtOne));
        if (pageSize is < 1 or > Paging.MaxSize)
            errors.Add(("pageSize", ApiReasons.FromOneTo(Paging.MaxSize)));
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        return TypedResults.Ok(await inbox.PageAsync(principal.ToUser()!.UserName, page ?? 1, pageSize ?? Paging.DefaultSize, cancellationToken));
    }

    private static async Task<Results<Ok<InboxEntry>, ProblemHttpResult>> MarkReadAsync(long id, ClaimsPrincipal principal, NotificationInbox inbox,
        CancellationToken cancellationToken) =>
        await inbox.MarkReadAsync(principal.ToUser()!.UserName, id, cancellationToken) is { } entry
            ? TypedResults.Ok(entry)
            : TypedResults.Problem(Problems.NotFound($"You have no notification {id}."));
}

/// <summary>How many notifications are unread.</summary>
public sealed record UnreadCount(int Unread);

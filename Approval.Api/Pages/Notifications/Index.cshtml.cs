using Approval.Api.Identity;
using Approval.Api.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Notifications;

/// <summary>The signed-in person's inbox (the same rows as <c>/api/me/notifications</c>), unread first.</summary>
public sealed class IndexModel(NotificationInbox inbox) : PageModel
{
    public IReadOnlyList<InboxEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = (await inbox.PageAsync(User.ToUser()!.UserName, 1, 50, cancellationToken)).Items;

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        await inbox.MarkReadAsync(User.ToUser()!.UserName, id, cancellationToken);
        return Redirect("/notifications");
    }
}

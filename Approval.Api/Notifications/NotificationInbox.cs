using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Notifications;

/// <summary>A notification as its recipient reads it.</summary>
public sealed record InboxEntry(long Id, string Kind, string? CaseId, string? CaseNumber, string Title, string Body, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>
/// The in-app inbox (table <c>Notifications</c>): rows are written with the change they tell of (<c>ICaseSession.Notify</c>,
/// the supervision desks); every one is kept; its recipient marks it read.
/// </summary>
public sealed class NotificationInbox(IDbContextFactory<ApprovalDbContext> contexts, TimeProvider time)
{
    /// <summary>The recipient's notifications, unread first, then newest first.</summary>
    public async Task<Page<InboxEntry>> PageAsync(string recipient, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.Where(n => n.Recipient == recipient);
        var total = await mine.CountAsync(cancellationToken);
        var rows = await mine.OrderBy(n => n.ReadAt == null ? 0 : 1).ThenByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<InboxEntry>(page, pageSize, total, [.. rows.Select(ToEntry)]);
    }

    public async Task<int> UnreadCountAsync(string recipient, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.Recipient == recipient && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks the recipient's notification read (once: a second call keeps the first instant); null when it is not theirs.</summary>
    public async Task<InboxEntry?> MarkReadAsync(string recipient, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Notifications.AsTracking().SingleOrDefaultAsync(n => n.Id == id && n.Recipient == recipient, cancellationToken);
        if (row is null)
            return null;
        if (row.ReadAt is null)
        {
            row.ReadAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return ToEntry(row);
    }

    private static InboxEntry ToEntry(NotificationRecord row) =>
        new(row.Id, row.Kind, row.CaseId, row.CaseNumber, row.Title, row.Body, row.CreatedAt, row.ReadAt);
}

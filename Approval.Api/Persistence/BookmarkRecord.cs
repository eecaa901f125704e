using Approval.Engine.Hosting;
using Approval.Engine.Runtime;

namespace Approval.Api.Persistence;

/// <summary>A row of <c>Bookmarks</c>: a pending bookmark, indexed by name and by due instant. Deleted once resumed or cancelled.</summary>
public sealed class BookmarkRecord
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityType { get; init; }
    public string? Name { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public static BookmarkRecord From(string instanceId, Bookmark bookmark) => new()
    {
        Id = bookmark.Id,
        InstanceId = instanceId,
        ActivityId = bookmark.ActivityId,
        ActivityType = bookmark.ActivityType,
        Name = bookmark.Name,
        DueAt = bookmark.DueAt,
        CreatedAt = bookmark.CreatedAt,
    };

    public BookmarkReference ToReference() => new(Id, InstanceId, Name, DueAt);
}

namespace Approval.Workflows.Catalog;

/// <summary>
/// A published version of an item (事项版本). Versions only grow and none is ever changed: a case keeps the version it was
/// submitted under, so the limits, materials and fee it was promised do not move under it while it runs.
/// </summary>
/// <param name="PublishedAt">Null for the version 1 an item had when versions began to be kept (the migration's backfill).</param>
/// <param name="RolledBackFrom">The older version this one put back in force, if it is a roll back.</param>
public sealed record ItemVersion(ApprovalItem Item, DateTimeOffset? PublishedAt, string? PublishedBy, string? Note, int? RolledBackFrom = null)
{
    public string ItemCode => Item.Code;
    public int Version => Item.Version;
}

/// <summary>An item being edited (草稿): saved as often as wanted, in force only once published as the next version.</summary>
/// <param name="BasedOnVersion">The version in force when the draft was begun, for the page to say what it changes.</param>
public sealed record ItemDraft(ApprovalItem Item, int BasedOnVersion, DateTimeOffset SavedAt, string SavedBy);

/// <summary>How an item is published: by whom, when, why (the note), and whether it puts an older version back.</summary>
public sealed record ItemPublication(string By, DateTimeOffset At, string? Note, int? RolledBackFrom = null);

/// <summary>Two versions of an item published at once: the later one lost and nothing was saved; publish again.</summary>
public sealed class ItemVersionConflictException(string code) : Exception($"another version of {code} was published at the same time: reload and publish again");

namespace Approval.Workflows.Catalog;

/// <summary>
/// The approval-item catalog and the departments, as the domain reads and administrators edit them. An item is kept in
/// versions: the one in force is what new cases are submitted under, and a case reads the version it was submitted under.
/// </summary>
public interface ICatalog
{
    /// <summary>The item's version in force (the last published), or null.</summary>
    Task<ApprovalItem?> FindItemAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>One published version of an item, as it was published, or null.</summary>
    Task<ApprovalItem?> FindItemAsync(string code, int version, CancellationToken cancellationToken = default);

    /// <summary>Every item, each in its version in force.</summary>
    Task<IReadOnlyList<ApprovalItem>> ListItemsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Publishes an item (a new one, or an edit of one) as its next version, in force at once; its problems are checked first.
    /// </summary>
    /// <exception cref="ItemVersionConflictException">Another version was published at the same time; nothing was saved.</exception>
    Task<ItemVersion> PublishItemAsync(ApprovalItem item, ItemPublication publication, CancellationToken cancellationToken = default);

    /// <summary>Every published version of an item, newest first (empty for no such item).</summary>
    Task<IReadOnlyList<ItemVersion>> ListItemVersionsAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>The draft an administrator is editing for the item, or null.</summary>
    Task<ItemDraft?> FindDraftAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Saves (or replaces) the item's draft; the item must exist. Nothing is in force until it is published.</summary>
    Task SaveDraftAsync(ItemDraft draft, CancellationToken cancellationToken = default);

    /// <summary>Drops the item's draft, if any.</summary>
    Task DiscardDraftAsync(string code, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken = default);

    Task SaveDepartmentAsync(Department department, CancellationToken cancellationToken = default);
}

namespace Approval.Workflows.Catalog;

/// <summary>The approval-item catalog and the departments, as the domain reads and administrators edit them.</summary>
public interface ICatalog
{
    Task<ApprovalItem?> FindItemAsync(string code, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ApprovalItem>> ListItemsAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces an item (its problems are checked first).</summary>
    Task SaveItemAsync(ApprovalItem item, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken = default);

    Task SaveDepartmentAsync(Department department, CancellationToken cancellationToken = default);
}

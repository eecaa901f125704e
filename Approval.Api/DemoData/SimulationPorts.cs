using Approval.Engine.Hosting;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Notifications;

namespace Approval.Api.DemoData;

/// <summary>The catalog as read from the database when the generation starts; simulated steps only read it.</summary>
internal sealed class FixedCatalog(IReadOnlyList<ApprovalItem> items, IReadOnlyList<Department> departments) : ICatalog
{
    public Task<ApprovalItem?> FindItemAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult(items.FirstOrDefault(i => i.Code == code));

    public Task<IReadOnlyList<ApprovalItem>> ListItemsAsync(CancellationToken cancellationToken = default) => Task.FromResult(items);

    // The history is generated under the versions in force when it starts: every case is submitted under them.
    public Task<ApprovalItem?> FindItemAsync(string code, int version, CancellationToken cancellationToken = default) =>
        Task.FromResult(items.FirstOrDefault(i => i.Code == code && Math.Max(1, i.Version) == version));

    public Task<ItemVersion> PublishItemAsync(ApprovalItem item, ItemPublication publication, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The demo history does not edit the catalog.");

    public Task<IReadOnlyList<ItemVersion>> ListItemVersionsAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ItemVersion>>([.. items.Where(i => i.Code == code).Select(i => new ItemVersion(i, null, null, null))]);

    public Task<ItemDraft?> FindDraftAsync(string code, CancellationToken cancellationToken = default) => Task.FromResult<ItemDraft?>(null);

    public Task SaveDraftAsync(ItemDraft draft, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The demo history does not edit the catalog.");

    public Task DiscardDraftAsync(string code, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken = default) => Task.FromResult(departments);

    public Task SaveDepartmentAsync(Department department, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The demo history does not edit the catalog.");
}

/// <summary>
/// No wake-ups and no notifications for simulated steps: the simulator runs the sweeps itself at the instants they are
/// due, and once the history is written the application's recurring sweep carries on from the rows (their next
/// threshold). Notifications of the past would only flood the demo users' inboxes.
/// </summary>
internal sealed class QuietSimulation : IWorkflowTimerScheduler, IDeadlineAlarms, INotificationOutbox, IStaffDirectory, Approval.Workflows.People.IAbsences
{
    public static readonly QuietSimulation Instance = new();

    /// <summary>No one is away in a simulated history: a task is answered by the reviewer who holds it.</summary>
    public Task<Approval.Workflows.People.Absence?> FindAsync(string userName, CancellationToken cancellationToken = default) =>
        Task.FromResult<Approval.Workflows.People.Absence?>(null);

    public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt)
    {
    }

    public void Arm(string caseId, DateTimeOffset at)
    {
    }

    public void Wake()
    {
    }

    public Task<IReadOnlyList<string>> ReviewersOfAsync(string departmentCode, CancellationToken cancellationToken = default) => None;

    public Task<IReadOnlyList<string>> HeadsOfAsync(string departmentCode, CancellationToken cancellationToken = default) => None;

    public Task<IReadOnlyList<string>> ClerksAsync(CancellationToken cancellationToken = default) => None;

    public Task<IReadOnlyList<string>> SupervisorsAsync(CancellationToken cancellationToken = default) => None;

    private static Task<IReadOnlyList<string>> None => Task.FromResult<IReadOnlyList<string>>([]);
}

using Approval.Workflows.Notifications;

namespace Approval.Tests.Workflows.Notifications;

/// <summary>A staff directory whose people are named after their post: <c>samr-reviewer</c>, <c>samr-head</c>, <c>clerk-1</c>, <c>supervisor</c>.</summary>
internal sealed class NamedStaff : IStaffDirectory
{
    public Task<IReadOnlyList<string>> ReviewersOfAsync(string departmentCode, CancellationToken cancellationToken = default) => Names($"{departmentCode}-reviewer");

    public Task<IReadOnlyList<string>> HeadsOfAsync(string departmentCode, CancellationToken cancellationToken = default) => Names($"{departmentCode}-head");

    public Task<IReadOnlyList<string>> ClerksAsync(CancellationToken cancellationToken = default) => Names("clerk-1", "clerk-2");

    public Task<IReadOnlyList<string>> SupervisorsAsync(CancellationToken cancellationToken = default) => Names("supervisor");

    private static Task<IReadOnlyList<string>> Names(params string[] names) => Task.FromResult<IReadOnlyList<string>>(names);
}

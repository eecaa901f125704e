using System.Runtime.CompilerServices;
using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>What the task list is filtered by; every list is a set of names, empty meaning "any".</summary>
internal sealed record TaskListFilter(IReadOnlyList<string> Levels, IReadOnlyList<string> Statuses, string? Department, string? ClaimedBy, string? Item,
    ListOrder<TaskSortColumn> Order = default);

/// <summary>A line of the supervisors' task list: a department's review of a case.</summary>
public sealed record SupervisedTask(
    string TaskId,
    string CaseId,
    string CaseNumber,
    string ItemCode,
    string? ItemName,
    string ApplicantName,
    string DepartmentCode,
    string? DepartmentName,
    string Status,
    string Level,
    string? ClaimedBy,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ClosedAt);

/// <summary>The departments' overdue and near-due tasks, soonest due first, from the CaseTasks rows alone.</summary>
internal sealed class SupervisedTaskList(IDbContextFactory<ApprovalDbContext> contexts)
{
    public static readonly IReadOnlyList<CsvColumn<SupervisedTask>> Columns =
    [
        new("taskId", t => t.TaskId), new("caseId", t => t.CaseId), new("caseNumber", t => t.CaseNumber), new("itemCode", t => t.ItemCode),
        new("itemName", t => t.ItemName), new("applicantName", t => t.ApplicantName), new("departmentCode", t => t.DepartmentCode),
        new("departmentName", t => t.DepartmentName), new("status", t => t.Status), new("level", t => t.Level), new("claimedBy", t => t.ClaimedBy),
        new("openedAt", t => t.OpenedAt), new("dueAt", t => t.DueAt), new("closedAt", t => t.ClosedAt),
    ];

    public async Task<Page<SupervisedTask>> PageAsync(TaskListFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Filtered(db, filter);
        var total = await matching.CountAsync(cancellationToken);
        var ids = await Ordered(matching, filter.Order).Skip(paging.Skip).Take(paging.Size).Select(t => t.TaskId).ToListAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        return new Page<SupervisedTask>(paging.Number, paging.Size, total, [.. (await RowsAsync(db, ids, cancellationToken)).Select(r => r.Named(names))]);
    }

    /// <summary>Every matching task, in list order: the order as it stands when the export starts, the rows read in chunks.</summary>
    public async IAsyncEnumerable<SupervisedTask> StreamAsync(TaskListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        var ids = await Ordered(Filtered(db, filter), filter.Order).Select(t => t.TaskId).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            foreach (var row in await RowsAsync(db, chunk, cancellationToken))
                yield return row.Named(names);
        }
    }

    // A CSV's first lines go out after one chunk.
    private const int ChunkSize = 200;

    // Two steps, as for cases: the order from an index alone (the task list's, or its by-item one), then the rows shown.
    private static async Task<IEnumerable<TaskRow>> RowsAsync(ApprovalDbContext db, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rows = await Filtered(db, new TaskListFilter([], [], null, null, null)).Where(t => ids.Contains(t.TaskId))
            .ToDictionaryAsync(r => r.TaskId, StringComparer.Ordinal, cancellationToken);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]);
    }

    // The case's number, item and applicant are the task row's own copies (CaseRows.Tasks), so no case is joined.
    private static IQueryable<TaskRow> Filtered(ApprovalDbContext db, TaskListFilter filter) =>
        from t in Tasks(db, filter)
        select new TaskRow
        {
            TaskId = t.Id, CaseId = t.CaseId, CaseNumber = t.CaseNumber, ItemCode = t.ItemCode, ApplicantName = t.ApplicantName, DepartmentCode = t.DepartmentCode,
            Status = t.Status, Level = t.Level, ClaimedBy = t.ClaimedBy, OpenedAt = t.OpenedAt, DueAt = t.DueAt, ClosedAt = t.ClosedAt,
        };

    private static IQueryable<CaseTaskRecord> Tasks(ApprovalDbContext db, TaskListFilter filter)
    {
        var tasks = db.CaseTasks.AsQueryable();
        var (levels, statuses) = (filter.Levels, filter.Statuses);
        if (levels.Count > 0)
            tasks = tasks.Where(t => levels.Contains(t.Level));
        if (statuses.Count > 0)
            tasks = tasks.Where(t => statuses.Contains(t.Status));
        if (filter.Department is { } department)
            tasks = tasks.Where(t => t.DepartmentCode == department);
        if (filter.ClaimedBy is { } claimedBy)
            tasks = tasks.Where(t => t.ClaimedBy == claimedBy);
        if (filter.Item is { } item)
            tasks = tasks.Where(t => t.ItemCode == item);
        return tasks;
    }

    // By default soonest due first, tasks without a limit last (either way); the task id breaks the last ties, so pages do
    // not overlap. Every column is in the list index.
    private static IQueryable<TaskRow> Ordered(IQueryable<TaskRow> tasks, ListOrder<TaskSortColumn> order) => (order.Column, order.Descending) switch
    {
        (TaskSortColumn.CaseNumber, false) => tasks.OrderBy(t => t.CaseNumber).ThenBy(t => t.DepartmentCode).ThenBy(t => t.TaskId),
        (TaskSortColumn.CaseNumber, true) => tasks.OrderByDescending(t => t.CaseNumber).ThenBy(t => t.DepartmentCode).ThenBy(t => t.TaskId),
        (TaskSortColumn.DepartmentCode, false) => tasks.OrderBy(t => t.DepartmentCode).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CaseNumber).ThenBy(t => t.TaskId),
        (TaskSortColumn.DepartmentCode, true) => tasks.OrderByDescending(t => t.DepartmentCode).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CaseNumber).ThenBy(t => t.TaskId),
        (_, true) => tasks.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenBy(t => t.CaseNumber).ThenBy(t => t.DepartmentCode).ThenBy(t => t.TaskId),
        _ => tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CaseNumber).ThenBy(t => t.DepartmentCode).ThenBy(t => t.TaskId),
    };

    // Built with an initializer, not a constructor, so the database can still order by its members.
    private sealed class TaskRow
    {
        public required string TaskId { get; init; }
        public required string CaseId { get; init; }
        public required string CaseNumber { get; init; }
        public required string ItemCode { get; init; }
        public required string ApplicantName { get; init; }
        public required string DepartmentCode { get; init; }
        public required string Status { get; init; }
        public required string Level { get; init; }
        public string? ClaimedBy { get; init; }
        public DateTimeOffset OpenedAt { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }

        public SupervisedTask Named(CatalogNames names) => new(TaskId, CaseId, CaseNumber, ItemCode, names.Item(ItemCode), ApplicantName, DepartmentCode,
            names.Department(DepartmentCode), Status, Level, ClaimedBy, OpenedAt, DueAt, ClosedAt);
    }
}

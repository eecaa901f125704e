using System.Runtime.CompilerServices;
using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.WorkLists;

/// <summary>Which of a department's open tasks a reviewer or head looks at.</summary>
public enum TaskView
{
    /// <summary>Every open task of the department (today's <c>/api/tasks</c>).</summary>
    Department,
    /// <summary>Open tasks nobody has claimed yet (待认领).</summary>
    Unclaimed,
    /// <summary>Tasks the caller holds (我的待办), claimed or delegated to them.</summary>
    Claimed,
    /// <summary>Tasks a colleague delegated to the caller (委托给我).</summary>
    Delegated,
    /// <summary>Tasks held by a colleague who is away and named the caller their substitute (代理).</summary>
    Substitute,
    /// <summary>A head's: tasks held by a reviewer of the department who is away now (改派候选).</summary>
    Reassignable,
}

/// <summary>A line of a department's task list.</summary>
public sealed record DepartmentTask(
    string TaskId,
    string CaseId,
    string CaseNumber,
    string ItemCode,
    string? ItemName,
    string ApplicantName,
    string DepartmentCode,
    string Status,
    string Level,
    string? ClaimedBy,
    string? DelegatedBy,
    DateTimeOffset OpenedAt,
    DateTimeOffset? DueAt);

/// <summary>Who asks, and what they filter by.</summary>
internal sealed record TaskListRequest(TaskView View, string Department, string UserName, IReadOnlyList<string> Levels, string? Item, DateTimeOffset Now);

/// <summary>
/// A department's open tasks, soonest due first, from the CaseTasks rows alone (they carry their case's number, item and
/// applicant): the department's on IX_CaseTasks_Department (DepartmentCode, Status, ClaimedBy, DueAt, CaseNumber, Id), a
/// person's on IX_CaseTasks_Holder (ClaimedBy, Status, DepartmentCode, DueAt, CaseNumber, Id), counted and sorted on index
/// entries alone.
/// </summary>
internal sealed class DepartmentTaskList(IDbContextFactory<ApprovalDbContext> contexts)
{
    private static readonly string Open = nameof(Approval.Workflows.Cases.TaskStatus.Open);

    public static readonly IReadOnlyList<CsvColumn<DepartmentTask>> Columns =
    [
        new("taskId", t => t.TaskId), new("caseId", t => t.CaseId), new("caseNumber", t => t.CaseNumber), new("itemCode", t => t.ItemCode),
        new("itemName", t => t.ItemName), new("applicantName", t => t.ApplicantName), new("departmentCode", t => t.DepartmentCode),
        new("status", t => t.Status), new("level", t => t.Level), new("claimedBy", t => t.ClaimedBy), new("delegatedBy", t => t.DelegatedBy),
        new("openedAt", t => t.OpenedAt), new("dueAt", t => t.DueAt),
    ];

    public async Task<Page<DepartmentTask>> PageAsync(TaskListRequest request, Paging paging, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = await FilteredAsync(db, request, cancellationToken);
        var total = await matching.CountAsync(cancellationToken);
        var rows = total == 0 ? [] : await Ordered(matching).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        return new Page<DepartmentTask>(paging.Number, paging.Size, total, [.. rows.Select(r => Named(r, names))]);
    }

    public async Task<int> CountAsync(TaskListRequest request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (await FilteredAsync(db, request, cancellationToken)).CountAsync(cancellationToken);
    }

    public async IAsyncEnumerable<DepartmentTask> StreamAsync(TaskListRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        var matching = await FilteredAsync(db, request, cancellationToken);
        await foreach (var row in Ordered(matching).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return Named(row, names);
    }

    internal static async Task<IQueryable<CaseTaskRecord>> FilteredAsync(ApprovalDbContext db, TaskListRequest request, CancellationToken cancellationToken)
    {
        var (department, me) = (request.Department, request.UserName);
        var tasks = db.CaseTasks.AsNoTracking();
        tasks = request.View switch
        {
            TaskView.Department => tasks.Where(t => t.DepartmentCode == department && t.Status == Open),
            TaskView.Unclaimed => tasks.Where(t => t.DepartmentCode == department && t.Status == Open && t.ClaimedBy == null),
            TaskView.Claimed => tasks.Where(t => t.ClaimedBy == me && t.Status == Open && t.DepartmentCode == department),
            TaskView.Delegated => tasks.Where(t => t.ClaimedBy == me && t.Status == Open && t.DepartmentCode == department && t.DelegatedBy != null),
            TaskView.Substitute => HeldBy(tasks, await AwayAsync(db, a => a.Substitute == me, department, request.Now, cancellationToken), department),
            TaskView.Reassignable => HeldBy(tasks, await AwayAsync(db, _ => true, department, request.Now, cancellationToken), department),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.View, null),
        };
        if (request.Levels.Count > 0)
            tasks = tasks.Where(t => request.Levels.Contains(t.Level));
        if (request.Item is { } item)
            tasks = tasks.Where(t => t.ItemCode == item);
        return tasks;
    }

    // The people of the department away now (a handful): their tasks are found on IX_CaseTasks_Holder.
    private static async Task<List<string>> AwayAsync(ApprovalDbContext db, System.Linq.Expressions.Expression<Func<AbsenceRecord, bool>> which, string department,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var absences = await db.Absences.AsNoTracking().Where(which).ToListAsync(cancellationToken);
        var current = absences.Where(a => a.From <= now && now < a.Until).Select(a => a.UserName).ToList();
        if (current.Count == 0)
            return current;
        return await db.Users.Where(u => current.Contains(u.UserName) && u.DepartmentCode == department).Select(u => u.UserName).ToListAsync(cancellationToken);
    }

    private static IQueryable<CaseTaskRecord> HeldBy(IQueryable<CaseTaskRecord> tasks, List<string> holders, string department) =>
        tasks.Where(t => t.ClaimedBy != null && holders.Contains(t.ClaimedBy) && t.Status == Open && t.DepartmentCode == department);

    internal static IOrderedQueryable<CaseTaskRecord> Ordered(IQueryable<CaseTaskRecord> tasks) =>
        tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CaseNumber).ThenBy(t => t.Id);

    private static DepartmentTask Named(CaseTaskRecord t, CatalogNames names) => new(t.Id, t.CaseId, t.CaseNumber, t.ItemCode, names.Item(t.ItemCode),
        t.ApplicantName, t.DepartmentCode, t.Status, t.Level, t.ClaimedBy, t.DelegatedBy, t.OpenedAt, t.DueAt);
}

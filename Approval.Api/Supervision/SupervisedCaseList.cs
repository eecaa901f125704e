using System.Runtime.CompilerServices;
using Approval.Api.Persistence;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>What the case list is filtered by; every list is a set of names, empty meaning "any".</summary>
internal sealed record CaseListFilter(
    IReadOnlyList<string> Levels,
    IReadOnlyList<string> Statuses,
    string? Department,
    string? Item,
    DateTimeOffset? ReceivedFrom,
    DateTimeOffset? ReceivedBefore,
    string? Window = null,
    string? Clerk = null,
    ListOrder<CaseSortColumn> Order = default);

/// <summary>A line of the supervisors' case list.</summary>
public sealed record SupervisedCase(
    string CaseId,
    string Number,
    string ItemCode,
    string? ItemName,
    string ApplicantName,
    string Status,
    string Level,
    string LeadDepartmentCode,
    string? LeadDepartmentName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ClosedAt,
    string? AnsweringClerk = null);

/// <summary>
/// The overdue and near-due cases (红牌, 黄牌, 提示), soonest due first, read from the Cases table's columns — never
/// the case documents. A department matches the cases it leads and those where it has an open task.
/// </summary>
internal sealed class SupervisedCaseList(IDbContextFactory<ApprovalDbContext> contexts)
{
    public static readonly IReadOnlyList<CsvColumn<SupervisedCase>> Columns =
    [
        new("caseId", c => c.CaseId), new("number", c => c.Number), new("itemCode", c => c.ItemCode), new("itemName", c => c.ItemName),
        new("applicantName", c => c.ApplicantName), new("status", c => c.Status), new("level", c => c.Level),
        new("leadDepartmentCode", c => c.LeadDepartmentCode), new("leadDepartmentName", c => c.LeadDepartmentName),
        new("receivedAt", c => c.ReceivedAt), new("acceptedAt", c => c.AcceptedAt), new("dueAt", c => c.DueAt), new("closedAt", c => c.ClosedAt),
        new("answeringClerk", c => c.AnsweringClerk),
    ];

    public async Task<Page<SupervisedCase>> PageAsync(CaseListFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matching = Matching(db, filter);
        var total = await matching.CountAsync(cancellationToken);
        var ids = await Ordered(matching, filter.Order).Skip(paging.Skip).Take(paging.Size).Select(c => c.Id).ToListAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        return new Page<SupervisedCase>(paging.Number, paging.Size, total, [.. (await RowsAsync(db, ids, cancellationToken)).Select(r => r.Named(names))]);
    }

    /// <summary>Every matching case, in list order: the order as it stands when the export starts, the rows read in chunks.</summary>
    public async IAsyncEnumerable<SupervisedCase> StreamAsync(CaseListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        var ids = await Ordered(Matching(db, filter), filter.Order).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            foreach (var row in await RowsAsync(db, chunk, cancellationToken))
                yield return row.Named(names);
        }
    }

    // A CSV's first lines go out after one chunk.
    private const int ChunkSize = 200;

    // Two steps: the order is decided on the list index alone (filter and sort columns, no case document), then only the
    // rows shown are read. Sorting the matching rows themselves would read every one of them, documents and all.
    private static async Task<IEnumerable<CaseRow>> RowsAsync(ApprovalDbContext db, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Cases.Where(c => ids.Contains(c.Id)).Select(Row).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]);
    }

    private static readonly string[] WarnedLevels = [nameof(WarningLevel.Prompt), nameof(WarningLevel.Yellow), nameof(WarningLevel.Red)];

    // A department's cases are two disjoint parts read one after the other (UNION ALL): the cases it leads, and the
    // cases led by another department where it has an open task. As one OR, neither provider can answer it from an index
    // range: SQLite checked every open warned case against the tasks (94–198 ms at a million cases). Each part here is a
    // range: the lead department's cases on the list index, the task's cases by id on IX_Cases_ListById; only the keys
    // are united, so no case row is read before the page is known.
    private static IQueryable<ListKey> Matching(ApprovalDbContext db, CaseListFilter filter)
    {
        var cases = Filtered(db, filter);
        if (filter.Department is not { } department)
            return cases.Select(Key);
        var open = nameof(Approval.Workflows.Cases.TaskStatus.Open);
        var withOpenTask = db.CaseTasks.Where(t => t.DepartmentCode == department && t.Status == open).Select(t => t.CaseId);
        return cases.Where(c => c.LeadDepartmentCode == department).Select(Key)
            .Concat(cases.Where(c => c.LeadDepartmentCode != department && withOpenTask.Contains(c.Id)).Select(Key));
    }

    private static readonly System.Linq.Expressions.Expression<Func<CaseRecord, ListKey>> Key = c =>
        new ListKey { Id = c.Id, DueAt = c.DueAt, Number = c.Number, ReceivedAt = c.ReceivedAt };

    // What decides a case's place in the list: its sort columns and its id (all of them in both indexes above).
    private sealed class ListKey
    {
        public required string Id { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public required string Number { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
    }

    // Every filter but the department (Matching's).
    private static IQueryable<CaseRecord> Filtered(ApprovalDbContext db, CaseListFilter filter)
    {
        var cases = db.Cases.AsQueryable();
        var (levels, statuses) = (filter.Levels, filter.Statuses);
        if (levels.Count > 0)
            cases = cases.Where(c => levels.Contains(c.Level));
        if (statuses.Count > 0)
            cases = cases.Where(c => statuses.Contains(c.Status));
        if (filter.Item is { } item)
            cases = cases.Where(c => c.ItemCode == item);
        if (filter.Window is { } window)
            // Compared through COALESCE on purpose: with the plain columns SQLite answers the OR from the two window indexes,
            // reading every case the window ever handled (a quarter of them all); this way it stays on the list index.
            cases = cases.Where(c => (c.AcceptingWindowCode ?? "") == window || (c.DeliveringWindowCode ?? "") == window);
        if (filter.Clerk is { } clerk)
            cases = cases.Where(c => c.AnsweringClerk == clerk);
        if ((filter.ReceivedFrom is not null || filter.ReceivedBefore is not null) && levels.Count > 0 && levels.All(WarnedLevels.Contains))
            // Says again, in the partial index's own words, that only warned cases are asked for: so a window of days is read
            // off IX_Cases_WarnedByReceipt.
            cases = cases.Where(c => WarnedLevels.Contains(c.Level));
        if (filter.ReceivedFrom is { } from)
            cases = cases.Where(c => c.ReceivedAt >= from);
        if (filter.ReceivedBefore is { } before)
            cases = cases.Where(c => c.ReceivedAt < before);
        return cases;
    }

    // By default soonest due first; cases without a due instant (not accepted yet) last on every provider, either way; the
    // (unique) number breaks ties, so pages neither overlap nor skip. Every column is in the list index.
    private static IQueryable<ListKey> Ordered(IQueryable<ListKey> cases, ListOrder<CaseSortColumn> order) => (order.Column, order.Descending) switch
    {
        (CaseSortColumn.ReceivedAt, false) => cases.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Number),
        (CaseSortColumn.ReceivedAt, true) => cases.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Number),
        (CaseSortColumn.Number, false) => cases.OrderBy(c => c.Number),
        (CaseSortColumn.Number, true) => cases.OrderByDescending(c => c.Number),
        (_, true) => cases.OrderBy(c => c.DueAt == null).ThenByDescending(c => c.DueAt).ThenByDescending(c => c.Number),
        _ => cases.OrderBy(c => c.DueAt == null).ThenBy(c => c.DueAt).ThenBy(c => c.Number),
    };

    private static readonly System.Linq.Expressions.Expression<Func<CaseRecord, CaseRow>> Row = c =>
        new CaseRow(c.Id, c.Number, c.ItemCode, c.ApplicantName, c.Status, c.Level, c.LeadDepartmentCode, c.ReceivedAt, c.AcceptedAt, c.DueAt, c.ClosedAt, c.AnsweringClerk);

    // The columns read; the case document (State) is never loaded.
    private sealed record CaseRow(string Id, string Number, string ItemCode, string ApplicantName, string Status, string Level, string LeadDepartmentCode,
        DateTimeOffset ReceivedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? DueAt, DateTimeOffset? ClosedAt, string? AnsweringClerk)
    {
        public SupervisedCase Named(CatalogNames names) => new(Id, Number, ItemCode, names.Item(ItemCode), ApplicantName, Status, Level,
            LeadDepartmentCode, names.Department(LeadDepartmentCode), ReceivedAt, AcceptedAt, DueAt, ClosedAt, AnsweringClerk);
    }
}

using System.Runtime.CompilerServices;
using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Workflows.Applicants;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.WorkLists;

/// <summary>
/// A line of a staff work list of cases (the window's lists, a department head's, the staff search). The applicant's ID or
/// credit code is masked (<c>110105********002X</c>): a list is read over shoulders; the case, opened, shows it whole.
/// </summary>
public sealed record WorkListCase(
    string CaseId,
    string Number,
    string ItemCode,
    string? ItemName,
    string ApplicantName,
    string ApplicantIdMasked,
    string Status,
    string Level,
    string LeadDepartmentCode,
    string? LeadDepartmentName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? WindowDueAt,
    DateTimeOffset? PromiseDueAt,
    DateTimeOffset? ClosedAt,
    string? AcceptingWindowCode);

/// <summary>
/// Which cases a list holds (on a context) and in what order: the filter and sort the database answers from an index. A
/// list is counted and paged by case id alone; the rows shown are read afterwards.
/// </summary>
internal sealed class CaseListQuery
{
    private readonly Func<ApprovalDbContext, IQueryable<string>> _ids;
    private readonly Func<ApprovalDbContext, IQueryable<string>> _orderedIds;
    private readonly CaseListQuery? _then;

    /// <summary>A list of the Cases rows <paramref name="matching"/> picks, in the <paramref name="order"/> given.</summary>
    public CaseListQuery(Func<ApprovalDbContext, IQueryable<CaseRecord>> matching, Func<IQueryable<CaseRecord>, IOrderedQueryable<CaseRecord>> order)
        : this(db => matching(db).Select(c => c.Id), db => order(matching(db)).Select(c => c.Id))
    {
    }

    private CaseListQuery(Func<ApprovalDbContext, IQueryable<string>> ids, Func<ApprovalDbContext, IQueryable<string>> orderedIds, CaseListQuery? then = null) =>
        (_ids, _orderedIds, _then) = (ids, orderedIds, then);

    /// <summary>
    /// This list's cases in its order, then <paramref name="next"/>'s in its own: a list whose order no single index holds (in
    /// review by due instant, then the suspended, whose clock has none) is read as parts, each counted and paged off its index.
    /// </summary>
    public CaseListQuery Then(CaseListQuery next) => new(_ids, _orderedIds, _then is null ? next : _then.Then(next));

    /// <summary>The parts of the list, in list order (one, unless built with <see cref="Then"/>).</summary>
    public IEnumerable<CaseListQuery> Parts
    {
        get
        {
            for (CaseListQuery? part = this; part is not null; part = part._then)
                yield return new CaseListQuery(part._ids, part._orderedIds);
        }
    }

    /// <summary>How many cases each part holds.</summary>
    public async Task<IReadOnlyList<int>> CountPartsAsync(ApprovalDbContext db, CancellationToken cancellationToken)
    {
        var counts = new List<int>();
        foreach (var part in Parts)
            counts.Add(await part.Ids(db).CountAsync(cancellationToken));
        return counts;
    }

    /// <summary>The ids of a page of the list, given each part's count: a page that spans two parts reads the end of one and the start of the next.</summary>
    public async Task<List<string>> PageIdsAsync(ApprovalDbContext db, IReadOnlyList<int> counts, int skip, int take, CancellationToken cancellationToken)
    {
        var ids = new List<string>(take);
        var index = 0;
        foreach (var part in Parts)
        {
            var count = counts[index++];
            if (ids.Count == take)
                break;
            if (skip >= count)
            {
                skip -= count;
                continue;
            }
            ids.AddRange(await part.OrderedIds(db).Skip(skip).Take(take - ids.Count).ToListAsync(cancellationToken));
            skip = 0;
        }
        return ids;
    }

    /// <summary>Every id of the list, in list order.</summary>
    public async Task<List<string>> AllIdsAsync(ApprovalDbContext db, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        foreach (var part in Parts)
            ids.AddRange(await part.OrderedIds(db).ToListAsync(cancellationToken));
        return ids;
    }

    /// <summary>
    /// A department's cases as its membership rows pick them, newest received first (the search's order): counted and paged on
    /// the rows' own index, no case row read until the page is shown.
    /// </summary>
    public static CaseListQuery OfDepartment(Func<ApprovalDbContext, IQueryable<CaseDepartmentRecord>> members) => new(
        db => members(db).Select(m => m.CaseId),
        db => members(db).OrderByDescending(m => m.ReceivedAt).ThenByDescending(m => m.CaseNumber).Select(m => m.CaseId));

    /// <summary>The ids of the cases of this part of the list, in no order (to count them).</summary>
    public IQueryable<string> Ids(ApprovalDbContext db) => _ids(db);

    /// <summary>The ids of the cases of this part of the list, in its order.</summary>
    public IQueryable<string> OrderedIds(ApprovalDbContext db) => _orderedIds(db);

    /// <summary>Soonest due first by <paramref name="due"/>; cases without that instant last on every provider; the number breaks ties.</summary>
    public static Func<IQueryable<CaseRecord>, IOrderedQueryable<CaseRecord>> SoonestFirst(System.Linq.Expressions.Expression<Func<CaseRecord, DateTimeOffset?>> due)
    {
        var isNull = System.Linq.Expressions.Expression.Lambda<Func<CaseRecord, bool>>(
            System.Linq.Expressions.Expression.Equal(due.Body, System.Linq.Expressions.Expression.Constant(null, typeof(DateTimeOffset?))), due.Parameters);
        return cases => cases.OrderBy(isNull).ThenBy(due).ThenBy(c => c.Number);
    }

    /// <summary>
    /// Soonest due first by a column the list's filter (nearly) always has, ordered as the index holds it, so the database
    /// reads the first page off the index — an IS NULL term in the order made SQLite sort every match (or scan the table).
    /// Rows without the instant (saved before the WorkListIndexes migration) come first on SQLite and SQL Server, last on PostgreSQL.
    /// </summary>
    public static Func<IQueryable<CaseRecord>, IOrderedQueryable<CaseRecord>> ByIndex(System.Linq.Expressions.Expression<Func<CaseRecord, DateTimeOffset?>> due) =>
        cases => cases.OrderBy(due).ThenBy(c => c.Number);

    /// <summary>Newest received first (the search's order).</summary>
    public static IOrderedQueryable<CaseRecord> NewestFirst(IQueryable<CaseRecord> cases) => cases.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Number);
}

/// <summary>
/// Reads the case lists: counts and orders on the list's index, then reads only the rows of the page shown — never the case
/// documents — as the supervisors' case list does.
/// </summary>
internal sealed class WorkListCaseReader(IDbContextFactory<ApprovalDbContext> contexts)
{
    public static readonly IReadOnlyList<CsvColumn<WorkListCase>> Columns =
    [
        new("caseId", c => c.CaseId), new("number", c => c.Number), new("itemCode", c => c.ItemCode), new("itemName", c => c.ItemName),
        new("applicantName", c => c.ApplicantName), new("applicantIdMasked", c => c.ApplicantIdMasked), new("status", c => c.Status),
        new("level", c => c.Level), new("leadDepartmentCode", c => c.LeadDepartmentCode), new("leadDepartmentName", c => c.LeadDepartmentName),
        new("receivedAt", c => c.ReceivedAt), new("acceptedAt", c => c.AcceptedAt), new("dueAt", c => c.DueAt), new("windowDueAt", c => c.WindowDueAt),
        new("promiseDueAt", c => c.PromiseDueAt), new("closedAt", c => c.ClosedAt), new("acceptingWindowCode", c => c.AcceptingWindowCode),
    ];

    public async Task<Page<WorkListCase>> PageAsync(CaseListQuery query, Paging paging, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await query.CountPartsAsync(db, cancellationToken);
        var total = counts.Sum();
        var ids = total == 0 ? [] : await query.PageIdsAsync(db, counts, paging.Skip, paging.Size, cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        return new Page<WorkListCase>(paging.Number, paging.Size, total, [.. (await RowsAsync(db, ids, cancellationToken)).Select(r => r.Named(names))]);
    }

    public async Task<int> CountAsync(CaseListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await query.CountPartsAsync(db, cancellationToken)).Sum();
    }

    /// <summary>Every matching case, in list order as it stands when the export starts, the rows read in chunks.</summary>
    public async IAsyncEnumerable<WorkListCase> StreamAsync(CaseListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        var ids = await query.AllIdsAsync(db, cancellationToken);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            foreach (var row in await RowsAsync(db, chunk, cancellationToken))
                yield return row.Named(names);
        }
    }

    private const int ChunkSize = 200;

    private static async Task<IEnumerable<CaseRow>> RowsAsync(ApprovalDbContext db, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return [];
        var rows = await db.Cases.Where(c => ids.Contains(c.Id))
            .Select(c => new CaseRow(c.Id, c.Number, c.ItemCode, c.ApplicantName, c.ApplicantIdNumber, c.Status, c.Level, c.LeadDepartmentCode, c.ReceivedAt,
                c.AcceptedAt, c.DueAt, c.WindowDueAt, c.PromiseDueAt, c.ClosedAt, c.AcceptingWindowCode))
            .ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, cancellationToken);
        return ids.Where(rows.ContainsKey).Select(id => rows[id]);
    }

    // The columns read; the case document (State) is never loaded.
    private sealed record CaseRow(string Id, string Number, string ItemCode, string ApplicantName, string ApplicantIdNumber, string Status, string Level,
        string LeadDepartmentCode, DateTimeOffset ReceivedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? DueAt, DateTimeOffset? WindowDueAt,
        DateTimeOffset? PromiseDueAt, DateTimeOffset? ClosedAt, string? AcceptingWindowCode)
    {
        public WorkListCase Named(CatalogNames names) => new(Id, Number, ItemCode, names.Item(ItemCode), ApplicantName, IdentityNumberMask.Mask(ApplicantIdNumber),
            Status, Level, LeadDepartmentCode, names.Department(LeadDepartmentCode), ReceivedAt, AcceptedAt, DueAt, WindowDueAt, PromiseDueAt, ClosedAt, AcceptingWindowCode);
    }
}

using System.Runtime.CompilerServices;
using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>What the violation list is filtered by; every list is a set of names, empty meaning "any".</summary>
internal sealed record ViolationListFilter(IReadOnlyList<string> Kinds, IReadOnlyList<string> Reviews, string? Department, DateTimeOffset? From, DateTimeOffset? Before);

/// <summary>A violation recorded by the rules (自动违规警示), with the supervisors' review of it.</summary>
public sealed record SupervisedViolation(
    long Id,
    string CaseId,
    string CaseNumber,
    string ItemCode,
    string Kind,
    DateTimeOffset At,
    string? DepartmentCode,
    string? DepartmentName,
    string? Person,
    string Evidence,
    string Review,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt,
    string? ReviewReason,
    string? CalendarDoubt = null);

/// <summary>The violations, newest first, from the Violations rows (indexed by kind and by review, each with the instant).</summary>
internal sealed class ViolationList(IDbContextFactory<ApprovalDbContext> contexts)
{
    public static readonly IReadOnlyList<CsvColumn<SupervisedViolation>> Columns =
    [
        new("id", v => v.Id), new("caseId", v => v.CaseId), new("caseNumber", v => v.CaseNumber), new("itemCode", v => v.ItemCode),
        new("kind", v => v.Kind), new("at", v => v.At), new("departmentCode", v => v.DepartmentCode), new("departmentName", v => v.DepartmentName),
        new("person", v => v.Person), new("evidence", v => v.Evidence), new("review", v => v.Review), new("reviewedBy", v => v.ReviewedBy),
        new("reviewedAt", v => v.ReviewedAt), new("reviewReason", v => v.ReviewReason), new("calendarDoubt", v => v.CalendarDoubt),
    ];

    public async Task<Page<SupervisedViolation>> PageAsync(ViolationListFilter filter, Paging paging, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Counted without the join: every violation has its case (a foreign key), and the count then needs no case row.
        var total = await Matching(db, filter).CountAsync(cancellationToken);
        var rows = await Ordered(Filtered(db, filter)).Skip(paging.Skip).Take(paging.Size).ToListAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        return new Page<SupervisedViolation>(paging.Number, paging.Size, total, [.. rows.Select(r => r.Named(names))]);
    }

    /// <summary>Every matching violation, in list order, as the database yields them.</summary>
    public async IAsyncEnumerable<SupervisedViolation> StreamAsync(ViolationListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        await foreach (var row in Ordered(Filtered(db, filter)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return row.Named(names);
    }

    /// <summary>One violation, or null when there is none with that id.</summary>
    public async Task<SupervisedViolation?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Joined(db, db.Violations.Where(v => v.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row?.Named(await CatalogNames.ReadAsync(db, cancellationToken));
    }

    /// <summary>The violations of one case, newest first (the (CaseId, Sequence) index): what the supervision hall's drill-down shows.</summary>
    public async Task<IReadOnlyList<SupervisedViolation>> OfCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Ordered(Joined(db, db.Violations.Where(v => v.CaseId == caseId))).ToListAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        return [.. rows.Select(r => r.Named(names))];
    }

    private static IQueryable<ViolationRow> Filtered(ApprovalDbContext db, ViolationListFilter filter) => Joined(db, Matching(db, filter));

    private static IQueryable<ViolationRecord> Matching(ApprovalDbContext db, ViolationListFilter filter)
    {
        var violations = db.Violations.AsQueryable();
        var (kinds, reviews) = (filter.Kinds, filter.Reviews);
        if (kinds.Count > 0)
            violations = violations.Where(v => kinds.Contains(v.Kind));
        if (reviews.Count > 0)
            violations = violations.Where(v => reviews.Contains(v.Review));
        if (filter.Department is { } department)
            violations = violations.Where(v => v.DepartmentCode == department);
        if (filter.From is { } from)
            violations = violations.Where(v => v.At >= from);
        if (filter.Before is { } before)
            violations = violations.Where(v => v.At < before);
        return violations;
    }

    private static IQueryable<ViolationRow> Joined(ApprovalDbContext db, IQueryable<ViolationRecord> violations) =>
        from v in violations
        join c in db.Cases on v.CaseId equals c.Id
        select new ViolationRow
        {
            Id = v.Id, CaseId = c.Id, CaseNumber = c.Number, ItemCode = c.ItemCode, Kind = v.Kind, At = v.At, DepartmentCode = v.DepartmentCode,
            Person = v.Person, Evidence = v.Evidence, Review = v.Review, ReviewedBy = v.ReviewedBy, ReviewedAt = v.ReviewedAt, ReviewReason = v.ReviewReason, CalendarDoubt = v.CalendarDoubt,
        };

    // Newest first; the id (the order rows were written) breaks ties.
    private static IQueryable<ViolationRow> Ordered(IQueryable<ViolationRow> violations) =>
        violations.OrderByDescending(v => v.At).ThenByDescending(v => v.Id);

    // Built with an initializer, not a constructor, so the database can still order by its members.
    private sealed class ViolationRow
    {
        public long Id { get; init; }
        public required string CaseId { get; init; }
        public required string CaseNumber { get; init; }
        public required string ItemCode { get; init; }
        public required string Kind { get; init; }
        public DateTimeOffset At { get; init; }
        public string? DepartmentCode { get; init; }
        public string? Person { get; init; }
        public required string Evidence { get; init; }
        public required string Review { get; init; }
        public string? ReviewedBy { get; init; }
        public DateTimeOffset? ReviewedAt { get; init; }
        public string? ReviewReason { get; init; }
        public string? CalendarDoubt { get; init; }

        public SupervisedViolation Named(CatalogNames names) => new(Id, CaseId, CaseNumber, ItemCode, Kind, At, DepartmentCode, names.Department(DepartmentCode),
            Person, Evidence, Review, ReviewedBy, ReviewedAt, ReviewReason, CalendarDoubt);
    }
}

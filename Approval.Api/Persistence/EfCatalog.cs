using Approval.Workflows.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>
/// The catalog over EF Core: each item kept whole as JSON beside its searchable columns, the version in force in
/// ApprovalItems (with the administrator's draft) and every published version in ApprovalItemVersions, never changed.
/// With <paramref name="writes"/> and a positive <paramref name="listMaxAge"/>, the list of items (the public catalog, read
/// on every visit of the portal and by <c>GET /api/catalog/items</c>) is read once and kept (<see cref="KeptRead{T}"/>):
/// a publication on this node shows at once, one on another node within <paramref name="listMaxAge"/>.
/// </summary>
public sealed class EfCatalog(IDbContextFactory<ApprovalDbContext> contexts, DatabaseWrites? writes = null, TimeProvider? time = null, TimeSpan listMaxAge = default) : ICatalog
{
    /// <summary>How long another node's publication may take to show in the list, unless <c>Approval:Catalog:ListMaxAge</c> says.</summary>
    public static readonly TimeSpan DefaultListMaxAge = TimeSpan.FromSeconds(2);

    private readonly KeptRead<IReadOnlyList<ApprovalItem>> _items = new(ct => ReadItemsAsync(contexts, ct), time ?? TimeProvider.System, writes, listMaxAge);

    public async Task<ApprovalItem?> FindItemAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Items.Where(i => i.Code == code).Select(i => new { i.Json, i.Version }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : Item(row.Json, row.Version);
    }

    public async Task<ApprovalItem?> FindItemAsync(string code, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.ItemVersions.Where(v => v.ItemCode == code && v.Version == version).Select(v => v.Json).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : Item(json, version);
    }

    public Task<IReadOnlyList<ApprovalItem>> ListItemsAsync(CancellationToken cancellationToken = default) => _items.GetAsync(cancellationToken);

    private static async Task<IReadOnlyList<ApprovalItem>> ReadItemsAsync(IDbContextFactory<ApprovalDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Items.OrderBy(i => i.Code).Select(i => new { i.Json, i.Version }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => Item(r.Json, r.Version))];
    }

    public async Task<ItemVersion> PublishItemAsync(ApprovalItem item, ItemPublication publication, CancellationToken cancellationToken = default)
    {
        var problems = item.Problems().ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException($"Item {item.Code} is invalid: {string.Join("; ", problems)}");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Items.AsTracking().SingleOrDefaultAsync(i => i.Code == item.Code, cancellationToken);
        var last = await db.ItemVersions.Where(v => v.ItemCode == item.Code).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var published = item with { Version = last + 1 };
        var json = CaseStateJson.Serialize(published);
        if (row is null)
        {
            db.Items.Add(row = new ApprovalItemRecord { Code = item.Code, Name = item.Name, Kind = item.Kind.ToString(), LeadDepartmentCode = item.LeadDepartmentCode, Json = json });
        }
        (row.Name, row.Kind, row.LeadDepartmentCode, row.Json, row.Version) = (item.Name, item.Kind.ToString(), item.LeadDepartmentCode, json, published.Version);
        // Two publications at once both take the same next number: the key (ItemCode, Version) lets only one of them in.
        db.ItemVersions.Add(new ApprovalItemVersionRecord
        {
            ItemCode = item.Code, Version = published.Version, Json = json, PublishedAt = publication.At, PublishedBy = publication.By,
            Note = publication.Note, RolledBackFrom = publication.RolledBackFrom,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new ItemVersionConflictException(item.Code);
        }
        return new ItemVersion(published, publication.At, publication.By, publication.Note, publication.RolledBackFrom);
    }

    public async Task<IReadOnlyList<ItemVersion>> ListItemVersionsAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ItemVersions.Where(v => v.ItemCode == code).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return [.. rows.Select(v => new ItemVersion(Item(v.Json, v.Version), v.PublishedAt, v.PublishedBy, v.Note, v.RolledBackFrom))];
    }

    public async Task<ItemDraft?> FindDraftAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Items.Where(i => i.Code == code && i.DraftJson != null)
            .Select(i => new { i.DraftJson, i.DraftBasedOn, i.DraftSavedAt, i.DraftSavedBy }).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new ItemDraft(Item(row.DraftJson!, 0), row.DraftBasedOn ?? 1, row.DraftSavedAt ?? default, row.DraftSavedBy ?? "");
    }

    public async Task SaveDraftAsync(ItemDraft draft, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Items.AsTracking().SingleOrDefaultAsync(i => i.Code == draft.Item.Code, cancellationToken)
            ?? throw new InvalidOperationException($"No item {draft.Item.Code} to keep a draft of.");
        (row.DraftJson, row.DraftBasedOn, row.DraftSavedAt, row.DraftSavedBy) = (CaseStateJson.Serialize(draft.Item with { Version = 0 }), draft.BasedOnVersion, draft.SavedAt, draft.SavedBy);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DiscardDraftAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Items.AsTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken) is not { DraftJson: not null } row)
            return;
        (row.DraftJson, row.DraftBasedOn, row.DraftSavedAt, row.DraftSavedBy) = (null, null, null, null);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Department>> ListDepartmentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Departments.OrderBy(d => d.Code).ToListAsync(cancellationToken);
        return [.. rows.Select(d => new Department(d.Code, d.Name))];
    }

    public async Task SaveDepartmentAsync(Department department, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new DepartmentRecord { Code = department.Code, Name = department.Name };
        if (await db.Departments.AnyAsync(d => d.Code == department.Code, cancellationToken))
            db.Departments.Update(row);
        else
            db.Departments.Add(row);
        await db.SaveChangesAsync(cancellationToken);
    }

    // The stored JSON of a version carries its number; the row's column is what counts (the migration's version 1 has none).
    private static ApprovalItem Item(string json, int version) => CaseStateJson.Deserialize<ApprovalItem>(json) with { Version = version };
}

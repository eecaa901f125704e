using Approval.Workflows.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>The catalog over EF Core: each item kept whole as JSON beside its searchable columns.</summary>
public sealed class EfCatalog(IDbContextFactory<ApprovalDbContext> contexts) : ICatalog
{
    public async Task<ApprovalItem?> FindItemAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await db.Items.Where(i => i.Code == code).Select(i => i.Json).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : CaseStateJson.Deserialize<ApprovalItem>(json);
    }

    public async Task<IReadOnlyList<ApprovalItem>> ListItemsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Items.OrderBy(i => i.Code).Select(i => i.Json).ToListAsync(cancellationToken);
        return [.. rows.Select(CaseStateJson.Deserialize<ApprovalItem>)];
    }

    public async Task SaveItemAsync(ApprovalItem item, CancellationToken cancellationToken = default)
    {
        var problems = item.Problems().ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException($"Item {item.Code} is invalid: {string.Join("; ", problems)}");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new ApprovalItemRecord { Code = item.Code, Name = item.Name, Kind = item.Kind.ToString(), LeadDepartmentCode = item.LeadDepartmentCode, Json = CaseStateJson.Serialize(item) };
        if (await db.Items.AnyAsync(i => i.Code == item.Code, cancellationToken))
            db.Items.Update(row);
        else
            db.Items.Add(row);
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
}

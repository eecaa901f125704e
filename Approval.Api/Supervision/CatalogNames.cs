using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>Departments' and items' names by code, for lists people read; the catalog is small, so it is read whole.</summary>
internal sealed record CatalogNames(IReadOnlyDictionary<string, string> Departments, IReadOnlyDictionary<string, string> Items)
{
    public static async Task<CatalogNames> ReadAsync(ApprovalDbContext db, CancellationToken cancellationToken) => new(
        await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Name, StringComparer.Ordinal, cancellationToken),
        await db.Items.ToDictionaryAsync(i => i.Code, i => i.Name, StringComparer.Ordinal, cancellationToken));

    public string? Department(string? code) => code is not null && Departments.TryGetValue(code, out var name) ? name : null;

    public string? Item(string code) => Items.TryGetValue(code, out var name) ? name : null;
}

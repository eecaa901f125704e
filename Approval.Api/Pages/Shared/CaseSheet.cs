using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;

namespace Approval.Api.Pages.Shared;

/// <summary>A case with what a page needs to show it: its item (for material names) and the departments' names.</summary>
public sealed record CaseSheet(Case Case, ApprovalItem? Item, IReadOnlyDictionary<string, string> Departments)
{
    public string DepartmentName(string? code) => code is null ? "" : Departments.GetValueOrDefault(code, code);

    public string MaterialName(string code) => Item?.Materials.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    public string FieldLabel(string name) => Item?.Form.FirstOrDefault(f => f.Name == name)?.Label ?? name;

    /// <summary>Loads the case's sheet; null when there is no such case.</summary>
    public static async Task<CaseSheet?> LoadAsync(string caseId, ICaseSessions sessions, ICatalog catalog, CancellationToken cancellationToken)
    {
        Case? @case;
        await using (var session = await sessions.OpenAsync(cancellationToken))
            @case = await session.FindAsync(caseId, cancellationToken);
        if (@case is null)
            return null;
        // The version the case runs under: its materials and limits, not a later one's.
        var item = await catalog.FindItemAsync(@case.ItemCode, @case.ItemVersion, cancellationToken);
        var departments = (await catalog.ListDepartmentsAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
        return new CaseSheet(@case, item, departments);
    }
}

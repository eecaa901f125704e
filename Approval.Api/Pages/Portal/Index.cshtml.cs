using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Portal;

/// <summary>网上办事大厅: the catalog's items, searched by name or code.</summary>
[AllowAnonymous]
public sealed class IndexModel(ICatalog catalog) : PageModel
{
    [BindProperty(Name = "q", SupportsGet = true)]
    public string? Query { get; set; }

    public IReadOnlyList<ApprovalItem> Items { get; private set; } = [];

    private IReadOnlyDictionary<string, string> _departments = new Dictionary<string, string>();

    public string DepartmentName(string code) => _departments.GetValueOrDefault(code, code);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var items = await catalog.ListItemsAsync(cancellationToken);
        var query = Query?.Trim();
        Items = string.IsNullOrEmpty(query)
            ? items
            : [.. items.Where(i => i.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || i.Code.Contains(query, StringComparison.OrdinalIgnoreCase))];
        _departments = (await catalog.ListDepartmentsAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
    }
}

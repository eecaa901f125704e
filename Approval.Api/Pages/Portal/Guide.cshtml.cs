using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Portal;

/// <summary>办事指南: an item's guide, rendered from the catalog.</summary>
[AllowAnonymous]
public sealed class GuideModel(ICatalog catalog) : PageModel
{
    public ApprovalItem Item { get; private set; } = null!;

    private IReadOnlyDictionary<string, string> _departments = new Dictionary<string, string>();

    public string DepartmentName(string code) => _departments.GetValueOrDefault(code, code);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } item)
            return NotFound();
        Item = item;
        _departments = (await catalog.ListDepartmentsAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
        return Page();
    }
}

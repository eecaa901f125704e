using Approval.Api.Endpoints;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Portal;

/// <summary>办件查询: a case's public status by its number and query code, without signing in — what <c>GET /api/status</c> shows.</summary>
[AllowAnonymous]
public sealed class StatusModel(ICaseSessions sessions, ICatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? QueryCode { get; set; }

    public bool Asked { get; private set; }
    public PublicStatus? Status { get; private set; }
    public string ItemName { get; private set; } = "";

    private ApprovalItem? _item;
    private IReadOnlyDictionary<string, string> _departments = new Dictionary<string, string>();

    public string DepartmentName(string code) => _departments.GetValueOrDefault(code, code);
    public string MaterialName(string code) => _item?.Materials.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(QueryCode))
            return;
        Asked = true;
        if (await StatusEndpoints.FindAsync(Number, QueryCode, sessions, cancellationToken) is not { } @case)
            return;
        Status = PublicStatus.From(@case);
        _item = await catalog.FindItemAsync(@case.ItemCode, @case.ItemVersion, cancellationToken);
        ItemName = _item?.Name ?? @case.ItemCode;
        _departments = (await catalog.ListDepartmentsAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
    }
}

using Approval.Api.Identity;
using Approval.Api.Pages.Workbench;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Portal.Mine;

/// <summary>我的办件: the applicant's own cases.</summary>
public sealed class CasesModel(WorkbenchLists lists, ICatalog catalog) : PageModel
{
    public IReadOnlyList<WorkListLine> Lines { get; private set; } = [];

    private IReadOnlyDictionary<string, string> _items = new Dictionary<string, string>();

    public string ItemName(string code) => _items.GetValueOrDefault(code, code);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Lines = await lists.ApplicantCasesAsync(User.ToUser()!.ApplicantIdNumber, cancellationToken);
        _items = (await catalog.ListItemsAsync(cancellationToken)).ToDictionary(i => i.Code, i => i.Name);
    }
}

using Approval.Api.Identity;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Workbench;

/// <summary>A department's task inbox, the most urgent first (warning colour, working days left).</summary>
[Authorize(Policy = Policies.DepartmentStaff)]
public sealed class TasksModel(WorkbenchLists lists, ICatalog catalog) : PageModel
{
    public IReadOnlyList<WorkListLine> Lines { get; private set; } = [];
    public string DepartmentName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var department = User.ToUser()!.DepartmentCode;
        Lines = await lists.DepartmentTasksAsync(department, cancellationToken);
        DepartmentName = (await catalog.ListDepartmentsAsync(cancellationToken)).FirstOrDefault(d => d.Code == department)?.Name ?? department ?? "";
    }
}

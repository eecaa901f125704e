using Approval.Api.Identity;
using Approval.Api.MachineClients;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Admin;

/// <summary>
/// Department systems' client credentials: the list, issuing one (its secret shown on this answer only, never again) and
/// revoking one. The rules are <see cref="MachineClientAdministration"/>'s, as for <c>/api/admin/clients</c>.
/// </summary>
public sealed class ClientsModel(EfMachineClients clients, MachineClientAdministration administration, ICatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<MachineClient> Clients { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public FieldError? Problem { get; private set; }
    /// <summary>The client just issued and its secret: this page is the only place it is shown.</summary>
    public IssuedClient? Issued { get; private set; }

    public string DepartmentName(string code) => Departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostIssueAsync(string? clientId, string? name, string? departmentCode, CancellationToken cancellationToken)
    {
        var issue = await administration.IssueAsync(clientId, name, departmentCode, User.ToUser()!.UserName, cancellationToken);
        (Issued, Problem) = (issue.Issued, issue.Problem);
        if (Problem is not null)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        // No redirect: the secret is in this answer alone, which the browser does not keep in its history as a GET.
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string clientId, CancellationToken cancellationToken)
    {
        if (await administration.RevokeAsync(clientId, User.ToUser()!.UserName, cancellationToken) is null)
            return NotFound();
        return Redirect("/admin/clients?done=revoked");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Clients = await clients.ListAsync(cancellationToken);
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
    }
}

using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Admin;

/// <summary>Staff and places: every user with role, department or window, lock and absence; who is away now; departments and windows.</summary>
public sealed class UsersModel(EfUserStore users, EfAbsences absences, ICatalog catalog, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<User> Users { get; private set; } = [];
    public IReadOnlyList<Absence> Away { get; private set; } = [];
    public IReadOnlyDictionary<string, DateTimeOffset> Locked { get; private set; } = new Dictionary<string, DateTimeOffset>();
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<IGrouping<string, User>> Windows { get; private set; } = [];
    public FieldError? Problem { get; private set; }

    public string DepartmentName(string? code) => code is null ? "" : Departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDepartmentAsync(string? code, string? name, CancellationToken cancellationToken)
    {
        if (DepartmentInput.Read(code, name, out var problem) is not { } department)
        {
            Problem = problem;
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await catalog.SaveDepartmentAsync(department, cancellationToken);
        return Redirect("/admin/users?done=department#departments");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Users = [.. (await users.ListAsync(cancellationToken)).Where(u => u.Role != Role.Applicant)];
        Away = await absences.ListCurrentAsync(now, cancellationToken);
        Locked = await users.ListLockedAsync(now, cancellationToken);
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
        Windows = [.. Users.Where(u => u.WindowCode is not null).GroupBy(u => u.WindowCode!).OrderBy(g => g.Key, StringComparer.Ordinal)];
    }
}

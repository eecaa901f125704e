using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Admin;

/// <summary>One staff account: its role and place, its absence and substitute (代理人), its lock. Same rules as the API (<see cref="StaffAdministration"/>).</summary>
public sealed class UserAccountModel(EfUserStore users, EfAbsences absences, StaffAdministration staff, ICatalog catalog, BusinessHours hours, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserName { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public User Account { get; private set; } = null!;
    public Absence? Absence { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<User> Colleagues { get; private set; } = [];
    public FieldError? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRoleAsync(string? role, string? departmentCode, string? windowCode, CancellationToken cancellationToken)
    {
        var change = await staff.AssignRoleAsync(UserName, new RoleChange(role, departmentCode, windowCode), cancellationToken);
        return await AfterAsync(change.Problem, change.UserMissing, "role", cancellationToken);
    }

    /// <summary>The dates are whole days in the center's time zone: away from the start of <paramref name="from"/> to the end of <paramref name="until"/>.</summary>
    public async Task<IActionResult> OnPostAbsenceAsync(string? substitute, DateOnly? from, DateOnly? until, CancellationToken cancellationToken)
    {
        var request = new AbsenceRequest(substitute, from is { } f ? StartOf(f) : null, until is { } u ? StartOf(u.AddDays(1)) : null);
        var change = await staff.SetAbsenceAsync(UserName, request, cancellationToken);
        return await AfterAsync(change.Problem, change.UserMissing, "absence", cancellationToken);
    }

    public async Task<IActionResult> OnPostBackAsync(CancellationToken cancellationToken)
    {
        await absences.ClearAsync(UserName, cancellationToken);
        return Redirect($"{PathOf(UserName)}?done=back");
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
    {
        if (await users.FindByUserNameAsync(UserName, cancellationToken) is not { } account)
            return NotFound();
        await users.ClearFailedSignInsAsync(account.User.Id, cancellationToken);
        return Redirect($"{PathOf(UserName)}?done=unlocked");
    }

    public static string PathOf(string userName) => $"/admin/users/{Uri.EscapeDataString(userName)}";

    private DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), hours.Zone.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)));

    private async Task<IActionResult> AfterAsync(FieldError? problem, bool missing, string done, CancellationToken cancellationToken)
    {
        if (missing)
            return NotFound();
        if (problem is null)
            return Redirect($"{PathOf(UserName)}?done={done}");
        Problem = problem;
        if (!await LoadAsync(cancellationToken))
            return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await users.FindByUserNameAsync(UserName, cancellationToken) is not { } account)
            return false;
        Account = account.User;
        var now = time.GetUtcNow();
        Absence = (await absences.ListCurrentAsync(now, cancellationToken)).FirstOrDefault(a => a.UserName == Account.UserName);
        LockedUntil = account.LockedUntil > now ? account.LockedUntil : null;
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
        Colleagues = Account.DepartmentCode is null ? [] : [.. (await users.ListAsync(cancellationToken))
            .Where(u => u.DepartmentCode == Account.DepartmentCode && u.UserName != Account.UserName && u.Role is Role.DepartmentReviewer or Role.DepartmentHead)];
        return true;
    }
}

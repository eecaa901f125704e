using Approval.Api.Identity;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Admin;

/// <summary>
/// The hall's windows (窗口): each with its names, place, open or closed, its clerks and the open cases it holds; a window
/// added or renamed, closed (refused, with the reason, while it holds open cases or clerks) or opened again, a clerk seated
/// at one or taken off it — through <see cref="WindowAdministration"/>, as the API.
/// </summary>
public sealed class WindowsModel(WindowAdministration windows, EfUserStore users) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<WindowView> Windows { get; private set; } = [];
    /// <summary>The window clerks, for the assign lists.</summary>
    public IReadOnlyList<User> Clerks { get; private set; } = [];
    public FieldError? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(string? code, string? name, string? nameEn, string? location, CancellationToken cancellationToken) =>
        await AfterAsync((await windows.SaveAsync(code ?? "", new WindowRequest(name, nameEn, location), cancellationToken)).Problem, "saved", cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(string code, CancellationToken cancellationToken) =>
        await AfterAsync((await windows.CloseAsync(code, Who, cancellationToken)).Problem, "closed", cancellationToken);

    public async Task<IActionResult> OnPostReopenAsync(string code, CancellationToken cancellationToken) =>
        await AfterAsync((await windows.ReopenAsync(code, Who, cancellationToken)).Problem, "reopened", cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(string code, string? userName, CancellationToken cancellationToken) =>
        await AfterAsync((await windows.AssignAsync(code, userName ?? "", cancellationToken)).Problem, "assigned", cancellationToken);

    public async Task<IActionResult> OnPostUnassignAsync(string code, string userName, CancellationToken cancellationToken) =>
        await AfterAsync((await windows.UnassignAsync(code, userName, cancellationToken)).Problem, "unassigned", cancellationToken);

    private string Who => User.ToUser()?.UserName ?? "";

    private async Task<IActionResult> AfterAsync(FieldError? problem, string done, CancellationToken cancellationToken)
    {
        if (problem is null)
            return Redirect($"/admin/windows?done={done}");
        Problem = problem;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Windows = await windows.ListAsync(cancellationToken);
        Clerks = [.. (await users.ListAsync(cancellationToken)).Where(u => u.Role == Role.WindowClerk)];
    }
}

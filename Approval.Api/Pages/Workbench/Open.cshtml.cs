using Approval.Api.Pages.Localization;
using Approval.Workflows.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Workbench;

/// <summary>Opens a case by its number (the applicant's receipt), for staff who may read it.</summary>
public sealed class OpenModel(ICaseSessions sessions, IStringLocalizer<UiText> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? number, CancellationToken cancellationToken)
    {
        Case? found = null;
        if (!string.IsNullOrWhiteSpace(number))
        {
            await using var session = await sessions.OpenAsync(cancellationToken);
            found = await session.FindByNumberAsync(number.Trim(), cancellationToken);
        }
        return found is null
            ? Redirect($"/workbench/window?problem={Uri.EscapeDataString(text["Window.NoSuchCase", number ?? ""])}")
            : Redirect($"/workbench/cases/{found.Id}");
    }
}

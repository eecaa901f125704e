using Approval.Api.Pages.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Errors;

/// <summary>The 403, 404 and 500 pages (and any other status) in the person's language; never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel(IStringLocalizer<UiText> text) : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    // A failed POST is re-executed as a POST.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        var known = code is 403 or 404 or 500 ? code : 0;
        Title = text[$"Errors.{known}.Title", code];
        Explanation = text[$"Errors.{known}.Text"];
        Response.StatusCode = code;
    }
}

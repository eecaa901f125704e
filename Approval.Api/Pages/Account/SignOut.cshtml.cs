using Approval.Api.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Account;

/// <summary>
/// Signs out as <c>POST /api/auth/logout</c> does: the security stamp is replaced, so this cookie and every other
/// session of the person end at once (a POST with the antiforgery token: a link cannot sign anyone out).
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(EfUserStore users) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.ToUser() is { } user)
            await users.RotateSecurityStampAsync(user.Id, cancellationToken);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/account/sign-in");
    }
}

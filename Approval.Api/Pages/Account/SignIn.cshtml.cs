using System.Security.Claims;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Account;

/// <summary>Signs a person in with the same password check and cookie as <c>POST /api/auth/login</c>.</summary>
[AllowAnonymous]
public sealed class SignInModel(PasswordSignIn signIn, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password))
        {
            Problem = text["SignIn.Missing"];
            return Page();
        }
        var user = await signIn.CheckAsync(UserName, Password, cancellationToken);
        if (user is null)
        {
            Problem = text["SignIn.Wrong"];
            return Page();
        }
        var identity = new ClaimsIdentity(ApprovalClaims.Of(user), CookieAuthenticationDefaults.AuthenticationScheme, ApprovalClaims.UserName, ApprovalClaims.Role);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        // Only a local address: a sign-in link must not send the person to another site.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : RoleHomes.For(user.Role));
    }
}

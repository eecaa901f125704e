using System.Security.Claims;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Account;

/// <summary>Signs a person in with the same password check and cookie as <c>POST /api/auth/login</c>.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
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
        var outcome = await signIn.CheckAsync(UserName, Password, cancellationToken);
        if (outcome is not SignInOutcome.SignedIn { Account: var account })
        {
            Problem = outcome switch
            {
                SignInOutcome.Throttled or SignInOutcome.LockedOut => text["SignIn.Locked"],
                _ => text["SignIn.Wrong"],
            };
            return Page();
        }
        var user = account.User;
        // The same claims as /api/auth/login, security stamp included: a cookie without it is refused on first use.
        var identity = new ClaimsIdentity(ApprovalClaims.Of(account), CookieAuthenticationDefaults.AuthenticationScheme, ApprovalClaims.UserName, ApprovalClaims.Role);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        // Only a local address: a sign-in link must not send the person to another site.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl! : RoleHomes.For(user.Role));
    }
}

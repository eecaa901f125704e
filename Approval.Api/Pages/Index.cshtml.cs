using Approval.Api.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages;

/// <summary>The front door: a signed-in person goes to their role's home, anyone else to the portal.</summary>
[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => Redirect(User.ToUser() is { } user ? RoleHomes.For(user.Role) : "/portal");
}

using Hangfire.Dashboard;

namespace Approval.Api.Identity;

/// <summary>
/// Admits administrators and supervisors (policy <see cref="Policies.Oversight"/>) to the Hangfire dashboard, signed in by
/// cookie or bearer token; replaces Hangfire's default, which admits any local request. Hangfire answers others 401 or 403.
/// </summary>
internal sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.ToUser() is { } user && Policies.Roles[Policies.Oversight].Contains(user.Role);
}

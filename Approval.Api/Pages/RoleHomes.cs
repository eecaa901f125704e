using Approval.Workflows.People;

namespace Approval.Api.Pages;

/// <summary>Where each role lands after signing in.</summary>
internal static class RoleHomes
{
    public static string For(Role role) => role switch
    {
        Role.Applicant => "/portal/mine/cases",
        Role.WindowClerk => "/workbench/window",
        Role.DepartmentReviewer or Role.DepartmentHead => "/workbench/tasks",
        Role.Administrator => "/admin",
        _ => "/oversight",
    };
}

using Approval.Workflows.Cases;
using Approval.Workflows.People;

namespace Approval.Api.Endpoints;

/// <summary>Record-level rules: who may read a case, on top of the role policies of each endpoint.</summary>
internal static class CaseAccess
{
    /// <summary>An applicant reads their own cases; a department the cases it reviews or leads; the window, supervisors and administrators all.</summary>
    public static bool CanRead(User user, Case @case) => user.Role switch
    {
        Role.Applicant => user.ApplicantIdNumber is { } id && string.Equals(@case.Applicant.IdNumber, id, StringComparison.OrdinalIgnoreCase),
        Role.DepartmentReviewer or Role.DepartmentHead => user.DepartmentCode is { } department
            && (@case.LeadDepartmentCode == department || @case.Tasks.Any(t => t.DepartmentCode == department)),
        Role.WindowClerk or Role.Supervisor or Role.Administrator => true,
        _ => false,
    };

    /// <summary>Whether the user is staff of the case's lead department.</summary>
    public static bool IsLead(User user, Case @case) => user.DepartmentCode == @case.LeadDepartmentCode;

    /// <summary>The query code goes to the applicant and the window, who hand it over; not to departments.</summary>
    public static bool SeesQueryCode(User user) => user.Role is Role.Applicant or Role.WindowClerk or Role.Administrator;
}

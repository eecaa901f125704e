using Approval.Workflows.People;

namespace Approval.Api.Endpoints;

/// <summary>What a signed-in user reads of a case; what they may do to it is the step's to decide (<see cref="Approval.Workflows.Cases.CaseAccess"/>).</summary>
internal static class CaseReading
{
    /// <summary>Whether the user sees the case at all (one they may not see is not there for them: 404).</summary>
    public static bool CanRead(User user, Approval.Workflows.Cases.Case @case) => Approval.Workflows.Cases.CaseAccess.Sees(Actor.Of(user), @case);

    /// <summary>The query code goes to the applicant and the window, who hand it over; not to departments.</summary>
    public static bool SeesQueryCode(User user) => user.Role is Role.Applicant or Role.WindowClerk or Role.Administrator;
}

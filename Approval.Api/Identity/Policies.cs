using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>
/// Authorization policies by role (domain.md §2). Record-level checks (own cases, own department) are in the endpoints.
/// One policy per endpoint: <c>RequireAuthorization(A, B)</c> demands both A and B, so "A or B" is a policy of its own.
/// </summary>
public static class Policies
{
    public const string Applicant = nameof(Applicant);
    public const string WindowClerk = nameof(WindowClerk);
    /// <summary>Who files an application: the applicant online, or the window for a walk-in.</summary>
    public const string Submitter = nameof(Submitter);
    /// <summary>A department's reviewers and its head.</summary>
    public const string DepartmentStaff = nameof(DepartmentStaff);
    public const string DepartmentHead = nameof(DepartmentHead);
    public const string Supervisor = nameof(Supervisor);
    public const string Administrator = nameof(Administrator);
    /// <summary>Administrators and supervisors (the Hangfire dashboard, engine internals to read).</summary>
    public const string Oversight = nameof(Oversight);
    /// <summary>Everyone who works cases (window, departments, supervision, administration): not applicants.</summary>
    public const string Staff = nameof(Staff);
    /// <summary>Anyone signed in.</summary>
    public const string SignedIn = nameof(SignedIn);
    /// <summary>Who enters and ends credit records: a department's staff (their own department's) and administrators.</summary>
    public const string CreditKeepers = nameof(CreditKeepers);

    /// <summary>The roles each policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, Role[]> Roles = new Dictionary<string, Role[]>
    {
        [Applicant] = [Role.Applicant],
        [WindowClerk] = [Role.WindowClerk],
        [Submitter] = [Role.Applicant, Role.WindowClerk],
        [DepartmentStaff] = [Role.DepartmentReviewer, Role.DepartmentHead],
        [DepartmentHead] = [Role.DepartmentHead],
        [Supervisor] = [Role.Supervisor],
        [Administrator] = [Role.Administrator],
        [Oversight] = [Role.Administrator, Role.Supervisor],
        [Staff] = [Role.WindowClerk, Role.DepartmentReviewer, Role.DepartmentHead, Role.Supervisor, Role.Administrator],
        [SignedIn] = Enum.GetValues<Role>(),
        [CreditKeepers] = [Role.DepartmentReviewer, Role.DepartmentHead, Role.Administrator],
    };
}

namespace Approval.Workflows.People;

/// <summary>
/// Who takes a step on a case, as the step's access rules need it: the name the timeline records, the user name tasks are
/// held by, the role, and where they work (a department, a window) or who they are (an applicant's ID).
/// </summary>
public sealed record Actor(string UserName, string Name, Role Role)
{
    public string? DepartmentCode { get; init; }
    public string? WindowCode { get; init; }
    /// <summary>For applicants: the resident ID or credit code their cases are filed under.</summary>
    public string? ApplicantIdNumber { get; init; }

    /// <summary>The signed-in user acting; the timeline names them "display name (user name)".</summary>
    public static Actor Of(User user) => new(user.UserName, $"{user.DisplayName} ({user.UserName})", user.Role)
    {
        DepartmentCode = user.DepartmentCode,
        WindowCode = user.WindowCode,
        ApplicantIdNumber = user.ApplicantIdNumber,
    };

    public static Actor Clerk(string userName, string? windowCode = null) => new(userName, userName, Role.WindowClerk) { WindowCode = windowCode };

    public static Actor Reviewer(string userName, string departmentCode) => new(userName, userName, Role.DepartmentReviewer) { DepartmentCode = departmentCode };

    public static Actor Head(string userName, string departmentCode) => new(userName, userName, Role.DepartmentHead) { DepartmentCode = departmentCode };

    public static Actor Applicant(string name, string idNumber) => new(name, name, Role.Applicant) { ApplicantIdNumber = idNumber };

    public static Actor Administrator(string userName) => new(userName, userName, Role.Administrator);
}

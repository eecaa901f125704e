namespace Approval.Workflows.People;

/// <summary>The roles of domain.md §2. Each sees only what it must.</summary>
public enum Role
{
    /// <summary>申请人: reads only their own cases.</summary>
    Applicant,
    /// <summary>窗口工作人员: accepts, refuses, asks for supplements, hands out results.</summary>
    WindowClerk,
    /// <summary>部门审批人员: works their department's tasks only.</summary>
    DepartmentReviewer,
    /// <summary>部门负责人: approves extensions, signs decisions for their department.</summary>
    DepartmentHead,
    /// <summary>监察人员: reads everything, changes no case.</summary>
    Supervisor,
    /// <summary>管理员: catalog, definitions, calendar, departments and users.</summary>
    Administrator,
}

/// <summary>A person who signs in: their role and where they work (a department or a window) or who they are (an applicant's ID).</summary>
public sealed record User(string Id, string UserName, string DisplayName, Role Role)
{
    public string? DepartmentCode { get; init; }
    public string? WindowCode { get; init; }
    /// <summary>
    /// 窗口负责人 (a window clerk who leads the center's front desk): their work lists may show the whole center, not only
    /// their own window. A flag on the account, given by an administrator (the demo user <c>lead-clerk</c> has it).
    /// </summary>
    public bool IsLeadClerk { get; init; }
    /// <summary>For applicants: the resident ID or credit code their cases are filed under.</summary>
    public string? ApplicantIdNumber { get; init; }
    /// <summary>Where notifications are e-mailed, when the SMTP sender is configured; none when null.</summary>
    public string? Email { get; init; }
}

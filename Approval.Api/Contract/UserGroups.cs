namespace Approval.Api.Contract;

/// <summary>
/// The OpenAPI document's tags: who uses an operation, not which table it touches, so a department system's developer
/// finds theirs under one heading. An operation used by several groups carries each of their tags.
/// </summary>
internal static class UserGroups
{
    public const string Public = "Public";
    public const string Applicants = "Applicants";
    public const string Window = "Window";
    public const string Departments = "Departments";
    public const string Supervision = "Supervision";
    public const string Administration = "Administration";
    public const string SignedIn = "Everyone signed in";

    /// <summary>Each tag with what the document says of it, in the order a reader meets them.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        (Public, "Without signing in: the catalog and its guides (办事指南), the working-day calendar, a case's status by number and query code (状态查询), and sign-in itself."),
        (Applicants, "申请人: citizens and enterprises applying online (网上申报), supplying materials, following and rating their cases, complaining (投诉), and choosing how they hear of results (结果反馈)."),
        (Window, "窗口工作人员: the service center's window — one window accepts (一窗受理: accept, refuse, ask for supplements once, 容缺受理) and one window delivers (一窗办结), with its work lists."),
        (Departments, "部门审批人员 and 部门负责人: parallel review (并联审批) of a department's tasks — claim, delegate, opinion, suspension (Art. 45), extension (Art. 42), decision — and answers to correction notices (督办)."),
        (Supervision, "监察人员: electronic supervision (行政电子监察) — live monitoring, overdue lists, violations, correction notices, complaints, performance and rankings, stage records for the provincial platform. Supervisors read everything and change no case."),
        (Administration, "管理员: the catalog, process definitions (业务规则流程库), calendar, staff and departments, notification templates, corrections (纠错), and the test clock."),
        (SignedIn, "Any signed-in user: who they are, their password, their inbox and work-list counts."),
    ];
}

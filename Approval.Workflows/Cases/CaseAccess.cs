using Approval.Workflows.People;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>Who may do a step on a case, decided on the case the step loaded, in the step's own unit of work.</summary>
public delegate void CaseAccessRule(Actor actor, Case @case);

/// <summary>The actor may see the case but not do this step on it.</summary>
public sealed class CaseAccessDeniedException(Refusal refusal) : Exception(refusal.Text), IRefused
{
    public Refusal Refusal { get; } = refusal;
}

/// <summary>
/// Record-level rules, on top of the role policies of each endpoint: who sees a case (one they may not see is not there
/// for them) and who may take each kind of step on it. A rule throws <see cref="CaseAccessDeniedException"/> (or
/// <see cref="CaseNotFoundException"/> for a task the case does not have).
/// </summary>
public static class CaseAccess
{
    /// <summary>An applicant sees their own cases; a department the cases it reviews or leads; the window, supervisors and administrators all.</summary>
    public static bool Sees(Actor actor, Case @case) => actor.Role switch
    {
        Role.Applicant => actor.ApplicantIdNumber is { } id && string.Equals(@case.Applicant.IdNumber, id, StringComparison.OrdinalIgnoreCase),
        Role.DepartmentReviewer or Role.DepartmentHead => actor.DepartmentCode is { } department
            && (@case.LeadDepartmentCode == department || @case.Tasks.Any(t => t.DepartmentCode == department)),
        Role.WindowClerk or Role.Supervisor or Role.Administrator => true,
        _ => false,
    };

    /// <summary>The window's steps (受理, 不予受理, 补正, 容缺后补, 出件) are a window clerk's.</summary>
    public static void AtTheWindow(Actor actor, Case @case) =>
        Require(actor.Role == Role.WindowClerk, Refusal.Of(RefusalCode.WindowStepsAreAClerks, $"the window's steps are a window clerk's"));

    /// <summary>The applicant's steps are the applicant's own, on their own case (which only they see among applicants).</summary>
    public static void OwnApplication(Actor actor, Case @case) =>
        Require(actor.Role == Role.Applicant, Refusal.Of(RefusalCode.OnlyTheApplicantActs, $"only the applicant acts on their application"));

    /// <summary>A department's staff act on their own department's tasks only.</summary>
    public static CaseAccessRule OnOwnTask(string taskId) => (actor, @case) =>
    {
        RequireDepartmentStaff(actor);
        var task = @case.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new CaseNotFoundException(Refusal.Of(RefusalCode.CaseHasNoTask, $"Case {@case.Id} has no task {taskId}."));
        Require(task.DepartmentCode == actor.DepartmentCode, Refusal.Of(RefusalCode.TaskOfAnotherDepartment, $"the task belongs to {task.DepartmentCode}"));
    };

    /// <summary>改派 is the task's department head's.</summary>
    public static CaseAccessRule HeadOfTask(string taskId) => (actor, @case) =>
    {
        OnOwnTask(taskId)(actor, @case);
        Require(actor.Role == Role.DepartmentHead, Refusal.Of(RefusalCode.OnlyTheHeadReassigns, $"only the department's head reassigns its tasks"));
    };

    /// <summary>A department that reviews or leads the case may stop its clock for a special procedure (特别程序).</summary>
    public static void Reviewing(Actor actor, Case @case) => RequireDepartmentStaff(actor);

    /// <summary>
    /// A stopped clock is restarted by the department that stopped it; one the process stopped (or stopped before the
    /// department was recorded) by the lead department, which answers for the case's limit.
    /// </summary>
    public static void ResumingOwnSuspension(Actor actor, Case @case)
    {
        RequireDepartmentStaff(actor);
        var owner = @case.SuspendingDepartmentCode ?? @case.LeadDepartmentCode;
        Require(actor.DepartmentCode == owner, Refusal.Of(RefusalCode.ClockRestartedByItsStopper, $"the clock was stopped by {owner}; only it restarts it"));
    }

    /// <summary>延期 and the decision are the lead department's head's.</summary>
    public static void LeadHead(Actor actor, Case @case) =>
        Require(actor.Role == Role.DepartmentHead && actor.DepartmentCode == @case.LeadDepartmentCode,
            Refusal.Of(RefusalCode.OnlyTheLeadHeadDecides, $"only the lead department's head ({@case.LeadDepartmentCode}) decides and extends"));

    /// <summary>Corrections (纠错) are an administrator's.</summary>
    public static void Administering(Actor actor, Case @case) =>
        Require(actor.Role == Role.Administrator, Refusal.Of(RefusalCode.CorrectionsAreAnAdministrators, $"corrections are an administrator's"));

    private static void RequireDepartmentStaff(Actor actor) =>
        Require(actor.Role is Role.DepartmentReviewer or Role.DepartmentHead && actor.DepartmentCode is not null, Refusal.Of(RefusalCode.OnlyDepartmentStaffReview, $"only a department's staff act on its review"));

    private static void Require(bool allowed, Refusal reason)
    {
        if (!allowed)
            throw new CaseAccessDeniedException(reason);
    }
}

using Approval.Api.Identity;
using Approval.Workflows.Cases;
using Approval.Workflows.People;

namespace Approval.Api.Pages.Workbench;

/// <summary>
/// Who holds the department's task on a case and whom it may go to: the colleagues to delegate or reassign it to, and
/// whether the holder is away with the signed-in person as their substitute (代理). It decides which forms the page
/// offers; the steps decide again (<see cref="CaseAccess"/>, <see cref="Absence.MayActFor"/>).
/// </summary>
public sealed record TaskHolding(IReadOnlyList<User> Colleagues, Absence? HolderAbsence, bool HolderAway, bool ActsAsSubstitute)
{
    public static readonly TaskHolding None = new([], null, false, false);

    /// <summary>A user name as people read it: the colleague's display name, else the name itself.</summary>
    public string NameOf(string? userName) =>
        Colleagues.FirstOrDefault(c => c.UserName == userName)?.DisplayName is { } name ? $"{name} ({userName})" : userName ?? "";

    public static async Task<TaskHolding> OfAsync(CaseTask? task, User me, DepartmentColleagues colleagues, IAbsences absences, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (task is null || me.Role is not (Role.DepartmentReviewer or Role.DepartmentHead))
            return None;
        var staff = await colleagues.OfAsync(me, cancellationToken);
        if (task.ClaimedBy is not { } holder || holder == me.UserName)
            return new TaskHolding(staff, null, false, false);
        var absence = await absences.FindAsync(holder, cancellationToken);
        var away = absence?.Covers(now) == true;
        return new TaskHolding(staff, absence, away, away && Absence.MayActFor(me.UserName, holder, absence, now));
    }
}

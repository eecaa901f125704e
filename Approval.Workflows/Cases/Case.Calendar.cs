using System.Globalization;
using Approval.Workflows.Calendar;

namespace Approval.Workflows.Cases;

/// <summary>
/// A deadline a case is running against now: the window step's (受理 Art. 32, 办结 Art. 44), the case's (批准) or an
/// open task's; <see cref="Provisional"/> when it was counted through a year the State Council has not published.
/// </summary>
public sealed record CaseDeadline(string Subject, DateTimeOffset Start, DateTimeOffset DueAt, bool Provisional);

public sealed partial class Case
{
    /// <summary>The subject of the case's own deadline on the timeline.</summary>
    public const string CaseSubject = "case";

    /// <summary>The deadlines the case runs against now, on the calendar in force (a stopped clock has none).</summary>
    public IReadOnlyList<CaseDeadline> OpenDeadlines(DueInstantCalculator due)
    {
        var deadlines = new List<CaseDeadline>();
        if (WindowStep is { } step && due.DueAt(step.Start, step.LimitDays) is { } stepDue)
            deadlines.Add(Deadline(due, WindowStep.SubjectOf(step.Kind), step.Start, stepDue));
        if (IsWatched && AcceptedAt is { } accepted && DueAt is { } caseDue)
            deadlines.Add(Deadline(due, CaseSubject, accepted, caseDue));
        foreach (var task in _tasks.Where(t => t.IsOpen && t.DueAt is not null))
            deadlines.Add(Deadline(due, task.DepartmentCode, task.OpenedAt, task.DueAt!.Value));
        return deadlines;
    }

    /// <summary>
    /// The subjects (受理/办结, "case", a task's department) of the running deadlines counted through a provisional
    /// calendar year, as of the case's last save; empty when every deadline stands on published years.
    /// </summary>
    public IReadOnlyList<string> ProvisionalDeadlines { get; private set; } = [];

    /// <summary>
    /// Puts on the timeline, once each, the running deadlines counted through a provisional year: the applicant and
    /// staff see that an 调休 the State Council has yet to publish may move them. Called before every save of a step.
    /// </summary>
    public void NoteProvisionalDeadlines(CaseClock clock)
    {
        var provisional = OpenDeadlines(clock.Due).Where(d => d.Provisional).ToList();
        ProvisionalDeadlines = [.. provisional.Select(d => d.Subject)];
        foreach (var deadline in provisional)
        {
            var detail = $"{deadline.Subject}: due {deadline.DueAt.ToString("O", CultureInfo.InvariantCulture)}";
            if (_timeline.Any(e => e.Action == CaseAction.DeadlineProvisional && e.Detail == detail))
                continue;
            var years = ProvisionalYears(clock.Due, deadline);
            // Several deadlines turn provisional at one step (受理 or the case's and every task's): each line says whose.
            var (chinese, english) = SubjectText(deadline.Subject);
            Record(clock.Now, "system", CaseAction.DeadlineProvisional,
                $"{chinese}按暂定工作日历计算：{years} 年放假安排尚未公布，调休未计 ({english} is counted on the provisional {years} calendar: the State Council's schedule is not yet published)", detail);
        }
    }

    // The deadline a subject of OpenDeadlines names, as a timeline line says it: 受理, 办结, the case's, a department's review.
    private static (string Chinese, string English) SubjectText(string subject) =>
        subject == WindowStep.SubjectOf(WindowStepKind.Acceptance) ? ("受理期限", "the acceptance deadline (Art. 32)")
        : subject == WindowStep.SubjectOf(WindowStepKind.Delivery) ? ("办结出件期限", "the delivery deadline (Art. 44)")
        : subject == CaseSubject ? ("办件审批期限", "the case's decision deadline")
        : ($"{subject} 部门审查期限", $"the {subject} review deadline");

    private static CaseDeadline Deadline(DueInstantCalculator due, string subject, DateTimeOffset start, DateTimeOffset dueAt) =>
        new(subject, start, dueAt, due.Calendar.AnyProvisional(due.Hours.DateOf(start), due.Hours.DateOf(dueAt)));

    private static string ProvisionalYears(DueInstantCalculator due, CaseDeadline deadline)
    {
        var (from, to) = (due.Hours.DateOf(deadline.Start).Year, due.Hours.DateOf(deadline.DueAt).Year);
        return string.Join("、", Enumerable.Range(from, to - from + 1).Where(due.Calendar.IsProvisional));
    }
}

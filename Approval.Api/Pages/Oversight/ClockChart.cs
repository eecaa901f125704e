using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;

namespace Approval.Api.Pages.Oversight;

/// <summary>What a clock is of: the window's acceptance (受理), a department's task, the case's promised limit, the delivery (办结).</summary>
public enum ClockKind
{
    Acceptance,
    Task,
    Case,
    Delivery,
}

/// <summary>
/// One clock of a case: when it started, when it stopped (or now, still running), when it is due, its warning level;
/// for the case's clock, where the extension (Art. 42) begins — the due instant without it.
/// </summary>
public sealed record CaseClockLine(ClockKind Kind, string? DepartmentCode, DateTimeOffset Start, DateTimeOffset? End, DateTimeOffset? DueAt,
    WarningLevel Level, DateTimeOffset? ExtendedFrom = null)
{
    /// <summary>
    /// Every clock of the case, as its own rules set them (<see cref="CaseClock"/>): 5 working days to answer an
    /// application (Art. 32), each task's own limit, the promised limit with its extension, 10 working days to hand out the
    /// result (Art. 44). Suspensions are left out of each due instant as the domain leaves them out.
    /// </summary>
    public static IReadOnlyList<CaseClockLine> Of(Case c, CaseClock clock)
    {
        var lines = new List<CaseClockLine>();
        var now = clock.Now;
        var acceptanceDue = clock.AcceptanceDeadline(c.ReceivedAt);
        var answeredAt = c.AcceptedAt ?? (c.IsOpen ? null : c.ClosedAt);
        lines.Add(new(ClockKind.Acceptance, null, c.ReceivedAt, answeredAt, acceptanceDue,
            c.WindowStep is { Kind: WindowStepKind.Acceptance } step ? step.Level : Settled(answeredAt ?? now, acceptanceDue)));
        foreach (var task in c.Tasks.Where(t => t.Status != Approval.Workflows.Cases.TaskStatus.Superseded))
            lines.Add(new(ClockKind.Task, task.DepartmentCode, task.OpenedAt, task.ClosedAt, task.DueAt, task.Level));
        if (c.AcceptedAt is { } accepted)
        {
            var decidedAt = c.Decision?.At ?? (c.IsOpen ? null : c.ClosedAt);
            var withoutExtension = c.ExtensionDays > 0 ? clock.Due.DueAt(accepted, c.PromisedLimitDays, c.Suspensions) : null;
            lines.Add(new(ClockKind.Case, c.LeadDepartmentCode, accepted, decidedAt, c.DueAt, c.Level, withoutExtension));
        }
        if (c.Decision is { } decision)
        {
            var deliveryDue = clock.Due.DueAt(decision.At, clock.Rules.DeliveryDays);
            var deliveredAt = c.Status == CaseStatus.Delivered || !c.IsOpen ? c.ClosedAt : null;
            lines.Add(new(ClockKind.Delivery, null, decision.At, deliveredAt, deliveryDue,
                c.WindowStep is { Kind: WindowStepKind.Delivery } step2 ? step2.Level : Settled(deliveredAt ?? now, deliveryDue)));
        }
        return lines;
    }

    // A finished window step's colour: whether it was answered in time.
    private static WarningLevel Settled(DateTimeOffset end, DateTimeOffset? due) => due is { } d && end > d ? WarningLevel.Red : WarningLevel.Green;
}

/// <summary>A calendar day on the axis: working days are wide columns numbered from the case's receipt, days off narrow and grey.</summary>
public sealed record AxisDay(DateOnly Date, double X, double Width, bool IsWorkingDay, int WorkingDayNumber);

/// <summary>A clock laid out on the axis, in SVG user units.</summary>
public sealed record ClockBar(CaseClockLine Line, double Y, double From, double To, double? Due, double? ExtendedFrom, bool Running);

/// <summary>
/// A case's clocks on a time axis of working days (SVG, drawn by <c>_Clocks.cshtml</c>): each calendar day a column, a
/// working day wide and a day off narrow, so that the length of a bar reads as working days used; suspensions (Art. 45)
/// shaded across every clock, the case's extension shaded on its bar, the due instants and now marked.
/// </summary>
public sealed class ClockChart
{
    public const double WorkingDayWidth = 26;
    public const double DayOffWidth = 7;
    // Wide enough for the longest English clock name ("Acceptance (5 working days)") at the chart's font size.
    public const double LabelWidth = 210;
    public const double RowHeight = 26;
    public const double AxisHeight = 40;

    private readonly Dictionary<DateOnly, AxisDay> _days;
    private readonly BusinessHours _hours;

    private ClockChart(IReadOnlyList<AxisDay> days, BusinessHours hours)
    {
        Days = days;
        _days = days.ToDictionary(d => d.Date);
        _hours = hours;
    }

    public IReadOnlyList<AxisDay> Days { get; }
    public IReadOnlyList<ClockBar> Bars { get; private set; } = [];
    public IReadOnlyList<(double From, double To)> Suspensions { get; private set; } = [];
    public double Now { get; private set; }
    public double Width => LabelWidth + Days.Sum(d => d.Width) + 10;
    public double Height => AxisHeight + Bars.Count * RowHeight + 10;

    public static ClockChart Of(Case c, IReadOnlyList<CaseClockLine> lines, DueInstantCalculator due, DateTimeOffset now)
    {
        var hours = due.Hours;
        var instants = lines.SelectMany(l => new[] { l.Start, l.End ?? now, l.DueAt ?? l.Start }).Append(now).ToList();
        var first = hours.DateOf(c.ReceivedAt);
        var last = hours.DateOf(instants.Max());
        var days = new List<AxisDay>();
        var (x, number) = (LabelWidth, 0);
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            var working = due.Calendar.IsWorkingDay(date);
            if (working && date > first)
                number++;
            var width = working ? WorkingDayWidth : DayOffWidth;
            days.Add(new AxisDay(date, x, width, working, number));
            x += width;
        }
        var chart = new ClockChart(days, hours) { Now = 0 };
        chart.Now = chart.XOf(now);
        chart.Bars = [.. lines.Select((l, i) => new ClockBar(l, AxisHeight + i * RowHeight, chart.XOf(l.Start), chart.XOf(l.End ?? now),
            l.DueAt is { } d ? chart.XOf(d) : null, l.ExtendedFrom is { } e ? chart.XOf(e) : null, l.End is null))];
        chart.Suspensions = [.. c.Suspensions.Select(s => (chart.XOf(s.From), chart.XOf(s.Until ?? now)))];
        return chart;
    }

    /// <summary>Where an instant lies: its day's column, and within it the share of the day gone by (local time).</summary>
    public double XOf(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _hours.Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (!_days.TryGetValue(date, out var day))
            return date < Days[0].Date ? Days[0].X : Days[^1].X + Days[^1].Width;
        return day.X + day.Width * local.TimeOfDay.TotalHours / 24;
    }
}

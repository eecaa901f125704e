using System.Text.Json.Nodes;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Microsoft.Extensions.Time.Testing;
using static Approval.Tests.Workflows.Cases.ACase;

namespace Approval.Tests.Workflows.Cases;

/// <summary>A case counted again after an administrator's calendar change: moved deadlines, flagged violations, nothing deleted.</summary>
public class RecalendarTests
{
    private CalendarSource _calendars = null!;
    private FakeTimeProvider _time = null!;

    // NUnit keeps one instance for every test of the class: each starts on the shipped calendar, on 2026-12-28.
    [SetUp]
    public void Start()
    {
        _calendars = new CalendarSource();
        _time = new FakeTimeProvider(Beijing("2026-12-28T10:00:00"));
    }
    private CaseClock Clock => new(new DueInstantCalculator(_calendars, new BusinessHours()), new CaseRules(), _time);

    private Case Submitted() => Case.Submit("case-1", "20261228-000001", "Q7K2M9XA", FoodLicense,
        new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"), new JsonObject { ["shopName"] = "张三小吃" }, "applicant", _time.GetUtcNow(), new CaseRules());

    // The calendar replaced, counted as it was, and the year saved in its place.
    private DueInstantCalculator Save(params SpecialDay[] extra)
    {
        var before = new DueInstantCalculator(_calendars.Current, new BusinessHours());
        var statute = StatutoryHolidays.Provisional(2027);
        _calendars.Apply(new EditedSchedule(statute with { Days = [.. statute.Days, .. extra] }, _time.GetUtcNow(), "admin"));
        return before;
    }

    [Test]
    public void A_silence_recorded_on_the_provisional_year_is_kept_and_flagged_when_the_notice_bridges_a_day_before_it()
    {
        var @case = Submitted();
        _time.SetUtcNow(Beijing("2027-01-05T17:31:00"));
        Assert.That(@case.DeemAcceptedIfUnanswered(Clock), Is.True, "5 working days ended 01-05 17:30 on the provisional calendar");

        var before = Save(new SpecialDay(new DateOnly(2027, 1, 4), "元旦", true));
        var result = @case.Recalendar(before, Clock, "admin", "admin saved 2027");

        var silence = @case.Violations.Single(v => v.Kind == ViolationKind.AcceptedBySilence);
        Assert.That(silence.CalendarDoubt, Does.Contain("2027-01-06 17:30"));
        Assert.That(result.Flagged, Is.EqualTo(new[] { silence }));
        Assert.That(result.Moved.Select(m => (m.Subject, m.After)), Is.EqualTo(new[] { (Case.CaseSubject, Beijing("2027-01-13T17:30:00")) }),
            "accepted as of 12-28: 10 days end 01-12 on the provisional calendar, 01-13 with 01-04 off");
        Assert.That(@case.Timeline.Count(e => e.Action == CaseAction.DeadlineMoved), Is.EqualTo(2));

        var again = @case.Recalendar(new DueInstantCalculator(_calendars.Current, new BusinessHours()), Clock, "admin", "admin saved 2027");
        Assert.That(again.Changed, Is.False, "counted on the same calendar: nothing moves, nothing is flagged twice");
    }

    [Test]
    public void A_violation_whose_deadline_the_change_did_not_move_is_not_flagged()
    {
        var @case = Submitted();
        _time.SetUtcNow(Beijing("2027-01-05T17:31:00"));
        Assert.That(@case.DeemAcceptedIfUnanswered(Clock), Is.True);

        var before = Save(new SpecialDay(new DateOnly(2027, 10, 8), "国庆节", true));
        var result = @case.Recalendar(before, Clock, "admin", "admin saved 2027");

        Assert.That(result.Changed, Is.False, string.Join("; ", result.Moved.Select(m => $"{m.Subject} {m.Before:O} -> {m.After:O}")) + string.Join("; ", result.Flagged.Select(f => f.CalendarDoubt)));
        Assert.That(@case.Violations.Single(v => v.Kind == ViolationKind.AcceptedBySilence).CalendarDoubt, Is.Null);
    }
}

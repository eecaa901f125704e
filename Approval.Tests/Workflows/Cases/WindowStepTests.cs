using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Tests.Workflows.Notifications;
using Approval.Workflows.Notifications;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Approval.Workflows.People;

namespace Approval.Tests.Workflows.Cases;

/// <summary>
/// The window's own steps have clocks too (domain.md §6): 受理 within 5 working days of receipt (Art. 32) and 办结 within
/// 10 working days of the decision (Art. 44). A step overdue while its case is not is a breach of its own.
/// </summary>
public class WindowStepTests
{
    // Received Tuesday 2026-11-24 10:00: 5 working days, yellow after 4 used (11-30 17:30), the prompt a day before (11-27 17:30).
    private static ACase Received() => ACase.ForItem(ACase.FoodLicense, "2026-11-24T10:00:00");

    private static DueInstantCalculator Due(ACase a) => a.Clock.Due;

    [Test]
    public void A_level_passed_unobserved_is_due_at_once_so_a_save_in_between_does_not_skip_it()
    {
        // The acceptance sweep saves an unanswered case every run once 5 calendar days have passed; its save must not
        // move the case's next threshold past a yellow the clock watch has not raised yet.
        var a = Received().At("2026-12-01T09:00:00");
        Assert.That(a.Case.NextClockThreshold(Due(a), a.Clock.Now), Is.EqualTo(a.Clock.Now), "yellow since 11-30 17:30, not yet raised");
        var rise = a.Case.ObserveClocks(Due(a), a.Clock.Now).Single();
        Assert.That(rise.Level, Is.EqualTo(WarningLevel.Yellow));
        Assert.That(a.Case.NextClockThreshold(Due(a), a.Clock.Now), Is.Null, "an acceptance stops at yellow");
    }

    [Test]
    public void An_unanswered_application_prompts_the_window_a_day_before_its_yellow_card()
    {
        var a = Received();
        Assert.That(a.Case.NextClockThreshold(Due(a), a.Clock.Now), Is.EqualTo(ACase.Beijing("2026-11-27T17:30:00")));

        a.At("2026-11-27T17:30:00");
        var prompt = a.Case.ObserveClocks(Due(a), a.Clock.Now).Single();
        Assert.That((prompt.Step, prompt.Level), Is.EqualTo(((WindowStepKind?)WindowStepKind.Acceptance, WarningLevel.Prompt)));
        Assert.That(a.Case.WindowStep!.Level, Is.EqualTo(WarningLevel.Prompt));
        Assert.That(a.Case.Level, Is.EqualTo(WarningLevel.Green), "the case's own clock has not started");

        a.At("2026-11-30T17:30:00");
        Assert.That(a.Case.ObserveClocks(Due(a), a.Clock.Now).Single().Level, Is.EqualTo(WarningLevel.Yellow));
        Assert.That(a.Case.ObserveClocks(Due(a), a.Clock.Now), Is.Empty, "observed once");
    }

    [Test]
    public void An_acceptance_never_turns_red_the_law_accepts_it_by_silence_instead()
    {
        var a = Received().At("2026-11-30T17:30:00");
        a.Case.ObserveClocks(Due(a), a.Clock.Now);
        Assert.That(a.Case.NextClockThreshold(Due(a), a.Clock.Now), Is.Null, "no red card to wait for");

        a.At("2026-12-02T09:00:00");
        Assert.That(a.Case.ObserveClocks(Due(a), a.Clock.Now), Is.Empty);
        Assert.That(a.Case.DeemAcceptedIfUnanswered(a.Clock), Is.True);
        Assert.That(a.Case.WindowStep, Is.Null);
        Assert.That(a.Case.Violations.Select(v => v.Kind), Is.EqualTo(new[] { ViolationKind.AcceptedBySilence }));
    }

    [Test]
    public void A_supplement_request_stops_the_window_s_clock_and_the_supplements_start_it_anew()
    {
        var a = Received().At("2026-11-26T09:00:00");
        a.Case.RequestSupplement("clerk", ["营业场所证明"], a.Clock);
        Assert.That(a.Case.NextClockThreshold(Due(a), a.Clock.Now), Is.Null, "the applicant's turn");

        a.At("2026-12-03T10:00:00");
        a.Case.Supplement("applicant", null, a.Clock);
        Assert.That(a.Case.WindowStep, Is.EqualTo(new WindowStep(WindowStepKind.Acceptance, ACase.Beijing("2026-12-03T10:00:00"), 5)));
        Assert.That(a.Case.NextClockThreshold(Due(a), a.Clock.Now), Is.EqualTo(ACase.Beijing("2026-12-08T17:30:00")), "3 working days used after 12-03");
    }

    [Test]
    public void A_result_not_handed_out_within_ten_working_days_is_an_overdue_delivery_and_makes_the_case_yellow()
    {
        var a = Received().At("2026-11-25T09:00:00");
        a.Case.Accept("clerk", a.Clock);
        a.At("2026-11-26T15:00:00");
        a.Case.Decide(new CaseDecision(Verdict.Approve, null, [], "samr-head", a.Clock.Now), a.Clock);
        Assert.That(a.Case.WindowStep, Is.EqualTo(new WindowStep(WindowStepKind.Delivery, ACase.Beijing("2026-11-26T15:00:00"), 10)));

        // 10 working days after 11-26: due 12-10 17:30.
        a.At("2026-12-10T17:30:00");
        Assert.That(a.Case.ObserveClocks(Due(a), a.Clock.Now).Select(r => r.Level), Is.EqualTo(new[] { WarningLevel.Yellow }), "the prompt and yellow at once");
        Assert.That(a.Case.Violations, Is.Empty);

        a.At("2026-12-11T09:00:00");
        var rises = a.Case.ObserveClocks(Due(a), a.Clock.Now);
        Assert.That(rises.Select(r => (r.Step, r.Level)), Is.EqualTo(new[] { ((WindowStepKind?)WindowStepKind.Delivery, WarningLevel.Red), (null, WarningLevel.Yellow) }));
        var violation = a.Case.Violations.Single();
        Assert.That((violation.Kind, violation.DepartmentCode), Is.EqualTo((ViolationKind.OverdueDelivery, "samr")));
        Assert.That(a.Case.Level, Is.EqualTo(WarningLevel.Yellow), "a step overdue; the case itself was decided in time");

        a.Case.Deliver("clerk", a.Clock);
        Assert.That(a.Case.WindowStep, Is.Null);
        Assert.That(a.Case.NextClockThreshold(Due(a), a.Clock.Now), Is.Null);
    }

    [Test]
    public async Task The_window_s_clerks_hear_of_its_steps_and_an_overdue_delivery_goes_to_the_head_and_supervisors_too()
    {
        var a = Received();
        var notices = new WarningNotices(new NamedStaff());
        var prompt = await notices.ForAsync(a.Case, [new WarningRise(null, "samr", null, WarningLevel.Prompt, a.Clock.Now, WindowStepKind.Acceptance)]);
        Assert.That(prompt.Select(n => n.Recipient), Is.EqualTo(new[] { "clerk-1", "clerk-2" }));
        Assert.That(prompt[0].Title, Does.Contain("受理环节"));

        var red = await notices.ForAsync(a.Case, [new WarningRise(null, "samr", null, WarningLevel.Red, a.Clock.Now, WindowStepKind.Delivery)]);
        Assert.That(red.Select(n => n.Recipient), Is.EquivalentTo(new[] { "clerk-1", "clerk-2", "samr-head", "supervisor" }));
        Assert.That(red[0].Title, Does.Contain("办结出件环节"));
    }
}

/// <summary>The window's steps swept from the next-threshold index on a real database, like the departments' tasks.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class WindowStepSweepTests(DatabaseProvider provider) : CaseServicesFixture(provider)
{
    [Test]
    public async Task A_decided_case_left_at_the_window_is_swept_red_in_its_delivery_step()
    {
        var application = new Application(DemoCatalog.IndividualBusiness.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new JsonObject { ["businessName"] = "张三便利店", ["operatorId"] = "11010519491231002X", ["businessScope"] = "日用百货零售", ["address"] = "云安区六都镇" });
        var id = (await Services.Intake.SubmitAsync(application, "applicant-1", null)).Case.Id;
        await Services.Window.AcceptAsync(id, Actor.Clerk("clerk"));
        await Services.Departments.DecideAsync(id, Actor.Head("samr-head", "samr"), Verdict.Approve, null);

        await using (var db = await Services.Database.OpenAsync())
            Assert.That(await db.Cases.Where(c => c.Id == id).Select(c => c.NextDeadlineAt).SingleAsync(), Is.Not.Null, "the delivery step is on the index");

        // Decided 11-24: 10 working days end 12-08 17:30.
        Services.At("2026-12-09T09:00:00");
        Assert.That(await Services.Watch.SweepAsync(), Is.EqualTo(1));
        var late = await Services.LoadAsync(id);
        Assert.That(late.WindowStep!.Level, Is.EqualTo(WarningLevel.Red));
        Assert.That(late.Violations.Select(v => v.Kind), Does.Contain(ViolationKind.OverdueDelivery));

        await Services.Window.DeliverAsync(id, Actor.Clerk("clerk"));
        await using var after = await Services.Database.OpenAsync();
        Assert.That(await after.Cases.Where(c => c.Id == id).Select(c => c.NextDeadlineAt).SingleAsync(), Is.Null, "handed out: nothing left to watch");
    }
}

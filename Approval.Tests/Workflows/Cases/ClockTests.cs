using Approval.Workflows.Cases;

namespace Approval.Tests.Workflows.Cases;

/// <summary>The case's clock: suspensions do not count (Art. 45); an extension is asked for before the limit (Art. 42).</summary>
public class ClockTests
{
    private static ACase InReview()
    {
        var a = ACase.ForItem(ACase.FoodLicense, "2026-11-24T10:00:00");
        a.Case.Accept("clerk", a.Clock);
        return a;
    }

    [Test]
    public void A_suspension_stops_the_clock_and_its_days_do_not_count()
    {
        var a = InReview();
        Assert.That(a.Case.DueAt, Is.EqualTo(ACase.Beijing("2026-12-08T17:30:00")));
        a.At("2026-11-26T09:00:00");
        a.Case.SuspendClock("reviewer", "现场核查", 2, a.Clock);
        Assert.That(a.Case.DueAt, Is.Null, "no due instant while the clock is stopped");
        a.At("2026-11-30T09:00:00");
        a.Case.ResumeClock("reviewer", a.Clock);
        // 11-26 and 11-27 were suspended at close of business: two working days more.
        Assert.That(a.Case.DueAt, Is.EqualTo(ACase.Beijing("2026-12-10T17:30:00")));
    }

    [Test]
    public void A_suspension_without_a_reason_is_refused()
    {
        var a = InReview();
        Assert.Throws<CaseRuleException>(() => a.Case.SuspendClock("reviewer", " ", null, a.Clock));
        Assert.That(a.Case.Status, Is.EqualTo(CaseStatus.InReview));
    }

    [Test]
    public void An_extension_asked_before_the_limit_adds_ten_working_days()
    {
        var a = InReview().At("2026-12-07T09:00:00");
        a.Case.Extend("head", "需补充技术审查", a.Clock);
        Assert.That(a.Case.DueAt, Is.EqualTo(ACase.Beijing("2026-12-22T17:30:00")));
    }

    [Test]
    public void An_extension_asked_after_the_limit_counts_as_overdue_and_is_not_granted()
    {
        var a = InReview().At("2026-12-09T09:00:00");
        Assert.Throws<CaseRuleException>(() => a.Case.Extend("head", "需补充技术审查", a.Clock));
        Assert.That(a.Case.ExtensionDays, Is.Zero);
        Assert.That(a.Case.Violations.Single().Kind, Is.EqualTo(ViolationKind.LateExtension));
    }

    [Test]
    public void Joint_handling_extends_by_fifteen_working_days()
    {
        var a = ACase.ForItem(ACase.EnterpriseEstablishment, "2026-11-24T10:00:00");
        a.Case.Accept("clerk", a.Clock);
        var before = a.Case.DueAt;
        a.Case.Extend("head", "多部门联合踏勘", a.Clock);
        Assert.That(a.Case.ExtensionDays, Is.EqualTo(15));
        Assert.That(a.Case.DueAt, Is.GreaterThan(before!.Value));
    }

    [Test]
    public void A_task_answered_after_its_limit_records_an_overdue_task()
    {
        var a = InReview();
        a.Case.OpenTask("t1", "samr", "bm1", 3, a.Clock);
        a.At("2026-12-01T09:00:00");
        a.Case.CompleteTask("t1", new Opinion("samr", Verdict.Approve, null, "李四"), a.Clock);
        Assert.That(a.Case.Violations.Single().Kind, Is.EqualTo(ViolationKind.OverdueTask));
        Assert.That(a.Case.Violations.Single().Person, Is.EqualTo("李四"));
    }
}

/// <summary>A stopped case clock stops its departments' clocks too.</summary>
public class TaskClockTests
{
    [Test]
    public void Resuming_the_case_clock_moves_its_open_tasks_due_dates_and_a_reply_then_is_not_overdue()
    {
        var a = ACase.ForItem(ACase.FoodLicense, "2026-11-24T10:00:00");
        a.Case.Accept("clerk", a.Clock);
        var task = a.Case.OpenTask("t1", "samr", "bm1", 3, a.Clock);
        Assert.That(task.DueAt, Is.EqualTo(ACase.Beijing("2026-11-27T17:30:00")));
        a.At("2026-11-25T09:00:00");
        a.Case.SuspendClock("reviewer", "现场核查", 5, a.Clock);
        Assert.That(task.DueAt, Is.Null, "no due instant while the clock is stopped");
        a.At("2026-12-02T09:00:00");
        a.Case.ResumeClock("reviewer", a.Clock);
        Assert.That(task.DueAt, Is.EqualTo(ACase.Beijing("2026-12-04T17:30:00")), "11-25 to 12-01 (five working days) did not count");
        a.Case.CompleteTask("t1", new Opinion("samr", Verdict.Approve, null, "李四"), a.Clock);
        Assert.That(a.Case.Violations, Is.Empty);
    }
}

/// <summary>违规收费: a fee different from the catalog's is recorded as a violation.</summary>
public class FeeTests
{
    [Test]
    public void A_fee_different_from_the_catalog_is_a_violation_and_the_catalog_fee_is_not()
    {
        var a = ACase.ForItem(ACase.FoodLicense, "2026-11-24T10:00:00");
        a.Case.Accept("clerk", a.Clock);
        a.Case.ChargeFee("clerk", 0m, 0m, a.Clock);
        Assert.That(a.Case.Violations, Is.Empty);
        a.Case.ChargeFee("clerk", 50m, 0m, a.Clock);
        var violation = a.Case.Violations.Single();
        Assert.That(violation.Kind, Is.EqualTo(ViolationKind.FeeMismatch));
        Assert.That(violation.Evidence, Does.Contain("50.00"));
    }
}

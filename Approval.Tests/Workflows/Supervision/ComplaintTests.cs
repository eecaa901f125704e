using Approval.Workflows.Supervision;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>The lifecycle of a complaint: decided within 5 working days (a breach otherwise, once), handled or transferred, resolved with the outcome.</summary>
public class ComplaintTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset DecideBy = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private static Complaint AComplaint() => Complaint.File(null, "applicant", "13800000000", "窗口要求目录外材料", Received, DecideBy);

    [Test]
    public void Taken_up_in_time_then_transferred_and_resolved_without_a_breach()
    {
        var resolved = AComplaint().TakenUp("supervisor", Received.AddDays(1))
            .Transferred("supervisor", "samr", Received.AddDays(4), Received.AddDays(1))
            .Resolved("supervisor", "已责令改正", Received.AddDays(3));

        Assert.That((resolved.Status, resolved.TransferredTo, resolved.Outcome, resolved.BreachedAt),
            Is.EqualTo((ComplaintStatus.Resolved, "samr", "已责令改正", (DateTimeOffset?)null)));
        Assert.That(resolved.BreachDue(DecideBy.AddDays(10)), Is.False);
    }

    [Test]
    public void Undecided_past_the_limit_is_a_breach_recorded_once_and_a_late_decision_keeps_it()
    {
        var complaint = AComplaint();
        Assert.That(complaint.BreachDue(DecideBy), Is.False);
        var breached = complaint.Breached(DecideBy.AddMinutes(1));
        Assert.That(breached.BreachedAt, Is.EqualTo(DecideBy.AddMinutes(1)));
        Assert.That(breached.Breached(DecideBy.AddDays(1)), Is.EqualTo(breached), "once");

        var declined = breached.Declined("supervisor", "不属于受理范围", DecideBy.AddDays(1));
        Assert.That((declined.Status, declined.BreachedAt), Is.EqualTo((ComplaintStatus.Declined, (DateTimeOffset?)DecideBy.AddMinutes(1))));
        Assert.That(AComplaint().TakenUp("supervisor", DecideBy.AddHours(1)).BreachedAt, Is.EqualTo(DecideBy.AddHours(1)),
            "decided late before any sweep: the breach is recorded by the decision");
    }

    [Test]
    public void Steps_out_of_order_are_refused_with_the_rule()
    {
        var declined = AComplaint().Declined("supervisor", "理由", Received);
        Assert.That(Assert.Throws<SupervisionRuleException>(() => declined.Resolved("supervisor", "x", Received))!.Message, Does.Contain("taken up or transferred"));
        Assert.Throws<SupervisionRuleException>(() => declined.TakenUp("supervisor", Received));
        Assert.Throws<SupervisionRuleException>(() => AComplaint().Declined("supervisor", " ", Received));
        Assert.Throws<SupervisionRuleException>(() => AComplaint().Resolved("supervisor", "x", Received));
        Assert.Throws<SupervisionRuleException>(() => Complaint.File(null, "applicant", " ", "body", Received, DecideBy));
    }
}

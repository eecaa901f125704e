using Approval.Workflows.Supervision;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>The lifecycle of a correction notice: Open → Answered, or Overdue → Escalated when unanswered; a late answer is still taken.</summary>
public class CorrectionNoticeTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = Issued.AddDays(2);
    private static readonly DateTimeOffset Escalate = Issued.AddDays(3);

    private static CorrectionNotice ANotice() =>
        CorrectionNotice.Issue("case-1", "samr", NoticeKind.CorrectionNotice, "请说明", "超时未受理", "supervisor", Issued, Due, Escalate);

    [Test]
    public void A_notice_answered_before_its_due_instant_is_answered_in_time_and_the_sweep_leaves_it()
    {
        var answered = ANotice().Answered("  已整改  ", "samr-reviewer", Due.AddHours(-1));

        Assert.That((answered.Status, answered.Answer, answered.AnsweredLate), Is.EqualTo((NoticeStatus.Answered, "已整改", false)));
        Assert.That(answered.Swept(Escalate.AddDays(10)), Is.EqualTo(answered));
    }

    [Test]
    public void An_unanswered_notice_turns_overdue_past_its_due_instant_then_escalated_past_its_escalation_instant()
    {
        var notice = ANotice();

        Assert.That(notice.Swept(Due).Status, Is.EqualTo(NoticeStatus.Open), "due is not yet past due");
        var overdue = notice.Swept(Due.AddTicks(1));
        Assert.That((overdue.Status, overdue.OverdueAt), Is.EqualTo((NoticeStatus.Overdue, (DateTimeOffset?)Due.AddTicks(1))));
        Assert.That(overdue.Swept(Escalate), Is.EqualTo(overdue), "once");
        var escalated = overdue.Swept(Escalate.AddTicks(1));
        Assert.That(escalated.Status, Is.EqualTo(NoticeStatus.Escalated));
        Assert.That(escalated.Swept(Escalate.AddDays(5)), Is.EqualTo(escalated), "once");
        Assert.That(notice.Swept(Escalate.AddDays(1)).Status, Is.EqualTo(NoticeStatus.Escalated), "a sweep late by days does both steps");
    }

    [Test]
    public void An_escalated_notice_can_still_be_answered_late_but_an_answered_one_not_again()
    {
        var late = ANotice().Swept(Escalate.AddDays(1)).Answered("迟复", "samr-head", Escalate.AddDays(2));
        Assert.That((late.Status, late.AnsweredLate), Is.EqualTo((NoticeStatus.Answered, true)));

        var again = Assert.Throws<SupervisionRuleException>(() => late.Answered("再答", "samr-head", Escalate.AddDays(3)));
        Assert.That(again!.Message, Does.Contain("already answered"));
        Assert.Throws<SupervisionRuleException>(() => ANotice().Answered(" ", "samr-head", Issued));
    }

    [Test]
    public void A_correction_notice_names_a_case_and_is_due_after_it_is_issued()
    {
        Assert.Throws<SupervisionRuleException>(() => CorrectionNotice.Issue(null, "samr", NoticeKind.CorrectionNotice, "s", "b", "sup", Issued, Due, Escalate));
        Assert.Throws<SupervisionRuleException>(() => CorrectionNotice.Issue("c", "samr", NoticeKind.CorrectionNotice, "s", "b", "sup", Issued, Issued, Escalate));
        var recommendation = CorrectionNotice.Issue(null, "tax", NoticeKind.SupervisionRecommendation, "监察建议书", "整改", "sup", Issued, Due, Escalate);
        Assert.That((recommendation.CaseId, recommendation.Status), Is.EqualTo(((string?)null, NoticeStatus.Open)));
    }
}

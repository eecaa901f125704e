using Approval.Workflows.Supervision;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>A supervisor's verdict on a violation: a confirmation may give a reason, a dismissal must.</summary>
public class ViolationVerdictTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_confirmation_needs_no_reason()
    {
        var verdict = ViolationVerdict.Confirm("监察员 (supervisor)", "   ", Now);
        Assert.That((verdict.Review, verdict.Reason, verdict.Problem()), Is.EqualTo((ViolationReview.Confirmed, (string?)null, (string?)null)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  \t ")]
    public void A_dismissal_without_a_reason_is_refused(string? reason) =>
        Assert.That(ViolationVerdict.Dismiss("监察员 (supervisor)", reason, Now).Problem(), Is.EqualTo("a dismissal states its reason"));

    [Test]
    public void A_reason_is_kept_trimmed()
    {
        var verdict = ViolationVerdict.Dismiss("监察员 (supervisor)", "  专家评审时间依法不计入  ", Now);
        Assert.That((verdict.Reason, verdict.Problem()), Is.EqualTo(("专家评审时间依法不计入", (string?)null)));
    }

    [Test]
    public void A_reason_longer_than_the_limit_is_refused() =>
        Assert.That(ViolationVerdict.Confirm("s", new string('理', ViolationVerdict.MaxReasonLength + 1), Now).Problem(), Does.StartWith("at most"));

    [Test]
    public void A_verdict_that_leaves_the_violation_open_is_no_review() =>
        Assert.That(new ViolationVerdict(ViolationReview.Open, "s", null, Now).Problem(), Is.Not.Null);
}

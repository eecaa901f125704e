using Approval.Workflows.Cases;

namespace Approval.Tests.Workflows.Cases;

/// <summary>满意度评价: the applicant rates the service once, after delivery or refusal; the rating is on the timeline.</summary>
public class ServiceRatingTests
{
    private static ACase Received() => ACase.ForItem(ACase.FoodLicense, "2026-11-24T10:00:00");

    [Test]
    public void A_refused_application_can_be_rated_and_the_rating_is_a_timeline_line()
    {
        var a = Received().At("2026-11-24T11:00:00");
        a.Case.Refuse("李敏 (clerk)", "不属于本机关职权范围", a.Clock, window: "w01");
        a.At("2026-11-24T11:30:00");

        a.Case.Rate("张三 (applicant)", Satisfaction.Fair, "  解释清楚  ", a.Clock);

        Assert.That(a.Case.Rating, Is.EqualTo(new ServiceRating(Satisfaction.Fair, "解释清楚", "张三 (applicant)", ACase.Beijing("2026-11-24T11:30:00"))));
        Assert.That(a.Case.Rating!.IsSatisfied, Is.False, "基本满意 is not satisfied");
        Assert.That(a.Case.Timeline[^1], Is.EqualTo(new CaseEvent(ACase.Beijing("2026-11-24T11:30:00"), "张三 (applicant)", CaseAction.Rated, "解释清楚", "3 基本满意")));
    }

    [Test]
    public void A_case_still_in_hand_cannot_be_rated()
    {
        var a = Received().At("2026-11-24T11:00:00");
        a.Case.Accept("clerk", a.Clock);
        var refused = Assert.Throws<CaseRuleException>(() => a.Case.Rate("applicant", Satisfaction.VerySatisfied, null, a.Clock));
        Assert.That(refused!.Message, Does.Contain("delivered or it is refused"));
        Assert.That(a.Case.Rating, Is.Null);
    }

    [Test]
    public void A_case_is_rated_once()
    {
        var a = Received().At("2026-11-24T11:00:00");
        a.Case.Refuse("clerk", "材料不属实", a.Clock);
        a.Case.Rate("applicant", Satisfaction.VeryDissatisfied, null, a.Clock);
        var second = Assert.Throws<CaseRuleException>(() => a.Case.Rate("applicant", Satisfaction.VerySatisfied, null, a.Clock));
        Assert.That(second!.Message, Does.Contain("already been rated"));
        Assert.That(a.Case.Rating!.Level, Is.EqualTo(Satisfaction.VeryDissatisfied));
    }

    [TestCase(Satisfaction.VerySatisfied, "非常满意", true)]
    [TestCase(Satisfaction.Satisfied, "满意", true)]
    [TestCase(Satisfaction.Fair, "基本满意", false)]
    [TestCase(Satisfaction.Dissatisfied, "不满意", false)]
    [TestCase(Satisfaction.VeryDissatisfied, "非常不满意", false)]
    public void The_five_levels_of_the_evaluation_form_and_which_count_as_satisfied(Satisfaction level, string name, bool satisfied)
    {
        Assert.That(level.Chinese(), Is.EqualTo(name));
        Assert.That(new ServiceRating(level, null, "applicant", default).IsSatisfied, Is.EqualTo(satisfied));
    }
}

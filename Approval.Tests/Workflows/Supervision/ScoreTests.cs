using Approval.Workflows.Supervision;
using static Approval.Tests.Workflows.Supervision.AUnit;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>The score: base 100, −1 per yellow card, −3 per red card, −5 per confirmed violation, −2 per complaint not
/// decided within 5 working days, +0.01 per early completion (at most +5), never below 0; graded 优秀 ≥ 90, 良好 ≥ 80,
/// 合格 ≥ 60, else 不合格.</summary>
public class ScoreTests
{
    private static readonly ScoreRules Defaults = new();

    [Test]
    public void Cards_and_violations_are_deducted_and_early_completions_add_a_bonus()
    {
        var score = Score.Of(Figures(yellowCards: 2, redCards: 1, violations: 1, early: 150, promised: 160), Defaults);
        Assert.That(score, Is.EqualTo(new Score(Base: 100, YellowCardDeduction: 2, RedCardDeduction: 3, ViolationDeduction: 5, ComplaintBreachDeduction: 0, EarlyCompletionBonus: 1.5m, Total: 91.5m)));
    }

    [Test]
    public void A_complaint_not_decided_within_five_working_days_is_deducted()
    {
        var score = Score.Of(Figures(redCards: 1, complaintBreaches: 3), Defaults);
        Assert.That((score.ComplaintBreachDeduction, score.Total), Is.EqualTo((6m, 100 - 3 - 6m)));
    }

    [Test]
    public void The_early_completion_bonus_is_capped_at_five()
    {
        var score = Score.Of(Figures(early: 17_025, promised: 19_221), Defaults);
        Assert.That((score.EarlyCompletionBonus, score.Total), Is.EqualTo((5m, 105m)));
    }

    [Test]
    public void A_score_never_falls_below_the_floor()
    {
        Assert.That(Score.Of(Figures(redCards: 40), Defaults).Total, Is.Zero);
    }

    [Test]
    public void The_weights_are_configuration()
    {
        var rules = new ScoreRules
        {
            DeductionPerYellowCard = 0.5m, DeductionPerRedCard = 2, DeductionPerConfirmedViolation = 10, DeductionPerComplaintBreach = 4,
            BonusPerEarlyCompletion = 0.1m, EarlyCompletionBonusCap = 2,
        };
        Assert.That(Score.Of(Figures(yellowCards: 4, redCards: 1, violations: 1, early: 100, promised: 100, complaintBreaches: 1), rules).Total,
            Is.EqualTo(100 - 2 - 2 - 10 - 4 + 2m));
    }

    [TestCase(105, "优秀")]
    [TestCase(90, "优秀")]
    [TestCase(89.99, "良好")]
    [TestCase(80, "良好")]
    [TestCase(79.99, "合格")]
    [TestCase(60, "合格")]
    [TestCase(59.99, "不合格")]
    [TestCase(0, "不合格")]
    public void Grades_by_default_thresholds(decimal score, string grade)
    {
        Assert.That(Defaults.GradeOf(score).Chinese(), Is.EqualTo(grade));
    }

    [Test]
    public void Grade_thresholds_are_configuration()
    {
        var stricter = new ScoreRules { ExcellentFrom = 95, GoodFrom = 85, PassFrom = 70 };
        Assert.That(stricter.GradeOf(92), Is.EqualTo(Grade.Good));
        Assert.That(stricter.GradeOf(69), Is.EqualTo(Grade.Fail));
    }
}

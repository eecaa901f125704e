using Approval.Workflows.Supervision;
using static Approval.Tests.Workflows.Supervision.AUnit;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>监察建议书: drafted for a unit graded 不合格, with its score, grade and main deductions.</summary>
public class SupervisionRecommendationTests
{
    [Test]
    public void A_failing_department_s_draft_states_its_period_score_grade_and_main_deductions_largest_first()
    {
        var failing = Department("市卫生健康委员会",
            Figures(yellowCards: 30, redCards: 4, violations: 2, early: 50, promised: 80, received: 120, completed: 110));

        var draft = SupervisionRecommendation.Draft(failing);

        Assert.That(draft.Score, Is.EqualTo(48.5m));
        Assert.That(draft.MainDeductions.Select(d => d.What), Is.EqualTo(new[] { "黄牌", "红牌", "确认违规" }));
        Assert.That(draft.Text, Is.EqualTo(
            """
            监察建议书

            市卫生健康委员会：
            经对你单位2026年第四季度（2026年10月1日至2026年12月31日）行政审批办件情况进行电子监察和绩效评估，你单位本期综合得分48.5分，等次为不合格。主要扣分情况如下：
            一、黄牌30张，扣30分；
            二、红牌4张，扣12分；
            三、确认违规2起，扣10分。
            本期收件120件，办结110件，办结率91.67%；承诺件80件，提前办结50件，提前办结率62.50%，加0.5分。

            请你单位认真分析原因，落实整改措施，并于收到本建议书之日起10个工作日内将整改情况书面报告监察机关。

            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Complaints_not_decided_in_time_are_a_deduction_of_the_draft()
    {
        var draft = SupervisionRecommendation.Draft(Department("住建局", Figures(redCards: 12, yellowCards: 2, violations: 1, complaintBreaches: 3)));
        Assert.That(draft.MainDeductions, Is.EqualTo(new[]
        {
            new Deduction("红牌", 12, 36), new Deduction("投诉超期", 3, 6), new Deduction("确认违规", 1, 5), new Deduction("黄牌", 2, 2),
        }));
        Assert.That(draft.Text, Does.Contain("二、投诉超期3件，扣6分；").And.Contain("四、黄牌2张，扣2分。"));
    }

    [Test]
    public void Deductions_that_took_no_points_are_not_listed()
    {
        var draft = SupervisionRecommendation.Draft(Department("住建局", Figures(redCards: 15)));
        Assert.That(draft.MainDeductions, Is.EqualTo(new[] { new Deduction("红牌", 15, 45) }));
        Assert.That(draft.Text, Does.Contain("一、红牌15张，扣45分。"));
    }

    [Test]
    public void The_deadline_to_rectify_can_be_set_by_the_supervisor()
    {
        var draft = SupervisionRecommendation.Draft(Department("住建局", Figures(redCards: 15)), rectifyWithinWorkingDays: 20);
        Assert.That(draft.Text, Does.Contain("20个工作日内"));
    }

    [Test]
    public void A_unit_that_did_not_fail_gets_no_recommendation()
    {
        Assert.Throws<InvalidOperationException>(() => SupervisionRecommendation.Draft(Department("税务局", Figures(yellowCards: 5))));
    }
}

using Approval.Workflows.Supervision;
using static Approval.Tests.Workflows.Supervision.AUnit;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>绩效排名: by score; a tie goes to the higher early-completion rate, then to the name.</summary>
public class RankingTests
{
    [Test]
    public void Units_rank_by_score_highest_first()
    {
        var ranking = Ranking.Of(
        [
            Department("税务局", Figures(yellowCards: 5)),
            Department("市场监管局", Figures()),
            Department("消防救援支队", Figures(redCards: 2)),
        ]);
        Assert.That(ranking.Places.Select(p => (p.Place, p.Evaluation.Unit.Name)),
            Is.EqualTo(new[] { (1, "市场监管局"), (2, "税务局"), (3, "消防救援支队") }));
    }

    [Test]
    public void A_tie_goes_to_the_higher_early_completion_rate_then_to_the_name()
    {
        // All score 100: one yellow card offset by 100 early completions, or nothing at all; the rates differ.
        var ranking = Ranking.Of(
        [
            Department("住建局", Figures(yellowCards: 1, early: 100, promised: 200)),
            Department("卫健委", Figures(yellowCards: 1, early: 100, promised: 100)),
            Department("环保局", Figures(yellowCards: 1, early: 100, promised: 100)),
            Department("人社局", Figures()), // no promised case: no early-completion rate
        ]);
        Assert.That(ranking.Places.Select(p => p.Evaluation.Unit.Name),
            Is.EqualTo(new[] { "卫健委", "环保局", "住建局", "人社局" }), "卫 (U+536B) before 环 (U+73AF) in ordinal order");
    }

    [Test]
    public void Units_of_different_kinds_are_not_ranked_together()
    {
        var window = Department("综合窗口", Figures()) with { Unit = new EvaluatedUnit(UnitKind.Window, "W01", "综合窗口") };
        Assert.Throws<ArgumentException>(() => Ranking.Of([Department("税务局", Figures()), window]));
    }

    [Test]
    public void Only_failing_units_get_a_supervision_recommendation_drafted()
    {
        var ranking = Ranking.Of(
        [
            Department("税务局", Figures(yellowCards: 5)),
            Department("卫健委", Figures(yellowCards: 30, redCards: 4, violations: 2)),
        ]);
        Assert.That(ranking.DraftRecommendations().Select(r => r.Unit.Name), Is.EqualTo(new[] { "卫健委" }));
    }
}

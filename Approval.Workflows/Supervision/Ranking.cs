namespace Approval.Workflows.Supervision;

/// <summary>A unit's place in a ranking, from 1.</summary>
public sealed record RankedUnit(int Place, UnitEvaluation Evaluation);

/// <summary>
/// 绩效排名: units of one kind over one period, by score (highest first); a tie goes to the higher early-completion
/// rate (a unit without promised cases has none and comes after), then to the name in ordinal order. Every unit has
/// its own place.
/// </summary>
public sealed class Ranking
{
    private Ranking(IReadOnlyList<RankedUnit> places) => Places = places;

    public IReadOnlyList<RankedUnit> Places { get; }

    public static Ranking Of(IEnumerable<UnitEvaluation> evaluations)
    {
        var all = evaluations.ToList();
        if (all.Select(e => e.Unit.Kind).Distinct().Count() > 1)
            throw new ArgumentException("a ranking compares units of one kind", nameof(evaluations));
        if (all.Select(e => e.Period).Distinct().Count() > 1)
            throw new ArgumentException("a ranking compares units over one period", nameof(evaluations));
        var ordered = all
            .OrderByDescending(e => e.Score.Total)
            .ThenByDescending(e => e.Figures.EarlyCompletionRate.Value ?? -1)
            .ThenBy(e => e.Unit.Name, StringComparer.Ordinal)
            .Select((e, index) => new RankedUnit(index + 1, e))
            .ToList();
        return new Ranking(ordered);
    }

    /// <summary>A supervision recommendation (监察建议书) drafted for each failing unit, in ranking order.</summary>
    public IReadOnlyList<SupervisionRecommendation> DraftRecommendations(int rectifyWithinWorkingDays = SupervisionRecommendation.DefaultRectificationDays) =>
        [.. Places.Where(p => p.Evaluation.IsFailing).Select(p => SupervisionRecommendation.Draft(p.Evaluation, rectifyWithinWorkingDays))];
}

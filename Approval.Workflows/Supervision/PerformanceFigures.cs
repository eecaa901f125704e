namespace Approval.Workflows.Supervision;

/// <summary>
/// A unit's figures over a period (绩效评估), by the definitions of the published figures (domain.md §1):
/// cases received and cases completed are counted by their own instants, so a case received before the period and
/// completed in it counts as completed only, and the completion rate may exceed 100%. The kinds and the working days
/// used are those of the cases completed in the period. Cards, violations, complaint breaches and ratings are summed over every fact
/// given: the store projects each case's counts into the period they were raised in.
/// </summary>
public sealed record PerformanceFigures
{
    /// <summary>收件: cases received in the period.</summary>
    public required int Received { get; init; }

    /// <summary>办结: cases completed in the period, whenever received.</summary>
    public required int Completed { get; init; }

    /// <summary>即办件 completed in the period.</summary>
    public required int Immediate { get; init; }

    /// <summary>承诺件 completed in the period.</summary>
    public required int Promised { get; init; }

    /// <summary>提前办结: 承诺件 completed in the period before the due instant of their promised limit.</summary>
    public required int CompletedEarly { get; init; }

    /// <summary>Mean working days used by the cases completed in the period; null without any.</summary>
    public required decimal? AverageWorkingDaysUsed { get; init; }

    /// <summary>Working days within which 90% of the cases completed in the period were done (nearest rank); null without any.</summary>
    public required int? WorkingDaysUsed90thPercentile { get; init; }

    public required int YellowCards { get; init; }
    public required int RedCards { get; init; }
    public required int ConfirmedViolations { get; init; }

    /// <summary>投诉超期: complaints about the unit's cases not decided within 5 working days, by when the breach was recorded.</summary>
    public int ComplaintBreaches { get; init; }

    /// <summary>Mean rating (1–5) of the facts rated; null without any.</summary>
    public required decimal? AverageSatisfaction { get; init; }

    /// <summary>Ratings given in the period (评价数).</summary>
    public int Rated { get; init; }

    /// <summary>Ratings of 满意 or 非常满意 given in the period.</summary>
    public int Satisfied { get; init; }

    /// <summary>满意率 = satisfied ÷ rated (基本满意 is not satisfied).</summary>
    public Rate SatisfactionRate => new(Satisfied, Rated);

    /// <summary>办结率 = completed ÷ received.</summary>
    public Rate CompletionRate => new(Completed, Received);

    /// <summary>提前办结率 = completed early ÷ promised cases completed.</summary>
    public Rate EarlyCompletionRate => new(CompletedEarly, Promised);

    /// <summary>The figures of the facts of one unit's cases: those received, completed, or carded in the period.</summary>
    public static PerformanceFigures Of(IEnumerable<CaseFacts> facts, EvaluationPeriod period)
    {
        var all = facts.ToList();
        var completed = all.Where(f => f.CompletedAt is { } at && period.Contains(at)).ToList();
        var daysUsed = completed.Where(f => f.WorkingDaysUsed is not null).Select(f => f.WorkingDaysUsed!.Value).Order().ToList();
        var ratings = all.Where(f => f.Satisfaction is not null).Select(f => f.Satisfaction!.Value).ToList();
        return new PerformanceFigures
        {
            Received = all.Count(f => period.Contains(f.ReceivedAt)),
            Completed = completed.Count,
            Immediate = completed.Count(f => f.Handling == CaseHandling.Immediate),
            Promised = completed.Count(f => f.Handling == CaseHandling.Promised),
            CompletedEarly = completed.Count(f => f.IsCompletedEarly),
            AverageWorkingDaysUsed = daysUsed.Count == 0 ? null : (decimal)daysUsed.Sum() / daysUsed.Count,
            WorkingDaysUsed90thPercentile = NearestRank(daysUsed, 0.9m),
            YellowCards = all.Sum(f => f.YellowCards),
            RedCards = all.Sum(f => f.RedCards),
            ConfirmedViolations = all.Sum(f => f.ConfirmedViolations),
            ComplaintBreaches = all.Sum(f => f.ComplaintBreaches),
            AverageSatisfaction = ratings.Count == 0 ? null : (decimal)ratings.Sum() / ratings.Count,
            Rated = ratings.Count,
            Satisfied = all.Count(f => f.IsSatisfied),
        };
    }

    /// <summary>The smallest value with at least <paramref name="share"/> of the sorted values at or below it.</summary>
    private static int? NearestRank(IReadOnlyList<int> sorted, decimal share) =>
        sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(share * sorted.Count) - 1];
}

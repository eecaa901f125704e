using System.Globalization;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;

namespace Approval.Api.Supervision;

/// <summary>
/// The additive counters of performance snapshots, summed in memory: a day's counts as the builder gathers them, a
/// month or year rolled up from its rows, or any period assembled from rows. The figures they give are
/// <see cref="PerformanceFigures"/>: rates and the score are the domain's, never computed here.
/// </summary>
internal sealed class SnapshotCounters
{
    private readonly SortedDictionary<int, int> _workingDays = [];

    public int Received { get; set; }
    public int Completed { get; set; }
    public int Immediate { get; set; }
    public int Promised { get; set; }
    public int CompletedEarly { get; set; }
    public long WorkingDaysUsedSum { get; private set; }
    public int WorkingDaysUsedCount { get; private set; }
    public int YellowCards { get; set; }
    public int RedCards { get; set; }
    public int ConfirmedViolations { get; set; }
    public int ComplaintBreaches { get; set; }
    public long SatisfactionSum { get; set; }
    public int SatisfactionCount { get; set; }
    public int SatisfiedCount { get; set; }
    public int Accepted { get; set; }
    public int Refused { get; set; }
    public int AcceptedOnTime { get; set; }
    public int SupplementRequests { get; set; }

    /// <summary>A rating (1–5) given to a case the unit handled.</summary>
    public void AddRating(int score)
    {
        SatisfactionSum += score;
        SatisfactionCount++;
        if (score >= (int)Satisfaction.Satisfied)
            SatisfiedCount++;
    }

    /// <summary>A window step, as <see cref="WindowFigures.Of"/> counts it.</summary>
    public void AddWindowAction(WindowAction step)
    {
        switch (step.Kind)
        {
            case WindowActionKind.Accepted:
                Accepted++;
                if (step.OnTime)
                    AcceptedOnTime++;
                break;
            case WindowActionKind.Refused:
                Refused++;
                break;
            default:
                SupplementRequests++;
                break;
        }
    }

    /// <summary>A completed case's facts: its kind, whether early, and its working days used.</summary>
    public void AddCompleted(CaseFacts facts)
    {
        Completed++;
        if (facts.Handling == CaseHandling.Immediate)
            Immediate++;
        if (facts.Handling == CaseHandling.Promised)
            Promised++;
        if (facts.IsCompletedEarly)
            CompletedEarly++;
        if (facts.WorkingDaysUsed is { } days)
            AddWorkingDays(days, 1);
    }

    public void Add(PerformanceSnapshotRecord row)
    {
        Received += row.Received;
        Completed += row.Completed;
        Immediate += row.Immediate;
        Promised += row.Promised;
        CompletedEarly += row.CompletedEarly;
        YellowCards += row.YellowCards;
        RedCards += row.RedCards;
        ConfirmedViolations += row.ConfirmedViolations;
        ComplaintBreaches += row.ComplaintBreaches;
        SatisfactionSum += row.SatisfactionSum;
        SatisfactionCount += row.SatisfactionCount;
        SatisfiedCount += row.SatisfiedCount;
        Accepted += row.Accepted;
        Refused += row.Refused;
        AcceptedOnTime += row.AcceptedOnTime;
        SupplementRequests += row.SupplementRequests;
        foreach (var (days, count) in ParseHistogram(row.WorkingDaysHistogram))
            AddWorkingDays(days, count);
    }

    public PerformanceSnapshotRecord ToRecord(UnitKind unit, string code, SnapshotPeriod period, DateOnly start) => new()
    {
        UnitKind = unit.ToString(), UnitCode = code, PeriodKind = period.ToString(), PeriodStart = start,
        Received = Received, Completed = Completed, Immediate = Immediate, Promised = Promised, CompletedEarly = CompletedEarly,
        WorkingDaysUsedSum = WorkingDaysUsedSum, WorkingDaysUsedCount = WorkingDaysUsedCount,
        WorkingDaysHistogram = string.Join(';', _workingDays.Select(d => $"{d.Key.ToString(CultureInfo.InvariantCulture)}:{d.Value.ToString(CultureInfo.InvariantCulture)}")),
        YellowCards = YellowCards, RedCards = RedCards, ConfirmedViolations = ConfirmedViolations, ComplaintBreaches = ComplaintBreaches,
        SatisfactionSum = SatisfactionSum, SatisfactionCount = SatisfactionCount, SatisfiedCount = SatisfiedCount,
        Accepted = Accepted, Refused = Refused, AcceptedOnTime = AcceptedOnTime, SupplementRequests = SupplementRequests,
    };

    /// <summary>The figures, as <see cref="PerformanceFigures.Of"/> would give them for the same cases.</summary>
    public PerformanceFigures ToFigures() => new()
    {
        Received = Received,
        Completed = Completed,
        Immediate = Immediate,
        Promised = Promised,
        CompletedEarly = CompletedEarly,
        AverageWorkingDaysUsed = WorkingDaysUsedCount == 0 ? null : (decimal)WorkingDaysUsedSum / WorkingDaysUsedCount,
        WorkingDaysUsed90thPercentile = NearestRank(0.9m),
        YellowCards = YellowCards,
        RedCards = RedCards,
        ConfirmedViolations = ConfirmedViolations,
        ComplaintBreaches = ComplaintBreaches,
        AverageSatisfaction = SatisfactionCount == 0 ? null : (decimal)SatisfactionSum / SatisfactionCount,
        Rated = SatisfactionCount,
        Satisfied = SatisfiedCount,
    };

    /// <summary>The window's own figures, as <see cref="WindowFigures.Of"/> would give them for the same steps.</summary>
    public WindowFigures ToWindowFigures() => new(Accepted, Refused, AcceptedOnTime, SupplementRequests);

    private void AddWorkingDays(int days, int count)
    {
        _workingDays[days] = _workingDays.GetValueOrDefault(days) + count;
        WorkingDaysUsedSum += (long)days * count;
        WorkingDaysUsedCount += count;
    }

    // The nearest rank, as PerformanceFigures defines it, read off the histogram: the smallest value with at least
    // that share of the values at or below it.
    private int? NearestRank(decimal share)
    {
        if (WorkingDaysUsedCount == 0)
            return null;
        var rank = (int)Math.Ceiling(share * WorkingDaysUsedCount);
        var seen = 0;
        foreach (var (days, count) in _workingDays)
        {
            seen += count;
            if (seen >= rank)
                return days;
        }
        return _workingDays.Keys.Last();
    }

    private static IEnumerable<(int Days, int Count)> ParseHistogram(string histogram)
    {
        foreach (var bucket in histogram.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = bucket.Split(':');
            yield return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>The periods snapshots are kept for: days, rolled up to months and years.</summary>
public enum SnapshotPeriod
{
    Day,
    Month,
    Year,
}

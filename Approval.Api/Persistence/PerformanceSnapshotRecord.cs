namespace Approval.Api.Persistence;

/// <summary>
/// One unit's additive performance counters over one Beijing-time day, month or year (绩效快照), written by the snapshot
/// builder so that reading figures and rankings sums a few rows instead of scanning cases. Every column adds up:
/// a month row is the sum of its days, a year row the sum of its months.
/// </summary>
public sealed class PerformanceSnapshotRecord
{
    /// <summary>Department, Window or Person (the names of <c>UnitKind</c>).</summary>
    public required string UnitKind { get; set; }
    public required string UnitCode { get; set; }
    /// <summary>Day, Month or Year.</summary>
    public required string PeriodKind { get; set; }
    /// <summary>The period's first day in the service center's time zone.</summary>
    public DateOnly PeriodStart { get; set; }

    public int Received { get; set; }
    public int Completed { get; set; }
    public int Immediate { get; set; }
    public int Promised { get; set; }
    public int CompletedEarly { get; set; }
    /// <summary>Sum of the working days used by the completed cases whose days are known.</summary>
    public long WorkingDaysUsedSum { get; set; }
    /// <summary>How many completed cases the sum and the histogram hold.</summary>
    public int WorkingDaysUsedCount { get; set; }
    /// <summary>Completed cases by working days used, <c>days:count</c> separated by <c>;</c> (exact, for the 90th percentile).</summary>
    public string WorkingDaysHistogram { get; set; } = "";
    public int YellowCards { get; set; }
    public int RedCards { get; set; }
    public int ConfirmedViolations { get; set; }
    /// <summary>Complaints about the unit's cases not decided within 5 working days (投诉超期), counted on the day the breach was recorded.</summary>
    public int ComplaintBreaches { get; set; }
    public long SatisfactionSum { get; set; }
    public int SatisfactionCount { get; set; }
    /// <summary>Ratings of 满意 or 非常满意.</summary>
    public int SatisfiedCount { get; set; }

    // A window's (or its clerk's) own steps; zero for departments and reviewers.
    public int Accepted { get; set; }
    public int Refused { get; set; }
    /// <summary>Acceptances within the 5 working days of Art. 32.</summary>
    public int AcceptedOnTime { get; set; }
    public int SupplementRequests { get; set; }
}

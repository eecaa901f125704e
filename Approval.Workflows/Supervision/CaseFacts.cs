using Approval.Workflows.Catalog;

namespace Approval.Workflows.Supervision;

/// <summary>How a case's deadline is set, as performance evaluation counts it.</summary>
public enum CaseHandling
{
    /// <summary>即办件: decided on the spot.</summary>
    Immediate,
    /// <summary>承诺件: decided within a promised limit (joint cases, 联办件, included).</summary>
    Promised,
    /// <summary>上报件: decided by a higher authority; neither immediate nor promised here.</summary>
    Escalated,
}

/// <summary>What performance evaluation needs of one case of a unit, projected by the store for one period.</summary>
public sealed record CaseFacts
{
    private readonly int? _satisfaction;

    /// <summary>收件: when the case was received.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>办结: when the case was completed; null while it is open.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    public required CaseHandling Handling { get; init; }

    /// <summary>For a promised case: the due instant of its promised limit, extensions and suspensions included.</summary>
    public DateTimeOffset? PromisedDueAt { get; init; }

    /// <summary>Working days from acceptance to completion, suspended days excluded; null while open.</summary>
    public int? WorkingDaysUsed { get; init; }

    /// <summary>Yellow cards the case received within the period.</summary>
    public int YellowCards { get; init; }

    /// <summary>Red cards the case received within the period.</summary>
    public int RedCards { get; init; }

    /// <summary>Violations supervisors confirmed within the period.</summary>
    public int ConfirmedViolations { get; init; }

    /// <summary>Complaints about the case whose breach (not decided within 5 working days, 投诉超期) was recorded within the period.</summary>
    public int ComplaintBreaches { get; init; }

    /// <summary>The applicant's rating given within the period, 1 (very dissatisfied) to 5 (very satisfied).</summary>
    public int? Satisfaction
    {
        get => _satisfaction;
        init => _satisfaction = value is null or (>= 1 and <= 5)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Satisfaction), value, "a rating is 1 to 5");
    }

    /// <summary>Rated 满意 or 非常满意: what the satisfaction rate (满意率) counts.</summary>
    public bool IsSatisfied => Satisfaction >= (int)Cases.Satisfaction.Satisfied;

    /// <summary>承诺件 completed before the due instant of its promised limit (提前办结).</summary>
    public bool IsCompletedEarly =>
        Handling == CaseHandling.Promised && CompletedAt is { } completed && PromisedDueAt is { } due && completed < due;

    /// <summary>The handling of an item's cases: joint cases have a promised limit like promised ones.</summary>
    public static CaseHandling HandlingOf(ItemKind kind) => kind switch
    {
        ItemKind.Immediate => CaseHandling.Immediate,
        ItemKind.Escalated => CaseHandling.Escalated,
        _ => CaseHandling.Promised,
    };
}

namespace Approval.Workflows.Supervision;

/// <summary>How a unit's figures become a score and a grade (绩效评分). Bound from <c>Approval:Supervision:Score</c>.</summary>
public sealed class ScoreRules
{
    public decimal Base { get; set; } = 100;
    public decimal DeductionPerYellowCard { get; set; } = 1;
    public decimal DeductionPerRedCard { get; set; } = 3;
    public decimal DeductionPerConfirmedViolation { get; set; } = 5;
    /// <summary>Per complaint about the unit's cases not decided within 5 working days (投诉超期).</summary>
    public decimal DeductionPerComplaintBreach { get; set; } = 2;
    public decimal BonusPerEarlyCompletion { get; set; } = 0.01m;

    /// <summary>The early-completion bonus never adds more than this.</summary>
    public decimal EarlyCompletionBonusCap { get; set; } = 5;

    /// <summary>No score is lower.</summary>
    public decimal Floor { get; set; }

    /// <summary>优秀 from this score up.</summary>
    public decimal ExcellentFrom { get; set; } = 90;

    /// <summary>良好 from this score up.</summary>
    public decimal GoodFrom { get; set; } = 80;

    /// <summary>合格 from this score up; below it 不合格.</summary>
    public decimal PassFrom { get; set; } = 60;

    public Grade GradeOf(decimal score) =>
        score >= ExcellentFrom ? Grade.Excellent
        : score >= GoodFrom ? Grade.Good
        : score >= PassFrom ? Grade.Pass
        : Grade.Fail;
}

namespace Approval.Workflows.Supervision;

/// <summary>The grade of a unit's period (等次); thresholds in <see cref="ScoreRules"/>.</summary>
public enum Grade
{
    /// <summary>优秀.</summary>
    Excellent,
    /// <summary>良好.</summary>
    Good,
    /// <summary>合格.</summary>
    Pass,
    /// <summary>不合格: the unit receives a supervision recommendation (监察建议书).</summary>
    Fail,
}

public static class GradeNames
{
    /// <summary>The grade as published: 优秀, 良好, 合格, 不合格.</summary>
    public static string Chinese(this Grade grade) => grade switch
    {
        Grade.Excellent => "优秀",
        Grade.Good => "良好",
        Grade.Pass => "合格",
        _ => "不合格",
    };
}

namespace Approval.Workflows.Supervision;

/// <summary>What kind of unit is evaluated.</summary>
public enum UnitKind
{
    /// <summary>部门 (委办局).</summary>
    Department,
    /// <summary>窗口.</summary>
    Window,
    /// <summary>个人: a window clerk or a reviewer.</summary>
    Person,
}

/// <summary>A department, window or person whose performance is evaluated.</summary>
public sealed record EvaluatedUnit(UnitKind Kind, string Code, string Name);

/// <summary>A unit's period: its figures, score and grade.</summary>
public sealed record UnitEvaluation(EvaluatedUnit Unit, EvaluationPeriod Period, PerformanceFigures Figures, Score Score, Grade Grade)
{
    public static UnitEvaluation Of(EvaluatedUnit unit, EvaluationPeriod period, PerformanceFigures figures, ScoreRules rules)
    {
        var score = Score.Of(figures, rules);
        return new UnitEvaluation(unit, period, figures, score, rules.GradeOf(score.Total));
    }

    /// <summary>不合格: a supervision recommendation is drafted for the unit.</summary>
    public bool IsFailing => Grade == Grade.Fail;
}

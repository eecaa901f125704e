using Approval.Workflows.Calendar;
using Approval.Workflows.Supervision;

namespace Approval.Tests.Workflows.Supervision;

/// <summary>Test data for evaluations: a unit's figures in the fourth quarter of 2026, only what a test states.</summary>
internal static class AUnit
{
    public static readonly EvaluationPeriod FourthQuarter = EvaluationPeriod.Quarter(2026, 4, new BusinessHours());

    public static PerformanceFigures Figures(int yellowCards = 0, int redCards = 0, int violations = 0, int early = 0, int promised = 0,
        int received = 100, int completed = 100, int complaintBreaches = 0) => new()
        {
            Received = received,
            Completed = completed,
            Immediate = completed - promised,
            Promised = promised,
            CompletedEarly = early,
            AverageWorkingDaysUsed = null,
            WorkingDaysUsed90thPercentile = null,
            YellowCards = yellowCards,
            RedCards = redCards,
            ConfirmedViolations = violations,
            ComplaintBreaches = complaintBreaches,
            AverageSatisfaction = null,
        };

    public static UnitEvaluation Department(string name, PerformanceFigures figures, ScoreRules? rules = null) =>
        UnitEvaluation.Of(new EvaluatedUnit(UnitKind.Department, name, name), FourthQuarter, figures, rules ?? new ScoreRules());
}

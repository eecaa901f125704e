namespace Approval.Workflows.Supervision;

/// <summary>
/// A unit's score and where it came from: base − yellow cards × weight − red cards × weight − confirmed violations ×
/// weight − complaint breaches × weight + early completions × weight (the bonus capped), never below the floor.
/// </summary>
public sealed record Score(
    decimal Base,
    decimal YellowCardDeduction,
    decimal RedCardDeduction,
    decimal ViolationDeduction,
    decimal ComplaintBreachDeduction,
    decimal EarlyCompletionBonus,
    decimal Total)
{
    public static Score Of(PerformanceFigures figures, ScoreRules rules)
    {
        var yellow = figures.YellowCards * rules.DeductionPerYellowCard;
        var red = figures.RedCards * rules.DeductionPerRedCard;
        var violations = figures.ConfirmedViolations * rules.DeductionPerConfirmedViolation;
        var complaints = figures.ComplaintBreaches * rules.DeductionPerComplaintBreach;
        var bonus = Math.Min(figures.CompletedEarly * rules.BonusPerEarlyCompletion, rules.EarlyCompletionBonusCap);
        var total = Math.Max(rules.Floor, rules.Base - yellow - red - violations - complaints + bonus);
        return new Score(rules.Base, yellow, red, violations, complaints, bonus, total);
    }
}

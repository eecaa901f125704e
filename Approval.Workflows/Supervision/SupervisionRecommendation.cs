using System.Globalization;
using System.Text;

namespace Approval.Workflows.Supervision;

/// <summary>One of the deductions of a score, as the recommendation states it.</summary>
public sealed record Deduction(string What, int Count, decimal Points);

/// <summary>
/// 监察建议书: the draft a supervisor reviews and sends to a unit graded 不合格, stating its score, grade, main
/// deductions and a deadline to rectify.
/// </summary>
public sealed record SupervisionRecommendation(
    EvaluatedUnit Unit,
    EvaluationPeriod Period,
    decimal Score,
    Grade Grade,
    IReadOnlyList<Deduction> MainDeductions,
    int RectifyWithinWorkingDays,
    string Text)
{
    /// <summary>Working days the unit has to report its rectification, unless the supervisor sets another.</summary>
    public const int DefaultRectificationDays = 10;

    private static readonly string[] Numerals = ["一", "二", "三", "四"];

    /// <exception cref="InvalidOperationException">The unit did not fail.</exception>
    public static SupervisionRecommendation Draft(UnitEvaluation evaluation, int rectifyWithinWorkingDays = DefaultRectificationDays)
    {
        if (!evaluation.IsFailing)
            throw new InvalidOperationException($"{evaluation.Unit.Name} is graded {evaluation.Grade.Chinese()}: a supervision recommendation goes to a failing unit only.");
        ArgumentOutOfRangeException.ThrowIfLessThan(rectifyWithinWorkingDays, 1);
        var deductions = MainDeductionsOf(evaluation);
        return new SupervisionRecommendation(evaluation.Unit, evaluation.Period, evaluation.Score.Total, evaluation.Grade, deductions,
            rectifyWithinWorkingDays, Write(evaluation, deductions, rectifyWithinWorkingDays));
    }

    /// <summary>The deductions that took points, largest first.</summary>
    private static List<Deduction> MainDeductionsOf(UnitEvaluation evaluation)
    {
        var figures = evaluation.Figures;
        var score = evaluation.Score;
        Deduction[] all =
        [
            new("红牌", figures.RedCards, score.RedCardDeduction),
            new("确认违规", figures.ConfirmedViolations, score.ViolationDeduction),
            new("黄牌", figures.YellowCards, score.YellowCardDeduction),
            new("投诉超期", figures.ComplaintBreaches, score.ComplaintBreachDeduction),
        ];
        // A stable sort: equal deductions stay in order of severity.
        return [.. all.Where(d => d.Points > 0).OrderByDescending(d => d.Points)];
    }

    private static string Write(UnitEvaluation evaluation, List<Deduction> deductions, int rectifyWithinWorkingDays)
    {
        var (unit, period, figures, score) = (evaluation.Unit, evaluation.Period, evaluation.Figures, evaluation.Score);
        var you = unit.Kind switch
        {
            UnitKind.Department => "你单位",
            UnitKind.Window => "你窗口",
            _ => "你",
        };
        var text = new StringBuilder();
        text.AppendLine("监察建议书").AppendLine();
        text.Append(unit.Name).AppendLine("：");
        text.Append($"经对{you}{period.Name}（{Date(period.FirstDay)}至{Date(period.LastDay)}）行政审批办件情况进行电子监察和绩效评估，")
            .Append($"{you}本期综合得分{Number(score.Total)}分，等次为{evaluation.Grade.Chinese()}。");
        if (deductions.Count == 0)
        {
            text.AppendLine("本期无扣分项。");
        }
        else
        {
            text.AppendLine("主要扣分情况如下：");
            for (var i = 0; i < deductions.Count; i++)
            {
                var d = deductions[i];
                var unitWord = d.What switch
                {
                    "确认违规" => "起",
                    "投诉超期" => "件",
                    _ => "张",
                };
                text.Append($"{Numerals[i]}、{d.What}{d.Count}{unitWord}，扣{Number(d.Points)}分").AppendLine(i == deductions.Count - 1 ? "。" : "；");
            }
        }
        text.Append($"本期收件{figures.Received}件，办结{figures.Completed}件，办结率{Percent(figures.CompletionRate)}；")
            .AppendLine($"承诺件{figures.Promised}件，提前办结{figures.CompletedEarly}件，提前办结率{Percent(figures.EarlyCompletionRate)}，加{Number(score.EarlyCompletionBonus)}分。");
        text.AppendLine()
            .AppendLine($"请{you}认真分析原因，落实整改措施，并于收到本建议书之日起{rectifyWithinWorkingDays}个工作日内将整改情况书面报告监察机关。");
        return text.ToString();
    }

    private static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Percent(Rate rate) => rate.Percent is { } percent ? percent.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "无";
}

using Approval.Workflows.Calendar;

namespace Approval.Workflows.Supervision;

/// <summary>The days an evaluation covers, first and last included, read in the service center's time zone.</summary>
public sealed record EvaluationPeriod(string Name, DateOnly FirstDay, DateOnly LastDay, TimeZoneInfo Zone)
{
    private static readonly string[] QuarterNames = ["一", "二", "三", "四"];

    /// <summary>A calendar quarter (季度), the usual period of evaluation: <c>2026年第四季度</c>.</summary>
    public static EvaluationPeriod Quarter(int year, int quarter, BusinessHours hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var first = new DateOnly(year, 3 * quarter - 2, 1);
        return new EvaluationPeriod($"{year}年第{QuarterNames[quarter - 1]}季度", first, first.AddMonths(3).AddDays(-1), hours.Zone);
    }

    /// <summary>Any run of days, named for people.</summary>
    public static EvaluationPeriod Between(string name, DateOnly firstDay, DateOnly lastDay, BusinessHours hours)
    {
        if (lastDay < firstDay)
            throw new ArgumentException("a period's last day is not before its first", nameof(lastDay));
        return new EvaluationPeriod(name, firstDay, lastDay, hours.Zone);
    }

    public bool Contains(DateTimeOffset instant)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
        return FirstDay <= date && date <= LastDay;
    }
}

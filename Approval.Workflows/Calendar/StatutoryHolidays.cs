namespace Approval.Workflows.Calendar;

/// <summary>A statutory holiday (法定节假日) of a year and its days off for everyone.</summary>
public sealed record StatutoryHoliday(string Name, IReadOnlyList<DateOnly> Dates);

/// <summary>
/// The holidays the State Council's 全国年节及纪念日放假办法 gives everyone, by the version in force in a year:
/// since 2025 (amended 2024) 元旦 1 day, 春节 4 (除夕 to 正月初三), 清明 1, 劳动节 2 (May 1–2), 端午 1 (五月初五),
/// 中秋 1 (八月十五), 国庆 3 (Oct 1–3). The yearly notice only arranges these days (bridges, 调休 weekends); it never
/// drops one, so a year's schedule that lacks one is incomplete, and a year not yet published is known in part from
/// the statute alone. 除夕 is the day before 正月初一, whether 腊月 has 29 days or 30.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The first year whose holidays are checked: the 1999 version, in force from 2000.</summary>
    public const int FirstYear = 2000;

    /// <summary>The first year of the version in force (amended 2024): the statute a provisional year follows.</summary>
    public const int CurrentStatuteFrom = 2025;

    /// <summary>The last year the lunar calendar reaches.</summary>
    public static int LastYear => LunarDates.LastYear;

    public const string NewYearsDay = "元旦";
    public const string SpringFestival = "春节";
    public const string QingMing = "清明节";
    public const string LabourDay = "劳动节";
    public const string DragonBoat = "端午节";
    public const string MidAutumn = "中秋节";
    public const string NationalDay = "国庆节";

    /// <summary>Whether the statutory holidays of <paramref name="year"/> are known here.</summary>
    public static bool Knows(int year) => year >= FirstYear && year <= LastYear;

    /// <summary>The statutory holidays of <paramref name="year"/>, by the version of the statute in force then.</summary>
    public static IReadOnlyList<StatutoryHoliday> Of(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        var newYear = LunarDates.NewYear(year);
        var eve = newYear.AddDays(-1);
        // 1999 version: no traditional festival but 春节, 3 days each for 春节, 劳动节 and 国庆.
        if (year < 2008)
        {
            return
            [
                new(NewYearsDay, [new DateOnly(year, 1, 1)]),
                new(SpringFestival, Days(newYear, 3)),
                new(LabourDay, Days(new DateOnly(year, 5, 1), 3)),
                new(NationalDay, Days(new DateOnly(year, 10, 1), 3)),
            ];
        }
        // 2007 version gives 除夕 to 初二; the 2013 one (from 2014) 初一 to 初三; the 2024 one (from 2025) 除夕 to 初三.
        IReadOnlyList<DateOnly> spring = year switch
        {
            < 2014 => Days(eve, 3),
            < CurrentStatuteFrom => Days(newYear, 3),
            _ => Days(eve, 4),
        };
        return
        [
            new(NewYearsDay, [new DateOnly(year, 1, 1)]),
            new(SpringFestival, spring),
            new(QingMing, [SolarTerms.DateOf(year, 15)]),
            new(LabourDay, Days(new DateOnly(year, 5, 1), year < CurrentStatuteFrom ? 1 : 2)),
            new(DragonBoat, [LunarDates.Of(year, 5, 5)]),
            new(MidAutumn, [LunarDates.Of(year, 8, 15)]),
            new(NationalDay, Days(new DateOnly(year, 10, 1), 3)),
        ];
    }

    /// <summary>
    /// The statutory holidays a schedule does not give as days off (each with the dates it lacks); none for a year
    /// outside <see cref="FirstYear"/>..<see cref="LastYear"/>, which is not checked.
    /// </summary>
    public static IReadOnlyList<StatutoryHoliday> MissingFrom(HolidaySchedule schedule)
    {
        if (!Knows(schedule.Year))
            return [];
        var off = schedule.Days.Where(d => d.IsOffDay).Select(d => d.Date).ToHashSet();
        return [.. Of(schedule.Year)
            .Select(h => h with { Dates = [.. h.Dates.Where(d => !off.Contains(d))] })
            .Where(h => h.Dates.Count > 0)];
    }

    /// <summary>Says what a schedule lacks, e.g. "清明节 (2027-04-05), 劳动节 (2027-05-01, 2027-05-02)"; null when complete.</summary>
    public static string? DescribeMissing(HolidaySchedule schedule)
    {
        var missing = MissingFrom(schedule);
        return missing.Count == 0
            ? null
            : string.Join(", ", missing.Select(h => $"{h.Name} ({string.Join(", ", h.Dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))})"));
    }

    /// <summary>
    /// A year as the statute alone makes it, before the State Council's notice: the statutory days off, and for one
    /// falling on a Saturday or Sunday a day off in lieu (补假, Art. 6 of the statute) on the next weekday that is not
    /// off already. The notice's bridges and make-up working days (调休) are not known, so none are listed.
    /// </summary>
    public static HolidaySchedule Provisional(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, CurrentStatuteFrom);
        var holidays = Of(year);
        var off = new Dictionary<DateOnly, SpecialDay>();
        foreach (var holiday in holidays)
        {
            foreach (var date in holiday.Dates)
                off.TryAdd(date, new SpecialDay(date, holiday.Name, IsOffDay: true));
        }
        foreach (var holiday in holidays)
        {
            var owed = holiday.Dates.Count(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
            var date = holiday.Dates.Max();
            while (owed > 0)
            {
                date = date.AddDays(1);
                if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || off.ContainsKey(date))
                    continue;
                off[date] = new SpecialDay(date, $"{holiday.Name}（补假）", IsOffDay: true);
                owed--;
            }
        }
        return new HolidaySchedule(year, [.. off.Values.OrderBy(d => d.Date)]);
    }

    private static DateOnly[] Days(DateOnly first, int count) => [.. Enumerable.Range(0, count).Select(first.AddDays)];
}

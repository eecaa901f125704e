using System.Globalization;
using Approval.Workflows.Calendar;

namespace Approval.Tests.Workflows.Calendar;

/// <summary>
/// The statutory holidays (全国年节及纪念日放假办法) computed for any year — lunar dates from .NET's Chinese calendar,
/// 清明 from the sun's longitude — checked against every schedule the State Council published.
/// </summary>
public class StatutoryHolidaysTests
{
    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    /// <summary>The published schedules of 2007–2014 (not shipped), from the shared copy of the data set, when it is on this machine.</summary>
    private static IReadOnlyList<HolidaySchedule> PublishedBefore2015()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "holidays"), Path.Combine(dir.FullName, "work", "shared", "holidays") })
            {
                if (File.Exists(Path.Combine(candidate, "2007.json")))
                    return [.. Enumerable.Range(2007, 8).Select(y => OfficialHolidays.Parse(File.ReadAllText(Path.Combine(candidate, $"{y}.json"))))];
            }
        }
        Assert.Ignore("The shared copy of the holiday data set (shared/holidays, 2007–2014) is not on this machine: those years were not checked.");
        return [];
    }

    private static void AssertEveryStatutoryDayIsOff(HolidaySchedule schedule)
    {
        Assert.That(StatutoryHolidays.MissingFrom(schedule), Is.Empty, $"{schedule.Year}: {StatutoryHolidays.DescribeMissing(schedule)}");
    }

    [Test]
    public void Every_statutory_holiday_computed_for_2015_to_2026_is_a_day_off_in_the_shipped_schedule()
    {
        var shipped = OfficialHolidays.Schedules.Where(s => s.Year <= 2026).ToList();
        Assert.That(shipped.Select(s => s.Year), Is.EqualTo(Enumerable.Range(2015, 12)));
        Assert.Multiple(() =>
        {
            foreach (var schedule in shipped)
                AssertEveryStatutoryDayIsOff(schedule);
        });
    }

    [Test]
    public void Every_statutory_holiday_computed_for_2007_to_2014_is_a_day_off_in_the_published_schedule()
    {
        var published = PublishedBefore2015();
        Assert.Multiple(() =>
        {
            foreach (var schedule in published)
                AssertEveryStatutoryDayIsOff(schedule);
        });
    }

    [Test]
    public void Qingming_falls_in_every_published_qingming_break_and_is_the_day_itself_where_the_break_is_one_day()
    {
        var schedules = OfficialHolidays.Schedules.Where(s => s.Year <= 2026).ToList();
        Assert.Multiple(() =>
        {
            foreach (var schedule in schedules)
            {
                var breakDays = schedule.Days.Where(d => d.IsOffDay && d.Name.Contains("清明", StringComparison.Ordinal)).Select(d => d.Date).ToList();
                var qingming = StatutoryHolidays.Of(schedule.Year).Single(h => h.Name == StatutoryHolidays.QingMing).Dates.Single();
                Assert.That(breakDays, Does.Contain(qingming), $"{schedule.Year}");
            }
        });
        // Years whose notice gave 清明 alone: the computed solar term is that very day.
        Assert.That(SolarTerms.DateOf(2016, 15), Is.EqualTo(D("2016-04-04")));
        Assert.That(SolarTerms.DateOf(2019, 15), Is.EqualTo(D("2019-04-05")));
        Assert.That(SolarTerms.DateOf(2023, 15), Is.EqualTo(D("2023-04-05")));
    }

    [Test]
    public void The_sun_reaches_fifteen_degrees_at_qingming()
    {
        var instant = SolarTerms.InstantOf(2026, 15);
        var julianDay = 2451545.0 + (instant - new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc)).TotalDays;
        Assert.That(SolarTerms.ApparentLongitude(julianDay + SolarTerms.DeltaTSeconds(2026) / 86400), Is.EqualTo(15).Within(1e-6));
        Assert.That(instant.Month, Is.EqualTo(4));
    }

    [Test]
    public void Spring_festival_dragon_boat_and_mid_autumn_fall_in_their_published_breaks()
    {
        var schedules = OfficialHolidays.Schedules.Where(s => s.Year <= 2026).ToList();
        Assert.Multiple(() =>
        {
            foreach (var schedule in schedules)
            {
                foreach (var (name, festival) in new[] { ("春节", LunarDates.NewYear(schedule.Year)), ("端午", LunarDates.Of(schedule.Year, 5, 5)), ("中秋", LunarDates.Of(schedule.Year, 8, 15)) })
                {
                    var breakDays = schedule.Days.Where(d => d.IsOffDay && d.Name.Contains(name, StringComparison.Ordinal)).Select(d => d.Date);
                    Assert.That(breakDays, Does.Contain(festival), $"{schedule.Year} {name}");
                }
            }
        });
    }

    [Test]
    public void The_eve_is_the_day_before_new_year_when_the_twelfth_month_has_29_days()
    {
        // 2025: 正月初一 on 01-29, and 腊月 of 2024 had 29 days, so 除夕 was 腊月廿九, 01-28 — the first day of the published break.
        var spring = StatutoryHolidays.Of(2025).Single(h => h.Name == StatutoryHolidays.SpringFestival).Dates;
        Assert.That(spring, Is.EqualTo(new[] { D("2025-01-28"), D("2025-01-29"), D("2025-01-30"), D("2025-01-31") }));
    }

    [Test]
    public void A_leap_month_before_the_fifth_or_eighth_month_shifts_them_one_place()
    {
        // 2023 had 闰二月, 2025 闰六月, 2020 闰四月: 端午 2023-06-22, 中秋 2025-10-06, 端午 2020-06-25.
        Assert.That(LunarDates.Of(2023, 5, 5), Is.EqualTo(D("2023-06-22")));
        Assert.That(LunarDates.Of(2025, 8, 15), Is.EqualTo(D("2025-10-06")));
        Assert.That(LunarDates.Of(2020, 5, 5), Is.EqualTo(D("2020-06-25")));
    }

    [Test]
    public void A_provisional_year_has_the_statutory_days_off_and_a_day_in_lieu_for_one_on_a_weekend()
    {
        var year = StatutoryHolidays.Provisional(2027);
        var off = year.Days.Where(d => d.IsOffDay).Select(d => d.Date).ToList();
        Assert.That(year.Days.All(d => d.IsOffDay), Is.True, "the 调休 working days are not known before the notice");
        Assert.That(off, Does.Contain(D("2027-01-01")).And.Contain(D("2027-05-01")).And.Contain(D("2027-05-02")).And.Contain(D("2027-10-01")));
        // 春节 2027: 除夕 Friday 02-05 to 初三 Monday 02-08; Saturday and Sunday are owed on Tuesday and Wednesday.
        Assert.That(off, Is.SupersetOf(new[] { D("2027-02-05"), D("2027-02-06"), D("2027-02-07"), D("2027-02-08"), D("2027-02-09"), D("2027-02-10") }));
        Assert.That(year.Days.Single(d => d.Date == D("2027-02-09")).Name, Is.EqualTo("春节（补假）"));
        Assert.That(StatutoryHolidays.MissingFrom(year), Is.Empty);
    }

    [Test]
    public void A_schedule_without_its_statutory_holidays_is_described_by_what_it_lacks()
    {
        var onlyNewYear = new HolidaySchedule(2031, [new SpecialDay(D("2031-01-01"), "元旦", true)]);
        var missing = StatutoryHolidays.DescribeMissing(onlyNewYear);
        Assert.That(missing, Does.Contain("春节").And.Contain("清明节").And.Contain("劳动节 (2031-05-01, 2031-05-02)").And.Contain("国庆节"));
        Assert.That(missing, Does.Not.Contain("元旦"));
    }
}

using System.Globalization;

namespace Approval.Workflows.Calendar;

/// <summary>Gregorian dates of Chinese lunar (农历) dates, through .NET's <see cref="ChineseLunisolarCalendar"/>.</summary>
internal static class LunarDates
{
    private static readonly ChineseLunisolarCalendar Chinese = new();

    /// <summary>The first lunar year whose every date the calendar knows (its range starts 1901-02-19, 正月初一 of 1901).</summary>
    public static int FirstYear => Chinese.MinSupportedDateTime.Year;

    /// <summary>The last lunar year whose every date the calendar knows (its range ends 2101-01-28, 除夕 of 2100).</summary>
    public static int LastYear => Chinese.MaxSupportedDateTime.Year - 1;

    /// <summary>
    /// Month <paramref name="month"/> (1 = 正月), day <paramref name="day"/> of lunar year <paramref name="year"/>. A year
    /// with a leap month (闰月) has 13 months in <see cref="ChineseLunisolarCalendar"/>: <c>GetLeapMonth</c> gives the
    /// leap month's place, and every ordinary month from there on sits one place later.
    /// </summary>
    public static DateOnly Of(int year, int month, int day)
    {
        var leap = Chinese.GetLeapMonth(year);
        var place = leap != 0 && month >= leap ? month + 1 : month;
        return DateOnly.FromDateTime(Chinese.ToDateTime(year, place, day, 0, 0, 0, 0));
    }

    /// <summary>春节 (正月初一) of a lunar year.</summary>
    public static DateOnly NewYear(int year) => Of(year, 1, 1);
}

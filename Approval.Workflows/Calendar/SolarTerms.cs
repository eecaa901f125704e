namespace Approval.Workflows.Calendar;

/// <summary>
/// The 24 solar terms (节气) by the sun's apparent ecliptic longitude, as the Purple Mountain Observatory fixes them:
/// 清明 is the day the longitude reaches 15°. Computed with the low-precision solar theory (mean longitude and
/// anomaly, equation of centre, aberration and nutation in longitude), good to about 0.01° — a quarter of an hour —
/// which decides the date except when the term falls within minutes of Beijing midnight.
/// </summary>
internal static class SolarTerms
{
    private const double J2000 = 2451545.0;
    private const double TropicalYear = 365.2422;
    private static readonly DateTime J2000Utc = new(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The date in Beijing on which the sun reaches <paramref name="longitude"/> degrees in <paramref name="year"/>.</summary>
    public static DateOnly DateOf(int year, double longitude)
    {
        var instant = InstantOf(year, longitude);
        return DateOnly.FromDateTime(instant + Beijing);
    }

    /// <summary>The instant (UTC) the sun's apparent longitude reaches <paramref name="longitude"/> degrees in <paramref name="year"/>.</summary>
    public static DateTime InstantOf(int year, double longitude)
    {
        // Start from the March equinox's usual date and step by the sun's mean motion; the error shrinks a hundredfold a step.
        var equinox = new DateTime(year, 3, 20, 12, 0, 0, DateTimeKind.Utc);
        var ut = JulianDay(equinox) + Normalize(longitude) / 360 * TropicalYear;
        for (var step = 0; step < 8; step++)
        {
            var tt = ut + DeltaTSeconds(year) / 86400;
            ut += Signed(longitude - ApparentLongitude(tt)) / 360 * TropicalYear;
        }
        return J2000Utc.AddDays(ut - J2000);
    }

    /// <summary>The sun's apparent geocentric ecliptic longitude, in degrees, at a Julian day of terrestrial time.</summary>
    public static double ApparentLongitude(double julianDayTt)
    {
        var t = (julianDayTt - J2000) / 36525;
        var meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        var meanAnomaly = Radians(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        var centre = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.Sin(meanAnomaly)
            + (0.019993 - 0.000101 * t) * Math.Sin(2 * meanAnomaly)
            + 0.000289 * Math.Sin(3 * meanAnomaly);
        var ascendingNode = Radians(125.04 - 1934.136 * t);
        // Aberration (−20.5″) and the main term of nutation in longitude.
        return Normalize(meanLongitude + centre - 0.00569 - 0.00478 * Math.Sin(ascendingNode));
    }

    // TT − UT (ΔT), from the polynomial fits of Espenak and Meeus; a minute off moves the term a minute.
    internal static double DeltaTSeconds(int year)
    {
        if (year < 2050)
        {
            var t = year - 2000.0;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        var u = (year - 1820.0) / 100;
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    }

    private static double JulianDay(DateTime utc) => J2000 + (utc - J2000Utc).TotalDays;

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double Normalize(double degrees)
    {
        var d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }

    // An angle difference in (−180°, 180°].
    private static double Signed(double degrees)
    {
        var d = Normalize(degrees);
        return d > 180 ? d - 360 : d;
    }
}

namespace Approval.Workflows.Calendar;

/// <summary>When a working day ends, and in which time zone dates are read. Bound from <c>Approval:Calendar</c>.</summary>
public sealed class BusinessHours
{
    /// <summary>IANA time zone of the service center.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Close of business: a limit ends at this time of its last working day.</summary>
    public TimeOnly CloseOfBusiness { get; set; } = new(17, 30);

    public TimeZoneInfo Zone => _zone ??= Resolve(TimeZone);

    private TimeZoneInfo? _zone;

    private static TimeZoneInfo Resolve(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == "Asia/Shanghai")
        {
            // China keeps UTC+8 all year; a machine without tzdata still counts right.
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), id, id);
        }
    }

    /// <summary>The local date of an instant.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The first instant of a date in the service center's time zone.</summary>
    public DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The instant a date's business closes.</summary>
    public DateTimeOffset CloseOf(DateOnly date)
    {
        var local = date.ToDateTime(CloseOfBusiness);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}

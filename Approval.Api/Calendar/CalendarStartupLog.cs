using Approval.Workflows.Calendar;

namespace Approval.Api.Calendar;

/// <summary>
/// Says at start-up what the calendar answers for: the years refused (an empty placeholder, a year without its
/// statutory holidays), the provisional years, and from 1 November a warning while next year is missing or provisional.
/// </summary>
internal static class CalendarStartupLog
{
    public static void LogCalendarReadiness(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Approval.Calendar");
        var calendars = app.Services.GetRequiredService<CalendarSource>();
        var today = app.Services.GetRequiredService<BusinessHours>().DateOf(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        foreach (var refused in calendars.Refused)
            logger.LogWarning("Calendar year {Year} refused: {Reason}", refused.Year, refused.Reason);
        var provisional = calendars.Current.ProvisionalYears;
        if (provisional.Count > 0)
            logger.LogInformation("Calendar: {Years} answered provisionally from the statute (holidays known, 调休 not)", string.Join(", ", provisional));
        if (CalendarReadiness.PendingAt(calendars, today) is { } pending)
            logger.LogWarning("Calendar not ready for {Year}: {Reason}", pending.Year, pending.Reason);
    }
}

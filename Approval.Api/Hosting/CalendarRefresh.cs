using Approval.Workflows.Calendar;

namespace Approval.Api.Hosting;

/// <summary>
/// Reloads the administrators' calendar years every <c>Approval:Calendar:RefreshInterval</c> (default 5 minutes;
/// <c>00:00:00</c> turns it off), so a year saved on another node sharing the database counts here too. The node
/// an administrator saves on uses the year at once.
/// </summary>
internal sealed class CalendarRefresh(CalendarEditor editor, IConfiguration configuration, TimeProvider time, ILogger<CalendarRefresh> logger)
    : BackgroundService
{
    public const string IntervalKey = "Approval:Calendar:RefreshInterval";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalKey, TimeSpan.FromMinutes(5));
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await editor.LoadAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The database may be away for a moment: the calendar in force stays, the next tick tries again.
                    logger.LogWarning(e, "Reloading the calendar years failed; the calendar in force is kept.");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

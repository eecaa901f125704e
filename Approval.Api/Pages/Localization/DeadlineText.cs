using System.Globalization;
using Approval.Workflows.Calendar;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Localization;

/// <summary>Instants and deadlines as a person reads them: local time of the service's zone, in their culture, and
/// "N working days left" / "逾期 N 个工作日" counted on the working-day calendar.</summary>
public sealed class DeadlineText(DueInstantCalculator due, BusinessHours hours, TimeProvider time)
{
    public string Instant(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, hours.Zone).ToString("g", CultureInfo.CurrentCulture) : "—";

    public string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>Working days left until <paramref name="dueAt"/>, or how many it is overdue by.</summary>
    public string Remaining(IStringLocalizer<UiText> text, DateTimeOffset? dueAt)
    {
        if (dueAt is not { } deadline)
            return "";
        var now = time.GetUtcNow();
        return deadline >= now
            ? text["Deadline.Left", due.WorkingDaysUsed(now, deadline)]
            : text["Deadline.Overdue", Math.Max(1, due.WorkingDaysUsed(deadline, now))];
    }
}

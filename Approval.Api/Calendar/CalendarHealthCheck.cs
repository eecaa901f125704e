using Approval.Workflows.Calendar;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approval.Api.Calendar;

/// <summary><c>/health</c> is Degraded from 1 November while next year's holiday schedule is missing or provisional, with the reason.</summary>
internal sealed class CalendarHealthCheck(CalendarSource calendars, BusinessHours hours, TimeProvider time) : IHealthCheck
{
    public const string Name = "calendar";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(CalendarReadiness.PendingAt(calendars, hours.DateOf(time.GetUtcNow())) is { } pending
            ? HealthCheckResult.Degraded(pending.Reason)
            : HealthCheckResult.Healthy());
}

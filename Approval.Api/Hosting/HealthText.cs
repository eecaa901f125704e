using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Approval.Api.Hosting;

/// <summary>
/// <c>/health</c> as plain text: the status on the first line (<c>Healthy</c>, <c>Degraded</c>, <c>Unhealthy</c>), then
/// one line per check that is not healthy, with its reason, so an operator reading it knows what to do.
/// </summary>
internal static class HealthText
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = new List<string> { report.Status.ToString() };
        lines.AddRange(report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).Select(e => $"{e.Key}: {e.Value.Description}"));
        return context.Response.WriteAsync(string.Join("\n", lines));
    }
}

using System.Text.Json;
using Approval.Api.Supervision;
using Approval.Workflows.Calendar;

namespace Approval.Api.Cli;

/// <summary>Commands that need the application's database (run with its configuration, then exit, no web server).</summary>
internal static class HostCommands
{
    private static readonly string[] Names = ["export-stages", DemoData.SeedDemoCommand.Name, Audit.AuditVerifyCommand.Name];

    /// <summary>A command's console is its own output: EF Core's SQL lines (Information) are kept for the web application.</summary>
    public static void QuietenLogging(WebApplicationBuilder builder, string[] args)
    {
        if (args.Length > 0 && Names.Contains(args[0]))
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
    }

    public static async Task<int?> TryRunAsync(WebApplication app, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length > 0 && args[0] == DemoData.SeedDemoCommand.Name)
            return await DemoData.SeedDemoCommand.RunAsync(app.Services, args[1..], output, error, app.Lifetime.ApplicationStopping);
        if (args.Length > 0 && args[0] == Audit.AuditVerifyCommand.Name)
            return await Audit.AuditVerifyCommand.RunAsync(app.Services, args[1..], output, error, app.Lifetime.ApplicationStopping);
        if (args.Length == 0 || args[0] != "export-stages")
            return null;
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (!StageRecordEndpoints.TryDay(Option("--from"), out var first) || !StageRecordEndpoints.TryDay(Option("--to"), out var last) || last < first)
        {
            error.WriteLine("usage: export-stages --from YYYY-MM-DD --to YYYY-MM-DD [--format json|csv]   (days in the service center's time zone)");
            return 2;
        }
        var hours = app.Services.GetRequiredService<BusinessHours>();
        var export = app.Services.GetRequiredService<StageRecordExport>();
        var records = export.ForPeriodAsync(hours.StartOf(first), hours.StartOf(last.AddDays(1)), CancellationToken.None);
        if (string.Equals(Option("--format"), "csv", StringComparison.OrdinalIgnoreCase))
        {
            output.Write(Csv.Header(StageRecordExport.Columns));
            await foreach (var record in records)
                output.Write(Csv.Line(StageRecordExport.Columns, record, hours.Zone));
            return 0;
        }
        // The API's time convention: instants in the service center's offset (Contract/ServiceCenterTime).
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new Contract.ServiceCenterTime(hours.Zone), new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };
        var all = new List<Approval.Workflows.Supervision.StageRecord>();
        await foreach (var record in records)
            all.Add(record);
        output.WriteLine(JsonSerializer.Serialize(all, options));
        return 0;
    }
}

using Approval.Api.Attachments;
using Approval.Api.Calendar;
using Approval.Api.Cli;
using Approval.Api.Clock;
using Approval.Api.Endpoints;
using Approval.Api.Engine;
using Approval.Api.Hosting;
using Approval.Api.Identity;
using Approval.Api.Notifications;
using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Workflows.Calendar;

if (await CommandLine.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
    return exitCode;

// Configuration and the workflows folder are read from the build output, wherever `dotnet run` is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AnchorDataDirectory(Environment.CurrentDirectory);
HostCommands.QuietenLogging(builder, args);
builder.Services
    .AddApprovalClock(builder.Configuration, builder.Environment)
    .AddApprovalEngine()
    .AddApprovalDomain(builder.Configuration)
    .AddApprovalPersistence(builder.Configuration)
    .AddApprovalBackgroundJobs(builder.Configuration)
    .AddApprovalIdentity(builder.Configuration)
    .AddApprovalSupervision()
    .AddApprovalNotifications(builder.Configuration)
    .AddApprovalApi();

var app = builder.Build();
await app.Services.MigrateApprovalDatabaseAsync();
await app.Services.GetRequiredService<CalendarEditor>().LoadAsync(app.Lifetime.ApplicationStopping);
app.LogCalendarReadiness();
await app.Services.GetRequiredService<DemoCatalogSeed>().SeedAsync(app.Lifetime.ApplicationStopping);
await app.Services.GetRequiredService<DemoUsers>().SeedAsync(app.Lifetime.ApplicationStopping);
app.UseApprovalApi();
app.UseApprovalIdentity();
app.MapAuthEndpoints();
app.MapWorkflowDefinitionEndpoints();
app.MapWorkflowInstanceEndpoints();
app.MapCalendarEndpoints();
app.MapCatalogEndpoints();
app.MapCasesEndpoints();
app.MapCaseTaskEndpoints();
app.MapStatusEndpoints();
app.MapClockEndpoints();
app.MapAttachmentEndpoints();
app.MapSupervisionEndpoints();
app.MapNoticeEndpoints();
app.MapComplaintEndpoints();
app.MapCorrectionEndpoints();
app.MapAbsenceEndpoints();
app.MapNotificationEndpoints();
app.MapStageRecordEndpoints();
if (await HostCommands.TryRunAsync(app, args, Console.Out, Console.Error) is { } commandExit)
    return commandExit;
await app.StartApprovalEngineAsync();
await app.Services.GetRequiredService<DemoCaseSeed>().SeedAsync(app.Lifetime.ApplicationStopping);
app.AnnounceUrlsOnStart();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

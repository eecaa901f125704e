using Approval.Api.Attachments;
using Approval.Api.Audit;
using Approval.Api.Calendar;
using Approval.Api.CaseEvents;
using Approval.Api.DepartmentSystems;
using Approval.Api.Cli;
using Approval.Api.Clock;
using Approval.Api.Contract;
using Approval.Api.Credit;
using Approval.Api.Endpoints;
using Approval.Api.Engine;
using Approval.Api.Hosting;
using Approval.Api.Identity;
using Approval.Api.MachineClients;
using Approval.Api.Webhooks;
using Approval.Api.Notifications;
using Approval.Api.Notifications.Feedback;
using Approval.Api.Pages;
using Approval.Api.Persistence;
using Approval.Api.Seal;
using Approval.Api.Supervision;
using Approval.Api.WorkLists;
using Approval.Workflows.Calendar;

if (await CommandLine.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
    return exitCode;

// Configuration and the workflows folder are read from the build output, wherever `dotnet run` is started.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AnchorDataDirectory(Environment.CurrentDirectory);
HostCommands.QuietenLogging(builder, args);
if (OpenApiDocumentBuild.IsRunning)
    OpenApiDocumentBuild.Quieten(builder);
builder.Services
    .AddApprovalClock(builder.Configuration, builder.Environment)
    .AddApprovalEngine()
    .AddApprovalDomain(builder.Configuration)
    .AddApprovalPersistence(builder.Configuration)
    .AddApprovalBackgroundJobs(builder.Configuration)
    .AddApprovalIdentity(builder.Configuration)
    .AddApprovalMachineClients(builder.Configuration)
    .AddApprovalDepartmentSystems(builder.Configuration)
    .AddApprovalWebhooks()
    .AddApprovalRateLimits(builder.Configuration)
    .AddApprovalSupervision()
    .AddApprovalWorkLists()
    .AddApprovalNotifications(builder.Configuration)
    .AddApprovalSeal(builder.Configuration)
    .AddApprovalAudit()
    .AddApprovalApi()
    .AddApprovalPages();
if (OpenApiDocumentBuild.IsRunning)
    OpenApiDocumentBuild.StopBackgroundServices(builder.Services);

var app = builder.Build();
app.UseApprovalApi();
// Pages route explicitly (their error pages re-execute), so the rate limiter comes after routing and sees each endpoint's policy.
app.UseApprovalPages();
app.UseApprovalRateLimits();
app.UseApprovalIdentity();
// Every endpoint of the API refuses values longer than their fields take, before its handler runs.
var api = app.MapGroup("").AddEndpointFilterFactory(InputLimits.Filter);
api.MapAuthEndpoints();
api.MapAccountEndpoints();
api.MapWindowEndpoints();
api.MapWorkflowDefinitionEndpoints();
api.MapWorkflowInstanceEndpoints();
api.MapCalendarEndpoints().RequireRateLimiting(RateLimits.Calendar);
api.MapCatalogEndpoints();
api.MapCasesEndpoints();
api.MapCaseTaskEndpoints();
api.MapStatusEndpoints().RequireRateLimiting(RateLimits.StatusQuery);
api.MapClockEndpoints();
api.MapAttachmentEndpoints();
api.MapSupervisionEndpoints();
api.MapNoticeEndpoints();
api.MapComplaintEndpoints();
api.MapCorrectionEndpoints();
api.MapAbsenceEndpoints();
api.MapNotificationEndpoints();
api.MapFeedbackEndpoints();
api.MapStageRecordEndpoints();
api.MapWorkListEndpoints();
api.MapCreditEndpoints();
api.MapMachineClientEndpoints();
api.MapDepartmentEventEndpoints();
api.MapWebhookEndpoints();
api.MapWorkflowCallbackEndpoints();
api.MapSealEndpoints();
api.MapAuditEndpoints();
app.MapApprovalPages();
// The build writes the OpenAPI document by running this entry point with an inert server: it needs the endpoints,
// not the database, the demo data or the engine.
if (OpenApiDocumentBuild.IsRunning)
{
    await app.RunAsync();
    return 0;
}
await app.Services.MigrateApprovalDatabaseAsync();
await app.Services.ResumeTestClockAsync(app.Lifetime.ApplicationStopping);
await app.Services.GetRequiredService<CalendarEditor>().LoadAsync(app.Lifetime.ApplicationStopping);
app.LogCalendarReadiness();
await app.Services.GetRequiredService<DemoCatalogSeed>().SeedAsync(app.Lifetime.ApplicationStopping);
await app.Services.GetRequiredService<DemoUsers>().SeedAsync(app.Lifetime.ApplicationStopping);
await app.Services.GetRequiredService<DemoCreditRecords>().SeedAsync(app.Lifetime.ApplicationStopping);
if (await HostCommands.TryRunAsync(app, args, Console.Out, Console.Error) is { } commandExit)
    return commandExit;
await app.StartApprovalEngineAsync();
await app.Services.GetRequiredService<DemoCaseSeed>().SeedAsync(app.Lifetime.ApplicationStopping);
app.AnnounceUrlsOnStart();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;

using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Hangfire;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Approval.Api.Engine;

/// <summary>Wires the workflow engine, its runtime and its Hangfire-driven timers.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Types that need the host's services (the HTTP activities) come as HostActivityTypes registrations.
        services.AddSingleton(WorkflowActivities.CreateRegistry);
        services.AddSingleton(sp => new WorkflowEngine(
            sp.GetRequiredService<Approval.Engine.Activities.ActivityRegistry>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IWorkflowTimerScheduler, HangfireTimerScheduler>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddTransient<WorkflowTimerJobs>();
        services.AddTransient<DeadlineJobs>();
        services.AddSingleton<Approval.Workflows.Cases.IDeadlineAlarms, HangfireDeadlineAlarms>();
        services.AddTransient<WorkflowFolderImport>();
        return services;
    }

    /// <summary>Imports the workflows folder and registers the recurring timer reconciliation.</summary>
    public static async Task StartApprovalEngineAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<WorkflowFolderImport>().ImportAsync(app.Lifetime.ApplicationStopping);
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<WorkflowTimerJobs>(WorkflowTimerJobs.ReconcileJobId, timers => timers.ReconcileAsync(CancellationToken.None), Cron.Minutely());
        DeadlineJobs.Register(jobs);
        Notifications.EmailOutbox.Register(jobs);
        Notifications.Sms.SmsOutbox.Register(jobs);
        Attachments.OrphanedAttachmentSweep.Register(jobs);
        Calendar.CalendarReminders.Register(jobs);
        Audit.AuditHeadSigning.Register(jobs);
        Webhooks.WebhookDelivery.Register(jobs);
        Supervision.PerformanceSnapshotBuilder.Register(jobs, app.Services.GetRequiredService<Approval.Workflows.Calendar.BusinessHours>());
    }
}

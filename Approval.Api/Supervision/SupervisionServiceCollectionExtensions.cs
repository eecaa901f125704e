using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>Wires the supervisors' reads, their review of violations, their notices and the complaints they decide.</summary>
internal static class SupervisionServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalSupervision(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SupervisionOverviewCounts(sp.GetRequiredService<IDbContextFactory<ApprovalDbContext>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<DatabaseWrites>(), sp.GetRequiredService<IConfiguration>().GetValue("Approval:Supervision:OverviewMaxAge", SupervisionOverviewCounts.DefaultMaxAge)));
        services.AddSingleton<SupervisionTodayCounts>();
        services.AddSingleton<SupervisedCaseList>();
        services.AddSingleton<SupervisedTaskList>();
        services.AddSingleton<ViolationList>();
        services.AddSingleton<ViolationReviews>();
        services.AddSingleton<PerformanceReadings>();
        services.AddTransient<PerformanceSnapshotBuilder>();
        services.AddSingleton<StageRecordExport>();
        services.AddSingleton<CaseTimelineLines>();
        services.AddSingleton<CorrectionNoticeDesk>();
        services.AddSingleton<ComplaintDesk>();
        services.AddSingleton<NoticeList>();
        services.AddSingleton<ComplaintList>();
        services.AddSingleton(sp => new SupervisionDeadlines(sp.GetRequiredService<CorrectionNoticeDesk>(), sp.GetRequiredService<ComplaintDesk>()));
        services.ConfigureSwaggerGen(options => options.OperationFilter<SwaggerCsvExport>());
        return services;
    }
}

namespace Approval.Api.Supervision;

/// <summary>Wires the supervisors' reads and their review of violations.</summary>
internal static class SupervisionServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalSupervision(this IServiceCollection services)
    {
        services.AddSingleton<SupervisionOverviewCounts>();
        services.AddSingleton<SupervisedCaseList>();
        services.AddSingleton<SupervisedTaskList>();
        services.AddSingleton<ViolationList>();
        services.AddSingleton<ViolationReviews>();
        services.AddSingleton<PerformanceReadings>();
        services.AddTransient<PerformanceSnapshotBuilder>();
        services.AddSingleton<StageRecordExport>();
        services.ConfigureSwaggerGen(options => options.OperationFilter<SwaggerCsvExport>());
        return services;
    }
}

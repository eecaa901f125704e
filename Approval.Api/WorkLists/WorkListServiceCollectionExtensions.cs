namespace Approval.Api.WorkLists;

/// <summary>The work lists' query classes: stateless, each opening its own context per read.</summary>
internal static class WorkListServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalWorkLists(this IServiceCollection services) => services
        .AddSingleton<WorkListCaseReader>()
        .AddSingleton<DepartmentTaskList>()
        .AddSingleton<ApplicantCaseList>()
        .AddSingleton<WorkListCounts>();
}

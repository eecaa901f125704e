using Approval.Workflows.Calendar;

namespace Approval.Api.Hosting;

/// <summary>Wires the approval domain's services.</summary>
internal static class DomainServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BusinessHours>(configuration.GetSection("Approval:Calendar"));
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BusinessHours>>().Value);
        services.AddSingleton(WorkingDayCalendar.Official);
        services.AddSingleton<DueInstantCalculator>();
        return services;
    }
}

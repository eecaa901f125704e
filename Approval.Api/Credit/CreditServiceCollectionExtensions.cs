using Approval.Workflows.Credit;
using Microsoft.Extensions.Options;

namespace Approval.Api.Credit;

/// <summary>Wires the credit-record store (诚信记录信息库): the rules from <c>Approval:Credit</c>, the EF Core store, the register and the import.</summary>
public static class CreditServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalCredit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CreditRules>(configuration.GetSection("Approval:Credit"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CreditRules>>().Value);
        services.AddSingleton<ICreditRecords, EfCreditRecords>();
        services.AddSingleton<CreditStandings>();
        services.AddSingleton<CreditRegister>();
        services.AddSingleton<CreditImport>();
        services.AddSingleton<CreditVisibility>();
        services.AddSingleton<PromiseReport>();
        services.AddSingleton<PromiseCreditWatch>();
        services.AddTransient<DemoCreditRecords>();
        return services;
    }
}

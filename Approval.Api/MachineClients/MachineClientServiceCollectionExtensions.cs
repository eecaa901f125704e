using Approval.Api.CaseEvents;

namespace Approval.Api.MachineClients;

/// <summary>Department systems: their client credentials, and the case-event feed they follow.</summary>
internal static class MachineClientServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalMachineClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaseEventFeedOptions>().Bind(configuration.GetSection(CaseEventFeedOptions.Section))
            .Validate(o => o.SettleTime >= TimeSpan.Zero && o.SettleTime <= TimeSpan.FromMinutes(5),
                $"{CaseEventFeedOptions.Section}:SettleTime must be from 0 to 5 minutes.")
            .ValidateOnStart();
        services.AddSingleton<EfMachineClients>();
        services.AddSingleton<ClientCredentialSignIn>();
        services.AddSingleton<MachineClientAdministration>();
        services.AddSingleton<DepartmentEventFeed>();
        services.ConfigureSwaggerGen(options => options.OperationFilter<ClientCredentialsGrantDocument>());
        return services;
    }
}

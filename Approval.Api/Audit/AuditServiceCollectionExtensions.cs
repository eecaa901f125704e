using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Approval.Api.Audit;

/// <summary>Wires the audit log: the chain every context's SaveChanges appends to, its verification and the head's signing.</summary>
internal static class AuditServiceCollectionExtensions
{
    /// <summary>What the persistence needs to write the chain (a node without the web application's services too).</summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.Section))
            .Validate(o => AuditHash.IsKnown(o.HashAlgorithm), $"{AuditOptions.Section}:HashAlgorithm is SHA-256 or SM3.")
            .Validate(o => o.VerificationBatch > 0, $"{AuditOptions.Section}:VerificationBatch is a positive number.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditChain>();
        // Outside a request (jobs, the command line, a test's bare node) the actor is the system.
        services.TryAddSingleton(provider => new AuditChanges(provider.GetService<IHttpContextAccessor>()));
        services.TryAddSingleton<AuditChainInterceptor>();
        return services;
    }

    /// <summary>The web application's side: who acts (the signed-in user), the head's signing and the verification.</summary>
    public static IServiceCollection AddApprovalAudit(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<AuditHeadSigning>();
        services.AddSingleton<AuditVerification>();
        return services;
    }
}

using Approval.Api.Persistence;
using Approval.Workflows.Seal;
using Microsoft.Extensions.Options;

namespace Approval.Api.Seal;

/// <summary>Wires sealed results: the key store in the data folder, the product's CA, the departments' seals, documents and verification.</summary>
internal static class SealServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalSeal(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SealOptions>(configuration.GetSection(SealOptions.Section));
        services.AddSingleton<ISealKeyStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SealOptions>>().Value;
            var directory = string.IsNullOrWhiteSpace(options.KeyStoreDirectory)
                ? Path.Combine(DataDirectory.Resolve(sp.GetRequiredService<IConfiguration>()), "seal")
                : options.KeyStoreDirectory;
            return new FileSealKeyStore(directory, options.KeyStorePassword);
        });
        services.AddSingleton<CertificateAuthority>();
        services.AddSingleton<ISealCertificates, EfSealCertificates>();
        services.AddSingleton<DepartmentSeals>();
        services.AddSingleton<SealVerifier>();
        services.AddSingleton<SealedDocuments>();
        services.AddSingleton<DecisionDocumentRenderer>();
        services.AddSingleton<DecisionSeal>();
        services.AddSingleton<IDecisionSeal>(sp => sp.GetRequiredService<DecisionSeal>());
        // Public for the pages, built from internal stores: hence the factories.
        services.AddSingleton(sp => new DocumentVerification(sp.GetRequiredService<SealedDocuments>(), sp.GetRequiredService<SealVerifier>(),
            sp.GetRequiredService<Approval.Workflows.Cases.ICaseSessions>()));
        services.AddSingleton(sp => new CaseDocuments(sp.GetRequiredService<DecisionSeal>()));
        return services;
    }
}

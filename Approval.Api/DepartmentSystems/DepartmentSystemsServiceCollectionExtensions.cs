using Approval.Api.Engine;
using Microsoft.Extensions.Options;

namespace Approval.Api.DepartmentSystems;

/// <summary>Wires the HTTP activities to departments' own systems: <c>Elsa.SendHttpRequest</c>/<c>Elsa.FlowSendHttpRequest</c>
/// and <c>Elsa.HttpEndpoint</c>, over <c>Approval:DepartmentSystems</c>.</summary>
public static class DepartmentSystemsServiceCollectionExtensions
{
    public static IServiceCollection AddApprovalDepartmentSystems(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DepartmentSystemsOptions>().Bind(configuration.GetSection(DepartmentSystemsOptions.Section))
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, $"{DepartmentSystemsOptions.Section}:RequestTimeout must be positive.")
            .Validate(o => o.SignatureTolerance > TimeSpan.Zero, $"{DepartmentSystemsOptions.Section}:SignatureTolerance must be positive.")
            .Validate(o => o.Callbacks.Values.All(c => !string.IsNullOrWhiteSpace(c.Department)),
                $"{DepartmentSystemsOptions.Section}:Callbacks: each path names its Department.")
            .ValidateOnStart();
        // No redirects: a redirect could lead the request to a host that is not on the allow-list.
        services.AddHttpClient(SendHttpRequestActivity.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton(new HostActivityTypes(sp =>
        {
            var clients = sp.GetRequiredService<IHttpClientFactory>();
            var options = sp.GetRequiredService<IOptionsMonitor<DepartmentSystemsOptions>>();
            return
            [
                new SendHttpRequestActivity("Elsa.SendHttpRequest", clients, options),
                new SendHttpRequestActivity("Elsa.FlowSendHttpRequest", clients, options),
                new HttpEndpointActivity(options),
            ];
        }));
        return services;
    }
}

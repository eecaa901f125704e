using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Approval.Api.Contract;

/// <summary>
/// The build's OpenAPI document generator (Microsoft.Extensions.ApiDescription.Server's GetDocument.Insider) runs the
/// application's entry point only to read its endpoints. It must stay inert: no background services, no log noise
/// in the build's output, and nothing written beside the sources.
/// </summary>
internal static class OpenApiDocumentBuild
{
    public static bool IsRunning { get; } = Assembly.GetEntryAssembly()?.GetName().Name == "GetDocument.Insider";

    /// <summary>Before any service is registered (some read the data folder as they are).</summary>
    public static void Quieten(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // Keys and the token signing key are created on first use: in a folder of their own, not the project's data/.
        builder.Configuration["Approval:DataDirectory"] = Path.Combine(Path.GetTempPath(), "approval-openapi-build");
    }

    /// <summary>Once every service is registered: the inert server would still start them.</summary>
    public static void StopBackgroundServices(IServiceCollection services) => services.RemoveAll<IHostedService>();
}

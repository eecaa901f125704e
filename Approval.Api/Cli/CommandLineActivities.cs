using Approval.Api.DepartmentSystems;
using Approval.Api.Engine;
using Approval.Api.Notifications;
using Approval.Engine.Activities;

namespace Approval.Api.Cli;

/// <summary>
/// The activity types <c>validate</c> and <c>run</c> use: the server's (<see cref="WorkflowActivities.CreateRegistry(IServiceProvider)"/>),
/// Elsa's built-ins, the approval activities and the host's HTTP activities of department systems, configured as the server is
/// (<c>appsettings.json</c>, <c>appsettings.{Environment}.json</c> beside the program, environment variables such as
/// <c>Approval__DepartmentSystems__AllowedHosts__0</c>). So a definition the command line accepts is one the server accepts, and
/// the reason it refuses one (a host off the allow-list, a callback path not configured) is the server's.
/// </summary>
internal sealed class CommandLineActivities : IDisposable
{
    private readonly ServiceProvider _services;

    public CommandLineActivities(IConfiguration? configuration)
    {
        configuration ??= ServerConfiguration();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApprovalDepartmentSystems(configuration);
        // Elsa.SendEmail as the server runs it; `run` prints the e-mails its steps stage (PrintedEmails) instead of sending them.
        services.AddSingleton(new HostActivityTypes(_ => [new SendEmailActivity()]));
        _services = services.BuildServiceProvider();
        Registry = WorkflowActivities.CreateRegistry(_services);
    }

    public ActivityRegistry Registry { get; }

    // The sources the web application reads its settings from (Program.cs: the build output is the content root).
    private static IConfiguration ServerConfiguration()
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    public void Dispose() => _services.Dispose();
}

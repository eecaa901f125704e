using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api;

/// <summary>The real application over HTTP in memory, with its data in a temporary folder and no job server.</summary>
internal sealed class ApprovalApiFactory : ApprovalApiFactoryBase;

/// <summary>The application under test; subclasses replace services (a fake clock, a PostgreSQL database).</summary>
internal abstract class ApprovalApiFactoryBase : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "approval-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Approval:DataDirectory", DataDirectory);
        builder.UseSetting("Approval:BackgroundJobs:RunServer", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(Configure);
    }

    /// <summary>More configuration, e.g. the database provider.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Replaces services of the application.</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
    }
}

using System.Reflection;
using Approval.Api.Endpoints;
using Approval.Engine.Hosting;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Approval.Api.Hosting;

/// <summary>HTTP concerns of the application: problem details, Swagger, health, Hangfire dashboard.</summary>
internal static class ApiHostingExtensions
{
    public static IServiceCollection AddApprovalApi(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ExceptionProblems>();
        services.AddHealthChecks();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new() { Title = "Approval API (并联审批与行政电子监察)", Version = "v1" });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
                options.IncludeXmlComments(xml);
        });
        return services;
    }

    /// <summary>Storage of workflow definitions and instances (in memory until the database is wired).</summary>
    public static IServiceCollection AddApprovalStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InMemoryWorkflowStore>();
        services.AddSingleton<IWorkflowInstanceStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<IWorkflowDefinitionStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        return services;
    }

    /// <summary>Hangfire: timers and background work. In-memory storage for the embedded default.</summary>
    public static IServiceCollection AddApprovalBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions()));
        if (configuration.GetValue("Approval:BackgroundJobs:RunServer", true))
            services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        return services;
    }

    public static WebApplication UseApprovalApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "Approval API");
        app.MapHealthChecks("/health");
        app.MapHangfireDashboard("/hangfire");
        app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
        return app;
    }

    /// <summary>Prints where the application answers, so whoever started it knows where to go.</summary>
    public static void AnnounceUrlsOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                Console.WriteLine($"Approval is running at {address} — Swagger UI: {address.TrimEnd('/')}/swagger");
        });
    }
}

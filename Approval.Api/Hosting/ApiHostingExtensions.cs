using System.Reflection;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Hangfire;
using Hangfire.AspNetCore;
using Approval.Api.Persistence;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Approval.Api.Hosting;

/// <summary>HTTP concerns of the application: problem details, Swagger, health, Hangfire dashboard.</summary>
internal static class ApiHostingExtensions
{
    public static IServiceCollection AddApprovalApi(this IServiceCollection services)
    {
        // The framework's own empty answers (a body that is not JSON, one too large) name what is wrong too.
        // Then every problem is worded in the reader's language, with its code (Contract/ProblemLanguage).
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            BadRequestProblems.NameTheField(context);
            Contract.ProblemLanguage.Apply(context);
        });
        // Enums travel as their names ("Joint", "Refuse"), as people and other systems read them; a number is refused
        // (400 naming the field), as the document says: otherwise 12345 would pass as a value no one defined.
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(null, allowIntegerValues: false)));
        // Instants travel in the service center's offset (+08:00), whatever offset they were computed in.
        services.AddOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>()
            .Configure<Approval.Workflows.Calendar.BusinessHours>((options, hours) => options.SerializerOptions.Converters.Add(new Contract.ServiceCenterTime(hours.Zone)));
        // Swashbuckle reads the MVC serializer options to describe types: the same converter makes every enum a
        // named string enum in the document, as it is on the wire.
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => options.JsonSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddExceptionHandler<ExceptionProblems>();
        // A body or parameter that does not bind throws, so ExceptionProblems answers it with the field named
        // (by default the framework answers an empty 400 or 415).
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddHealthChecks().AddCheck<Calendar.CalendarHealthCheck>(Calendar.CalendarHealthCheck.Name);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new() { Title = "Approval API (并联审批与行政电子监察)", Version = "v1" });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
                options.IncludeXmlComments(xml);
            options.SchemaFilter<RequestExamples>();
            options.SchemaFilter<Contract.ProblemDetailsSchema>();
            options.OperationFilter<Contract.ProblemResponses>();
            options.DocumentFilter<Contract.DocumentConventions>();
            // A record inside an answer may be null (a case not yet decided has no decision): the reference says so.
            options.UseAllOfToExtendReferenceSchemas();
            options.DocumentFilter<Contract.NullableSchemas>();
            // Free JSON (a workflow's input) is any JSON value, not an object with JsonNode's own properties.
            options.MapType<System.Text.Json.Nodes.JsonNode>(() => new Microsoft.OpenApi.OpenApiSchema());
        });
        return services;
    }

    /// <summary>
    /// Hangfire: timers and background work. In-memory storage for the embedded SQLite default; the server's own
    /// database otherwise, so several nodes share one queue. The database stays the source of truth for deadlines.
    /// </summary>
    public static IServiceCollection AddApprovalBackgroundJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // Hangfire keeps its storage and job activator in process-wide statics (JobStorage.Current, JobActivator.Current)
        // and AddHangfire's services hand out whatever those hold when first asked: with two applications in one process
        // (a second node in a test, fixtures run in parallel) one would enqueue into the other's storage and run its jobs in
        // the other's services. This application's own storage and activator are registered first, so AddHangfire keeps them.
        JobStorage? storage = null;
        services.AddSingleton<JobStorage>(provider =>
        {
            _ = provider.GetRequiredService<IGlobalConfiguration>(); // runs the configuration below, which makes the storage
            return storage ?? throw new InvalidOperationException("Hangfire's configuration made no job storage.");
        });
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, config) =>
        {
            config.UseLogProvider(new HangfireLogs(provider.GetRequiredService<ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            storage = database.Provider switch
            {
                DatabaseProvider.PostgreSql => config.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(database.ConnectionString)).Entry,
                DatabaseProvider.SqlServer => config.UseSqlServerStorage(database.ConnectionString).Entry,
                _ => config.UseInMemoryStorage(new InMemoryStorageOptions()).Entry,
            };
        });
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
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthText.WriteAsync }).AllowAnonymous();
        app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new HangfireDashboardAuthorization()] });
        return app;
    }

    /// <summary>
    /// Prints where the application answers and who can sign in, so whoever started it knows where to go. It is the last
    /// thing on the console because the framework's start-up lines (EF Core's SQL, Hangfire, "Application started") are
    /// at Warning in appsettings.json: the log says only what needs attention before it.
    /// </summary>
    public static void AnnounceUrlsOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                Console.WriteLine($"Approval is running at {address} — pages: {address.TrimEnd('/')}/ , Swagger UI: {address.TrimEnd('/')}/swagger");
            if (addresses.Count > 0 && app.Configuration.GetValue(DemoUsers.SeedSetting, true))
                Console.WriteLine($"Demo users (password {DemoUsers.Password}): {string.Join(", ", DemoUsers.All.Select(u => u.UserName).Take(6))}, … (README, \"Demo users\")");
            if (addresses.Count > 0)
                Console.WriteLine($"Environment: {app.Environment.EnvironmentName}. Press Ctrl+C to stop.");
        });
    }
}

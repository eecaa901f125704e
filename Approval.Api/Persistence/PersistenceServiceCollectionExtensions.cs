using Approval.Api.Audit;
using Approval.Engine.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Approval.Api.Persistence;

/// <summary>Wires the EF Core workflow store for the configured provider, and migrates its database.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{ApprovalDbContext}"/> for the provider in <c>Approval:Database</c> and
    /// <see cref="EfWorkflowStore"/> as <see cref="IWorkflowInstanceStore"/> and <see cref="IWorkflowDefinitionStore"/>.
    /// </summary>
    public static IServiceCollection AddApprovalPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = string.IsNullOrWhiteSpace(options.ConnectionString) ? null : options.ConnectionString;
                var dataDirectory = DataDirectory.Resolve(configuration);
                // This process's writers queue for the file's one write lock rather than poll it (SqliteWriteGate).
                services.TryAddSingleton<SqliteWriteGate>();
                AddContext<SqliteApprovalDbContext>(services, (provider, builder) =>
                {
                    if (sqlite is null)
                        Directory.CreateDirectory(dataDirectory);
                    SqliteApprovalDbContext.Configure(builder, sqlite ?? $"Data Source={Path.Combine(dataDirectory, "approval.db")}");
                    builder.AddInterceptors(provider.GetRequiredService<SqliteWriteGate>());
                });
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = RequiredConnectionString(options);
                AddContext<PostgreSqlApprovalDbContext>(services, (_, builder) => PostgreSqlApprovalDbContext.Configure(builder, postgres));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = RequiredConnectionString(options);
                AddContext<SqlServerApprovalDbContext>(services, (_, builder) => SqlServerApprovalDbContext.Configure(builder, sqlServer));
                break;
            default:
                throw new InvalidOperationException($"{DatabaseOptions.Section}:Provider '{options.Provider}' is not one of Sqlite, PostgreSql, SqlServer.");
        }
        services.AddAuditChain(configuration);
        services.AddSingleton<EfWorkflowStore>();
        services.AddSingleton<IWorkflowInstanceStore>(provider => provider.GetRequiredService<EfWorkflowStore>());
        services.AddSingleton<IWorkflowDefinitionStore>(provider => provider.GetRequiredService<EfWorkflowStore>());
        services.AddSingleton<Approval.Workflows.Cases.ICaseSessions, EfCaseSessions>();
        services.AddSingleton<Approval.Workflows.Cases.ICaseNumberSerials, EfCaseNumberSerials>();
        // The departments' steps ask who is away (代理人) inside their own unit of work.
        services.TryAddSingleton<Identity.EfAbsences>();
        services.TryAddSingleton<Approval.Workflows.People.IAbsences>(provider => provider.GetRequiredService<Identity.EfAbsences>());
        services.AddSingleton<Approval.Workflows.Catalog.ICatalog>(sp => new EfCatalog(sp.GetRequiredService<IDbContextFactory<ApprovalDbContext>>(),
            sp.GetRequiredService<DatabaseWrites>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IConfiguration>().GetValue("Approval:Catalog:ListMaxAge", EfCatalog.DefaultListMaxAge)));
        services.AddSingleton<Approval.Workflows.Cases.ICaseQueries, EfCaseQueries>();
        services.AddSingleton<Approval.Workflows.Calendar.ICalendarYears, EfCalendarYears>();
        return services;
    }

    /// <summary>Applies the provider's pending migrations (creating the database, and for SQLite its file, if needed).</summary>
    public static async Task MigrateApprovalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Database.MigrateAsync(cancellationToken);
        if (context.Database.IsSqlite())
            await PlannerStatistics.RefreshAsync(context, cancellationToken);
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : ApprovalDbContext
    {
        services.TryAddSingleton<DatabaseWrites>();
        // Every context appends what it saves to the audit chain (Audit/AuditChainInterceptor), and tells the
        // overview's cache that this node wrote (DatabaseWrites).
        // Pooled: a context's internal services are resolved once per pooled instance instead of at each request's first
        // query (about a tenth of a read request's processor time: DbContext.ContextServices in the profile, bench README
        // "Reads"); EF Core resets a context's state when it goes back to the pool.
        services.AddPooledDbContextFactory<TContext>((provider, builder) =>
        {
            configure(provider, builder);
            builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            builder.AddInterceptors(provider.GetRequiredService<Audit.AuditChainInterceptor>(), provider.GetRequiredService<DatabaseWrites>().Interceptor);
        });
        services.AddSingleton<IDbContextFactory<ApprovalDbContext>, ProviderContextFactory<TContext>>();
    }

    private static string RequiredConnectionString(DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new InvalidOperationException($"{DatabaseOptions.Section}:ConnectionString is required for {options.Provider}.")
            : options.ConnectionString;
}

using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Persistence;

/// <summary>
/// The migrations of every provider are current with the model: CI's check that someone ran
/// <c>scripts/add-migration.sh</c> after changing it. No server is needed: nothing connects.
/// </summary>
public sealed class ModelDriftTests
{
    private static ApprovalDbContext ContextFor(DatabaseProvider provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Provider"] = provider.ToString(),
            [$"{DatabaseOptions.Section}:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddApprovalPersistence(configuration).BuildServiceProvider();
        return services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContext();
    }

    [TestCase(DatabaseProvider.Sqlite, "Data Source=never-opened.db")]
    [TestCase(DatabaseProvider.PostgreSql, "Host=never-opened.invalid;Database=approval")]
    [TestCase(DatabaseProvider.SqlServer, "Server=never-opened.invalid;Database=approval;TrustServerCertificate=true")]
    public void Migrations_of_each_provider_match_the_model(DatabaseProvider provider, string connectionString)
    {
        using var context = ContextFor(provider, connectionString);

        Assert.That(context.Database.HasPendingModelChanges(), Is.False,
            $"the {provider} migrations are behind the model: run scripts/add-migration.sh <Name>");
    }

    [TestCase(DatabaseProvider.Sqlite, "Data Source=never-opened.db")]
    [TestCase(DatabaseProvider.PostgreSql, "Host=never-opened.invalid;Database=approval")]
    [TestCase(DatabaseProvider.SqlServer, "Server=never-opened.invalid;Database=approval;TrustServerCertificate=true")]
    public void Each_provider_applies_only_the_migrations_in_its_own_folder(DatabaseProvider provider, string connectionString)
    {
        using var context = ContextFor(provider, connectionString);
        var migrations = context.GetService<IMigrationsAssembly>().Migrations.Values;

        Assert.That(migrations, Is.Not.Empty);
        Assert.That(migrations.Select(m => m.Namespace), Is.All.EqualTo($"Approval.Api.Persistence.Migrations.{provider}"));
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Api.Persistence;

/// <summary>The workflow tables on PostgreSQL; migrations in <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlApprovalDbContext(DbContextOptions<PostgreSqlApprovalDbContext> options) : ApprovalDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a server (it never connects).</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlApprovalDbContext>
{
    public PostgreSqlApprovalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlApprovalDbContext>();
        PostgreSqlApprovalDbContext.Configure(builder, "Host=localhost;Database=approval");
        return new PostgreSqlApprovalDbContext(builder.Options);
    }
}

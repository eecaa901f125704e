using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Api.Persistence;

/// <summary>The workflow tables on SQLite; migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteApprovalDbContext(DbContextOptions<SqliteApprovalDbContext> options) : ApprovalDbContext(options)
{
    /// <summary>SQLite with its file in write-ahead-log mode (readers do not block the writer).</summary>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).AddInterceptors(SqliteWalInterceptor.Instance);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without configuration.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApprovalDbContext>
{
    public SqliteApprovalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteApprovalDbContext>();
        SqliteApprovalDbContext.Configure(builder, "Data Source=approval.db");
        return new SqliteApprovalDbContext(builder.Options);
    }
}

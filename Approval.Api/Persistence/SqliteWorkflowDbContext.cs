using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Api.Persistence;

/// <summary>The workflow tables on SQLite; migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteWorkflowDbContext(DbContextOptions<SqliteWorkflowDbContext> options) : WorkflowDbContext(options)
{
    /// <summary>SQLite with its file in write-ahead-log mode (readers do not block the writer).</summary>
    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlite(connectionString).AddInterceptors(SqliteWalInterceptor.Instance);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without configuration.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkflowDbContext>
{
    public SqliteWorkflowDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteWorkflowDbContext>();
        SqliteWorkflowDbContext.Configure(builder, "Data Source=approval.db");
        return new SqliteWorkflowDbContext(builder.Options);
    }
}

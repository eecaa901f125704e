using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Api.Persistence;

/// <summary>The workflow tables on SQL Server; migrations in <c>Migrations/SqlServer</c>.</summary>
public sealed class SqlServerApprovalDbContext(DbContextOptions<SqlServerApprovalDbContext> options) : ApprovalDbContext(options)
{
    /// <summary>Binary collation: ids and names compare case-sensitively, as on SQLite and PostgreSQL.</summary>
    public const string Collation = "Latin1_General_100_BIN2";

    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseSqlServer(connectionString);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var strings = modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.ClrType == typeof(string));
        foreach (var property in strings)
            property.SetCollation(Collation);
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQL Server model without a server (it never connects).</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerApprovalDbContext>
{
    public SqlServerApprovalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerApprovalDbContext>();
        SqlServerApprovalDbContext.Configure(builder, "Server=localhost;Database=approval;Integrated Security=true;TrustServerCertificate=true");
        return new SqlServerApprovalDbContext(builder.Options);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Approval.Api.Persistence;

/// <summary>The workflow tables on PostgreSQL; migrations in <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlApprovalDbContext(DbContextOptions<PostgreSqlApprovalDbContext> options) : ApprovalDbContext(options)
{
    public static void Configure(DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(WithDefaults(connectionString));

    /// <summary>
    /// The connection string with this application's defaults for what it does not set itself. Prepared statements
    /// (<c>Max Auto Prepare</c>: a statement run five times on a connection is prepared there, so the server parses and
    /// plans it once instead of on every read); and no session reset when a connection goes back to the pool
    /// (<c>No Reset On Close</c>): EF Core leaves no session state behind (no SET, temporary table, LISTEN or advisory
    /// lock; an open transaction is still rolled back), so the reset was a statement of work on the server per request for
    /// nothing. Hangfire's storage keeps the connection string as configured, so its connections are another pool.
    /// </summary>
    internal static string WithDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(given, "Max Auto Prepare"))
            settings.MaxAutoPrepare = 64;
        if (!Sets(given, "No Reset On Close"))
            settings.NoResetOnClose = true;
        return settings.ConnectionString;
    }

    // Npgsql reads a keyword with or without its spaces, in any case.
    private static bool Sets(System.Data.Common.DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(key => string.Equals(key.Replace(" ", "", StringComparison.Ordinal), keyword.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
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

namespace Approval.Api.Persistence;

/// <summary>The database engines the workflow store runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}

/// <summary>Settings of the <c>Approval:Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Approval:Database";

    /// <summary>Which engine; SQLite unless configured otherwise.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The provider's connection string; for SQLite, empty means <c>approval.db</c> in the data directory.</summary>
    public string? ConnectionString { get; set; }
}

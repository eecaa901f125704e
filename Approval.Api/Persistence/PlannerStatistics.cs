using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>
/// The query planner's statistics of the tables and indexes. SQLite keeps none until ANALYZE runs, and without them it
/// joins a task to its case through the primary key (reading the case's row, document and all) instead of the covering
/// index the supervisors' lists are built on. Refreshed at start-up (SQLite: sampled, a few milliseconds on millions of
/// rows) and after a bulk load; PostgreSQL's autovacuum and SQL Server's automatic statistics keep theirs otherwise.
/// </summary>
internal static class PlannerStatistics
{
    public static async Task RefreshAsync(ApprovalDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit = 1000; ANALYZE;", cancellationToken);
        else if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", cancellationToken);
    }
}

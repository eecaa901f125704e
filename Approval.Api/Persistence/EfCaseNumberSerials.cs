using System.Runtime.CompilerServices;
using Approval.Workflows.Cases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>
/// A day's serials from its <c>CaseNumberCounters</c> row, advanced by one atomic <c>UPDATE … RETURNING</c> (SQL Server:
/// <c>OUTPUT</c>) in a statement of its own, before the submission's transaction. Chosen over incrementing the row inside
/// that transaction (with a revision check or a row lock): the day's row would then be locked, or fought over, for the
/// whole save of the case, and every submission of the day waits on it; here the database holds the row for one
/// statement, and two nodes never draw the same serial. A submission whose save then fails leaves a gap: a number once
/// shown is never given to another case.
/// </summary>
public sealed class EfCaseNumberSerials(IDbContextFactory<ApprovalDbContext> contexts) : ICaseNumberSerials
{
    public async Task<int> NextAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = day.Year * 10_000 + day.Month * 100 + day.Day;
        for (var attempt = 1; ; attempt++)
        {
            if (await AdvanceAsync(db, key, cancellationToken) is { } serial)
                return serial;
            if (attempt == 3)
                throw new InvalidOperationException($"The case number counter of {day:yyyy-MM-dd} could not be started.");
            await StartDayAsync(db, day, key, cancellationToken);
        }
    }

    // The day's counter, one up; null while the day has no row. Through EF Core (not a command of its own on the connection)
    // so that its interceptors see it: on SQLite, the write waits its turn in this process's line (SqliteWriteGate).
    private static async Task<int?> AdvanceAsync(ApprovalDbContext db, int key, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsSqlServer()
            ? "UPDATE [CaseNumberCounters] SET [Last] = [Last] + 1 OUTPUT inserted.[Last] AS [Value] WHERE [Day] = {0}"
            : "UPDATE \"CaseNumberCounters\" SET \"Last\" = \"Last\" + 1 WHERE \"Day\" = {0} RETURNING \"Last\" AS \"Value\"";
        // Not composed (no FirstOrDefault): the statement must stay the query's own.
        var last = await db.Database.SqlQuery<int>(FormattableStringFactory.Create(sql, key)).ToListAsync(cancellationToken);
        return last.Count == 0 ? null : last[0];
    }

    // The day's first number: the counter starts after the cases the day already has (demo data seeded for today, or cases
    // filed before numbers were counted, whose random serials the intake steps over if one is met). Another node starting
    // the same day at the same moment inserts first; then this insert fails on the key and its row is used.
    private static async Task StartDayAsync(ApprovalDbContext db, DateOnly day, int key, CancellationToken cancellationToken)
    {
        var prefix = $"{day:yyyyMMdd}-";
        var filed = await db.Cases.CountAsync(c => c.Number.StartsWith(prefix), cancellationToken);
        db.CaseNumberCounters.Add(new CaseNumberCounterRecord { Day = key, Last = filed });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Started by someone else in between: their row is the day's.
        }
        db.ChangeTracker.Clear();
    }
}

using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Clock;

/// <summary>
/// The test clock's offset as stored (table <c>TestClock</c>, one row), so that a restart, or another node starting on the
/// same database, resumes at the simulated time instead of going back to real time under records dated after it.
/// Only ever raised, like the clock itself.
/// </summary>
public sealed class TestClockOffsets(IDbContextFactory<ApprovalDbContext> contexts)
{
    /// <summary>The stored offset; zero when the test clock was never moved on this database.</summary>
    public async Task<TimeSpan> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ticks = await db.TestClock.Where(t => t.Id == TestClockRecord.SingleId).Select(t => (long?)t.OffsetTicks).SingleOrDefaultAsync(cancellationToken);
        return TimeSpan.FromTicks(ticks ?? 0);
    }

    /// <summary>Stores the offset unless a larger one is stored already (another node moved further).</summary>
    public async Task SaveAsync(TimeSpan offset, CancellationToken cancellationToken = default)
    {
        var ticks = offset.Ticks;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var raised = await db.TestClock.Where(t => t.Id == TestClockRecord.SingleId && t.OffsetTicks < ticks)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.OffsetTicks, ticks), cancellationToken);
            if (raised == 1 || await db.TestClock.AnyAsync(t => t.Id == TestClockRecord.SingleId, cancellationToken))
                return;
            db.TestClock.Add(new TestClockRecord { OffsetTicks = ticks });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another node inserted the row between the two statements: raise it instead.
            }
        }
    }
}

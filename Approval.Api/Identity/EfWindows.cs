using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Identity;

/// <summary>The hall's windows over EF Core (table <c>ServiceWindows</c>); their clerks are the users whose <c>WindowCode</c> names them.</summary>
public sealed class EfWindows(IDbContextFactory<ApprovalDbContext> contexts)
{
    private static readonly string[] OpenStatuses = [.. Case.OpenStatuses.Select(s => s.ToString())];

    public async Task<IReadOnlyList<ServiceWindow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Windows.OrderBy(w => w.Code).ToListAsync(cancellationToken);
        return [.. rows.Select(ToWindow)];
    }

    public async Task<ServiceWindow?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Windows.SingleOrDefaultAsync(w => w.Code == code, cancellationToken);
        return row is null ? null : ToWindow(row);
    }

    /// <summary>Adds the window or changes its names and place; whether it is open is <see cref="SetOpenAsync"/>'s.</summary>
    public async Task<ServiceWindow> SaveAsync(ServiceWindow window, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Windows.AsTracking().SingleOrDefaultAsync(w => w.Code == window.Code, cancellationToken);
        if (row is null)
            db.Windows.Add(row = new ServiceWindowRecord { Code = window.Code, Name = window.Name });
        (row.Name, row.NameEn, row.Location) = (window.Name, window.NameEn, window.Location);
        await db.SaveChangesAsync(cancellationToken);
        return ToWindow(row);
    }

    public async Task SetOpenAsync(string code, bool open, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        DateTimeOffset? closedAt = open ? null : at;
        var closedBy = open ? null : by;
        // A tracked save, so that the opening or closing is an entry of the audit chain.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Windows.AsTracking().SingleOrDefaultAsync(w => w.Code == code, cancellationToken) is not { } window)
            return;
        (window.IsOpen, window.ClosedAt, window.ClosedBy) = (open, closedAt, closedBy);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The open cases a window holds: those it accepted that are not yet handed out (their result comes back to it, 一窗办结),
    /// and applications back with the supplements it asked for.
    /// </summary>
    public async Task<int> CountOpenCasesAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.CountAsync(c => (c.AcceptingWindowCode == code && OpenStatuses.Contains(c.Status))
            || (c.SupplementsReturnedTo == code && c.Status == nameof(CaseStatus.Submitted)), cancellationToken);
    }

    /// <summary>Adds the windows when there are none yet (the demo's, on a fresh database).</summary>
    public async Task SeedAsync(IEnumerable<ServiceWindow> windows, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Windows.AnyAsync(cancellationToken))
            return;
        db.Windows.AddRange(windows.Select(w => new ServiceWindowRecord { Code = w.Code, Name = w.Name, NameEn = w.NameEn, Location = w.Location, IsOpen = w.IsOpen }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node sharing the database may have seeded them first; anything else is a real failure.
            if (!await AnyAsync(cancellationToken))
                throw;
        }
    }

    private async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Windows.AnyAsync(cancellationToken);
    }

    private static ServiceWindow ToWindow(ServiceWindowRecord row) => new(row.Code, row.Name, row.NameEn, row.Location, row.IsOpen);
}

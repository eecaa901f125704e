using Approval.Api.Persistence;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Identity;

/// <summary>Reviewers' absences and substitutes, one per reviewer (table <c>Absences</c>).</summary>
public sealed class EfAbsences(IDbContextFactory<ApprovalDbContext> contexts) : IAbsences
{
    public async Task<Absence?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Absences.SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        return row is null ? null : new Absence(row.UserName, row.Substitute, row.From, row.Until);
    }

    /// <summary>Who is away at <paramref name="now"/> or will be: the absences not yet over, soonest first.</summary>
    public async Task<IReadOnlyList<Absence>> ListCurrentAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // One row per reviewer at most: the table stays small, and the instants are compared here.
        var rows = await db.Absences.ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.Until > now).OrderBy(r => r.From).Select(r => new Absence(r.UserName, r.Substitute, r.From, r.Until))];
    }

    public async Task SetAsync(Absence absence, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Absences.Where(a => a.UserName == absence.UserName).ExecuteDeleteAsync(cancellationToken);
        db.Absences.Add(new AbsenceRecord { UserName = absence.UserName, Substitute = absence.Substitute, From = absence.From, Until = absence.Until });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task ClearAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Absences.Where(a => a.UserName == userName).ExecuteDeleteAsync(cancellationToken);
    }
}

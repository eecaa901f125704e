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

using Approval.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Persistence;

/// <summary>Administrators' schedules in the CalendarYears table, one row a year, in the shipped files' JSON format.</summary>
public sealed class EfCalendarYears(IDbContextFactory<ApprovalDbContext> contexts) : ICalendarYears
{
    public async Task<IReadOnlyList<EditedSchedule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new EditedSchedule(OfficialHolidays.Parse(r.Json), r.UpdatedAt, r.UpdatedBy))];
    }

    public async Task SaveAsync(EditedSchedule edit, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var row = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == edit.Schedule.Year, cancellationToken);
            if (row is null)
            {
                row = new CalendarYearRecord { Year = edit.Schedule.Year, Json = "", UpdatedBy = "" };
                db.CalendarYears.Add(row);
            }
            row.Json = OfficialHolidays.ToJson(edit.Schedule);
            row.UpdatedAt = edit.UpdatedAt;
            row.UpdatedBy = edit.UpdatedBy;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt == 1 && db.Entry(row).State == EntityState.Added)
            {
                // Another administrator added the same year at the same moment: save over theirs, as a later save would.
            }
        }
    }
}

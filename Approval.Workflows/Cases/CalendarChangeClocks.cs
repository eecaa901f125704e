using Approval.Workflows.Calendar;

namespace Approval.Workflows.Cases;

/// <summary>What a saved calendar year did to the open cases.</summary>
public sealed record CalendarChangeOutcome(int CasesSeen, int CasesChanged, int DeadlinesMoved, int ViolationsFlagged);

/// <summary>
/// A calendar change moves the clocks: once an administrator's year is in force, every open case is counted again
/// (<see cref="Case.Recalendar"/>), a batch of ids at a time, each case in its own unit of work — which saves its new
/// next threshold and re-arms its alarm (<see cref="CaseCommands"/>). A case changed meanwhile by someone else is
/// read again and counted again; running it twice moves nothing more.
/// </summary>
public sealed class CalendarChangeClocks(ICaseQueries queries, CaseCommands commands, CaseClock clock)
{
    public const int BatchSize = 200;
    private const int Attempts = 3;

    /// <param name="before">The calendar in force before the save.</param>
    public async Task<CalendarChangeOutcome> ApplyAsync(WorkingDayCalendar before, int year, string administrator, CancellationToken cancellationToken = default)
    {
        var counted = new DueInstantCalculator(before, clock.Due.Hours);
        var change = $"{administrator} 保存了 {year} 年工作日历 ({administrator} saved the {year} calendar)";
        int seen = 0, changed = 0, moved = 0, flagged = 0;
        string? after = null;
        while (await queries.OpenCasesAfterAsync(after, BatchSize, cancellationToken) is { Count: > 0 } batch)
        {
            foreach (var caseId in batch)
            {
                var result = await RecalendarAsync(caseId, counted, administrator, change, cancellationToken);
                seen++;
                if (result is { Changed: true })
                {
                    changed++;
                    moved += result.Moved.Count;
                    flagged += result.Flagged.Count;
                }
            }
            after = batch[^1];
        }
        return new CalendarChangeOutcome(seen, changed, moved, flagged);
    }

    private async Task<Recalendared?> RecalendarAsync(string caseId, DueInstantCalculator before, string administrator, string change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Recalendared? result = null;
                await commands.ExecuteAsync(caseId, step =>
                {
                    result = step.Case.Recalendar(before, clock, administrator, change);
                    return Task.CompletedTask;
                }, cancellationToken);
                return result;
            }
            catch (CaseConflictException) when (attempt < Attempts)
            {
                // A step saved the case meanwhile: its own save counted on the new calendar already; read it again.
            }
        }
    }
}

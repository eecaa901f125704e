namespace Approval.Workflows.Calendar;

/// <summary>
/// Administrators keep the calendar (domain.md §4): a saved year is stored, then in force at once. The stored years
/// are loaded at start-up and reloaded now and then, so every node sharing the database counts on the same calendar.
/// </summary>
public sealed class CalendarEditor(ICalendarYears store, CalendarSource source, TimeProvider time) : IDisposable
{
    // One writer at a time: a reload that read the store before a save committed must not undo the save in memory.
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Puts the stored administrators' schedules in force over the shipped official ones.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            source.Load(await store.ListAsync(cancellationToken));
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Saves a year's schedule (checked by <see cref="HolidayScheduleInput.Read"/>); due instants computed from now on use it.</summary>
    public async Task<YearSchedule> SaveAsync(HolidaySchedule schedule, string administrator, CancellationToken cancellationToken = default)
    {
        var edit = new EditedSchedule(schedule, time.GetUtcNow(), administrator);
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await store.SaveAsync(edit, cancellationToken);
            source.Apply(edit);
        }
        finally
        {
            _writing.Release();
        }
        return source.YearOf(schedule.Year)!;
    }

    public void Dispose() => _writing.Dispose();
}

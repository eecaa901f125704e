using System.Globalization;
using System.Text.Json;
using Approval.Api.Endpoints;
using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;
using Approval.Workflows.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Admin;

/// <summary>
/// The working-day calendar (Art. 82) as a year grid: holidays and make-up working days coloured, a day edited by
/// clicking it, a year imported from the official schedule's JSON (holiday-cn's format, as <c>/work/shared/holidays</c>).
/// A save goes through the same checks as <c>PUT /api/calendar/years/{year}</c> and moves the open cases' clocks at once.
/// </summary>
public sealed class CalendarModel(CalendarSource calendars, CalendarEditor editor, CalendarChangeClocks clocks, BusinessHours hours, TimeProvider time) : PageModel
{
    public const int MaxImportLength = 200_000;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The day being edited (YYYY-MM-DD), from a click on the grid.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Edit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Moved { get; set; }

    public int ShownYear { get; private set; }
    public YearSchedule? Schedule { get; private set; }
    public IReadOnlyList<YearSchedule> Years { get; private set; } = [];
    public CalendarDay? Editing { get; private set; }
    public IReadOnlyList<FieldError> Problems { get; private set; } = [];

    public void OnGet() => Load();

    /// <summary>A day set to its weekday's rule (<see cref="DayChoice.Ordinary"/>), a day off, or a make-up working day.</summary>
    public async Task<IActionResult> OnPostDayAsync(string? date, DayChoice choice, string? name, CancellationToken cancellationToken)
    {
        Load();
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Refuse([new FieldError("date", $"'{date}' is not a date of the form YYYY-MM-DD")]);
        Edit = date;
        Load();
        var days = (Schedule?.Schedule.Days ?? []).Where(d => d.Date != day)
            .Select(d => (SpecialDayInput?)new SpecialDayInput(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Name, d.IsOffDay))
            .ToList();
        if (choice != DayChoice.Ordinary)
            days.Add(new SpecialDayInput(date, name, choice == DayChoice.DayOff));
        return await SaveAsync(ShownYear, days.OrderBy(d => d!.Date, StringComparer.Ordinal).ToList(), cancellationToken);
    }

    /// <summary>A whole year from the official schedule's JSON: <c>{ "year": 2027, "days": [{ "name", "date", "isOffDay" }] }</c>.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, string? json, CancellationToken cancellationToken)
    {
        Load();
        if (file is { Length: > 0 })
        {
            if (file.Length > MaxImportLength)
                return Refuse([new FieldError("file", $"at most {MaxImportLength} bytes")]);
            using var reader = new StreamReader(file.OpenReadStream());
            json = await reader.ReadToEndAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(json))
            return Refuse([new FieldError("json", "is required: choose the year's JSON file or paste it")]);
        if (json.Length > MaxImportLength)
            return Refuse([new FieldError("json", $"at most {MaxImportLength} characters")]);
        OfficialYear? imported;
        try
        {
            imported = JsonSerializer.Deserialize<OfficialYear>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return Refuse([new FieldError("json", $"not the official schedule's JSON: {e.Message}")]);
        }
        if (imported?.Year is not { } year)
            return Refuse([new FieldError("year", "is required: the year the schedule is for")]);
        Year = year;
        Load();
        return await SaveAsync(year, imported.Days, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(int year, IReadOnlyList<SpecialDayInput?>? days, CancellationToken cancellationToken)
    {
        if (HolidayScheduleInput.Read(year, days, out var problems) is not { } schedule)
            return Refuse(problems);
        var administrator = CasesEndpoints.Acting(User).Name;
        var before = calendars.Current;
        await editor.SaveAsync(schedule, administrator, cancellationToken);
        var outcome = await clocks.ApplyAsync(before, year, administrator, cancellationToken);
        return Redirect($"/admin/calendar/{year}?done=saved&moved={outcome.DeadlinesMoved}");
    }

    private PageResult Refuse(IReadOnlyList<FieldError> problems)
    {
        Problems = problems;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private void Load()
    {
        ShownYear = Year ?? hours.DateOf(time.GetUtcNow()).Year;
        Schedule = calendars.YearOf(ShownYear);
        Years = calendars.Years();
        Editing = Schedule is not null && DateOnly.TryParseExact(Edit, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year == ShownYear
            ? calendars.Current.Day(day)
            : null;
    }

    /// <summary>The day in the grid: its kind on the calendar in force.</summary>
    public CalendarDay DayOf(DateOnly date) => calendars.Current.Day(date);

    /// <summary>The official schedule's JSON (extra members such as <c>papers</c> are ignored).</summary>
    public sealed record OfficialYear(int? Year, IReadOnlyList<SpecialDayInput?>? Days);
}

/// <summary>What an administrator makes of a day.</summary>
public enum DayChoice
{
    /// <summary>As its weekday says: Monday to Friday working, Saturday and Sunday off.</summary>
    Ordinary,
    DayOff,
    MakeUpWorkingDay,
}

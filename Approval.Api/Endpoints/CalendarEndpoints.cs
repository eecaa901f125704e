using System.Globalization;
using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Identity;
using Approval.Workflows.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Endpoints;

/// <summary>
/// The working-day calendar (Art. 82): clerks tell applicants dates, so the API answers calendar questions, to anyone
/// (the public guide too). Administrators keep it: a year they save is in force at once, over the shipped official one.
/// </summary>
internal static class CalendarEndpoints
{
    public static RouteGroupBuilder MapCalendarEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/calendar").AllowAnonymous();
        group.MapGet("/years", (CalendarSource calendars) => TypedResults.Ok(calendars.Years().Select(YearSummary.From).ToList()))
            .WithSummary("Lists the years the calendar answers for, each with its origin: Official (shipped), Administrator (saved), or Provisional (computed from the statute: holidays right, 调休 unknown).").WithDescription("A provisional year counts the statutory holidays but not yet the State Council's make-up days: deadlines computed on it are marked provisional on the case.").WithTags(UserGroups.Public).WithName("ListCalendarYears");
        group.MapGet("/years/{year:int}", GetYear)
            .WithSummary("The schedule of a year: its holidays and make-up working days, and whether it is the shipped official one, an administrator's, or provisional (from the statute, before the State Council's notice).")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Working days are counted by this schedule (Art. 82): weekends and statutory holidays do not count, the government's make-up working days (调休) do. Unknown years answer 404.").WithTags(UserGroups.Public).WithName("GetCalendarYear");
        routes.MapPut("/api/calendar/years/{year:int}", SaveYearAsync).RequireAuthorization(Policies.Administrator)
            .WithSummary("Saves a year's schedule (administrators): in force at once, in place of the shipped one for that year.")
            .WithDescription("Body: { days: [{ date: \"YYYY-MM-DD\", name, isOffDay }] } — isOffDay true for a day off (even on a weekday), false for a make-up working day (调休上班). Dates lie in the year, or in the December before or the January after, as the State Council's notices list them; each date once. Every statutory holiday of the year (全国年节及纪念日放假办法) is a day off in it: a schedule lacking one is refused, naming it. Open cases are counted again at once (a timeline line for each deadline that moves, levels lowered where no longer reached, violations the new calendar would not have recorded flagged for review); the answer says how many in clocks.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).WithTags(UserGroups.Administration).WithName("SaveCalendarYear");
        group.MapGet("/days/{date}", GetDay)
            .WithSummary("Says whether a date (YYYY-MM-DD) is a working day, and why.")
            .WithDescription("Kinds: WorkingDay, Weekend, Holiday (法定节假日), MakeUpWorkingDay (调休上班). Origin: Official, Administrator or Provisional (the year is computed from the statute; a working day may yet become a bridge day off). A year the calendar does not answer for answers 422.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithTags(UserGroups.Public).WithName("GetCalendarDay");
        group.MapGet("/working-days/add", AddWorkingDays)
            .WithSummary("Which date is N working days after a date, and the instant that limit ends (close of business).")
            .WithDescription("Example: from=2026-09-30&days=1 answers 2026-10-08 (国庆节 lies between).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithTags(UserGroups.Public).WithName("AddWorkingDays");
        group.MapGet("/working-days/count", CountWorkingDays)
            .WithSummary("How many working days lie after one date up to and including another.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).WithDescription("Counts as the case clocks count (Art. 82): weekends and statutory holidays out, make-up working days (调休) in. from and to are YYYY-MM-DD; to on or after from, at most ten years later.").WithTags(UserGroups.Public).WithName("CountWorkingDays");
        return group;
    }

    private static Results<Ok<YearView>, ProblemHttpResult> GetYear(int year, CalendarSource calendars) =>
        calendars.YearOf(year) is { } schedule
            ? TypedResults.Ok(YearView.From(schedule))
            : TypedResults.Problem(Problems.NotFound($"The calendar has no schedule for {year}: an administrator adds it with PUT /api/calendar/years/{year}."));

    private static async Task<Results<Ok<YearView>, ProblemHttpResult>> SaveYearAsync(int year, ScheduleRequest request, ClaimsPrincipal principal,
        CalendarEditor editor, CalendarSource calendars, Approval.Workflows.Cases.CalendarChangeClocks clocks, CancellationToken cancellationToken)
    {
        if (HolidayScheduleInput.Read(year, request.Days, out var problems) is not { } schedule)
            return TypedResults.Problem(Problems.InvalidFields(problems.Select(p => (p.Field, p.Reason))));
        var administrator = CasesEndpoints.Acting(principal).Name;
        var before = calendars.Current;
        var saved = await editor.SaveAsync(schedule, administrator, cancellationToken);
        var outcome = await clocks.ApplyAsync(before, year, administrator, cancellationToken);
        return TypedResults.Ok(YearView.From(saved) with { Clocks = outcome });
    }

    private static Results<Ok<DayView>, ProblemHttpResult> GetDay(string date, CalendarSource calendars)
    {
        if (!TryParse(date, out var day))
            return TypedResults.Problem(Problems.InvalidField("date", ApiReasons.NotADate(date)));
        return TypedResults.Ok(DayView.From(calendars.Current.Day(day), calendars.YearOf(day.Year)!.Origin));
    }

    private static Results<Ok<AddedDays>, ProblemHttpResult> AddWorkingDays(string? from, int? days, DueInstantCalculator due)
    {
        if (!TryParse(from, out var start))
            return TypedResults.Problem(Problems.InvalidField("from", ApiReasons.NotADate(from)));
        if (days is not (>= 0 and <= 1000))
            return TypedResults.Problem(Problems.InvalidField("days", ApiReasons.DaysRange));
        var date = due.Calendar.AddWorkingDays(start, days.Value);
        return TypedResults.Ok(new AddedDays(start, days.Value, date, due.Hours.CloseOf(date), due.Calendar.AnyProvisional(start, date)));
    }

    private static Results<Ok<CountedDays>, ProblemHttpResult> CountWorkingDays(string? from, string? to, CalendarSource calendars)
    {
        if (!TryParse(from, out var start))
            return TypedResults.Problem(Problems.InvalidField("from", ApiReasons.NotADate(from)));
        if (!TryParse(to, out var end))
            return TypedResults.Problem(Problems.InvalidField("to", ApiReasons.NotADate(to)));
        if (end < start || end.DayNumber - start.DayNumber > 3660)
            return TypedResults.Problem(Problems.InvalidField("to", ApiReasons.ToWithinTenYears));
        return TypedResults.Ok(new CountedDays(start, end, calendars.Current.WorkingDaysBetween(start, end)));
    }

    private static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>A date as the calendar sees it, and where its year's schedule comes from (Provisional: from the statute alone).</summary>
public sealed record DayView(DateOnly Date, bool IsWorkingDay, string Kind, string? HolidayName, ScheduleOrigin Origin)
{
    public static DayView From(CalendarDay day, ScheduleOrigin origin) => new(day.Date, day.IsWorkingDay, day.Kind.ToString(), day.HolidayName, origin);
}

/// <summary>A year the calendar answers for, where its schedule comes from, and when an administrator saved it.</summary>
public sealed record YearSummary(int Year, ScheduleOrigin Origin, DateTimeOffset? UpdatedAt)
{
    public static YearSummary From(YearSchedule year) => new(year.Schedule.Year, year.Origin, year.UpdatedAt);
}

/// <summary>N working days after a date: the date, the instant the limit ends, and whether it was counted on a provisional year.</summary>
public sealed record AddedDays(DateOnly From, int Days, DateOnly Date, DateTimeOffset DueAt, bool Provisional);

/// <summary>Working days after one date up to and including another.</summary>
public sealed record CountedDays(DateOnly From, DateOnly To, int WorkingDays);

/// <summary>A year's schedule: where it comes from (Official, Administrator or Provisional), when an administrator saved it, its special days by date.</summary>
public sealed record YearView(int Year, ScheduleOrigin Origin, DateTimeOffset? UpdatedAt, IReadOnlyList<SpecialDayView> Days)
{
    /// <summary>After a save: what it did to the open cases' clocks.</summary>
    public Approval.Workflows.Cases.CalendarChangeOutcome? Clocks { get; init; }

    public static YearView From(YearSchedule year) =>
        new(year.Schedule.Year, year.Origin, year.UpdatedAt, [.. year.Schedule.Days.OrderBy(d => d.Date).Select(d => new SpecialDayView(d.Date, d.Name, d.IsOffDay))]);
}

/// <summary>A day off (even on a weekday) or a make-up working day (调休上班, isOffDay false).</summary>
public sealed record SpecialDayView(DateOnly Date, string Name, bool IsOffDay);

/// <summary>A year's schedule as an administrator enters it: every holiday and make-up working day.</summary>
public sealed record ScheduleRequest(IReadOnlyList<SpecialDayInput?>? Days);

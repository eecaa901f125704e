using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Workflows.Calendar;

/// <summary>A year's schedule not taken as a year of data, and why (an empty placeholder, a statutory holiday missing).</summary>
public sealed record RefusedYear(int Year, string Reason);

/// <summary>
/// The State Council's published schedules shipped with the product (Calendar/Holidays/*.json). A file that is not a
/// whole year — the data set's empty placeholder for a year not yet published, or one without its statutory
/// holidays — is refused (<see cref="Refused"/>), never taken as a year without holidays.
/// </summary>
public static class OfficialHolidays
{
    private static readonly Lazy<(IReadOnlyList<HolidaySchedule> Years, IReadOnlyList<RefusedYear> Refused)> Shipped = new(Load);

    /// <summary>Every shipped year's schedule that is a whole year.</summary>
    public static IReadOnlyList<HolidaySchedule> Schedules => Shipped.Value.Years;

    /// <summary>The shipped files refused, with the reason.</summary>
    public static IReadOnlyList<RefusedYear> Refused => Shipped.Value.Refused;

    /// <summary>Reads one file of the shipped format (<c>{ year, days: [{ name, date, isOffDay }] }</c>).</summary>
    public static HolidaySchedule Parse(string json)
    {
        var file = JsonSerializer.Deserialize(json, HolidayJsonContext.Default.HolidayFile)
            ?? throw new JsonException("The holiday file is empty.");
        return new HolidaySchedule(file.Year, [.. file.Days.Select(d => new SpecialDay(DateOnly.Parse(d.Date, System.Globalization.CultureInfo.InvariantCulture), d.Name, d.IsOffDay))]);
    }

    /// <summary>Writes a schedule in the shipped format, as <see cref="Parse"/> reads it.</summary>
    public static string ToJson(HolidaySchedule schedule) =>
        JsonSerializer.Serialize(new HolidayFile(schedule.Year,
            [.. schedule.Days.Select(d => new HolidayFileDay(d.Name, d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.IsOffDay))]),
            HolidayJsonContext.Default.HolidayFile);

    private static (IReadOnlyList<HolidaySchedule>, IReadOnlyList<RefusedYear>) Load()
    {
        var assembly = typeof(OfficialHolidays).Assembly;
        var schedules = new List<HolidaySchedule>();
        var refused = new List<RefusedYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("holidays/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var schedule = Parse(reader.ReadToEnd());
            if (HolidayScheduleInput.Incompleteness(schedule) is { } reason)
                refused.Add(new RefusedYear(schedule.Year, reason));
            else
                schedules.Add(schedule);
        }
        return (schedules, refused);
    }
}

internal sealed record HolidayFile(int Year, List<HolidayFileDay> Days);

internal sealed record HolidayFileDay(string Name, string Date, bool IsOffDay);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HolidayFile))]
internal sealed partial class HolidayJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Workflows.Calendar;

/// <summary>The State Council's published schedules shipped with the product (Calendar/Holidays/*.json).</summary>
public static class OfficialHolidays
{
    private static readonly Lazy<IReadOnlyList<HolidaySchedule>> Shipped = new(Load);

    /// <summary>Every shipped year's schedule.</summary>
    public static IReadOnlyList<HolidaySchedule> Schedules => Shipped.Value;

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

    private static IReadOnlyList<HolidaySchedule> Load()
    {
        var assembly = typeof(OfficialHolidays).Assembly;
        var schedules = new List<HolidaySchedule>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("holidays/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            schedules.Add(Parse(reader.ReadToEnd()));
        }
        return schedules;
    }
}

internal sealed record HolidayFile(int Year, List<HolidayFileDay> Days);

internal sealed record HolidayFileDay(string Name, string Date, bool IsOffDay);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HolidayFile))]
internal sealed partial class HolidayJsonContext : JsonSerializerContext;

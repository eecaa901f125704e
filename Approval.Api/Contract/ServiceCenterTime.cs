using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Approval.Api.Contract;

/// <summary>
/// The API's one time convention: every instant in a JSON answer or export is RFC 3339 with the service center's
/// offset (Asia/Shanghai, <c>+08:00</c>), however it was computed or stored. Clerks, departments and the provincial
/// platform all read Beijing time, the CSV exports and the pages show it, and the offset still makes each value an
/// exact instant for a machine. Any RFC 3339 offset is read.
/// </summary>
internal sealed class ServiceCenterTime(TimeZoneInfo zone) : JsonConverter<DateTimeOffset>
{
    /// <summary>Seconds always, a fraction only when there is one, the offset as <c>+08:00</c>.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TimeZoneInfo.ConvertTime(value, zone).ToString(Format, CultureInfo.InvariantCulture));
}

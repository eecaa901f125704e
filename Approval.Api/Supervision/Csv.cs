using System.Globalization;
using System.Text;

namespace Approval.Api.Supervision;

/// <summary>A column of an export: its stable name (the JSON property's) and how a row gives its value.</summary>
internal sealed record CsvColumn<T>(string Name, Func<T, object?> Value);

/// <summary>
/// RFC 4180 fields and lines: a field with a comma, quote, line break or edge space is quoted, quotes doubled; lines
/// end in CRLF. Instants are written in the service center's time zone with their offset, as people read them.
/// </summary>
internal static class Csv
{
    /// <summary>The UTF-8 byte order mark: without it Excel reads the file in the machine's code page and garbles Chinese.</summary>
    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public const string LineEnd = "\r\n";

    public static string Line<T>(IReadOnlyList<CsvColumn<T>> columns, T row, TimeZoneInfo zone)
    {
        var line = new StringBuilder();
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0)
                line.Append(',');
            line.Append(Field(columns[i].Value(row), zone));
        }
        return line.Append(LineEnd).ToString();
    }

    public static string Header<T>(IReadOnlyList<CsvColumn<T>> columns) => string.Join(',', columns.Select(c => Field(c.Name))) + LineEnd;

    public static string Field(object? value, TimeZoneInfo zone) => value switch
    {
        null => "",
        DateTimeOffset instant => TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Field(value.ToString()),
    };

    public static string Field(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        // A cell starting like a formula would be run by a spreadsheet (CSV injection): a leading apostrophe keeps it text.
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            text = "'" + text;
        var quote = text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || text[0] == ' ' || text[^1] == ' ';
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

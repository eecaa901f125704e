using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Workflows.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Approval.Api.Supervision;

/// <summary>A page of a list: the rows and how many there are in all.</summary>
public sealed record Page<T>(int PageNumber, int PageSize, int Total, IReadOnlyList<T> Items);

/// <summary>Which page of a list: 1-based, at most <see cref="MaxSize"/> rows.</summary>
internal readonly record struct Paging(int Number, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public int Skip => (Number - 1) * Size;
}

/// <summary>
/// Reads a list's query string into typed filters, collecting every wrong field (one 400 names them all), and decides
/// the answer's format: JSON, or CSV for <c>format=csv</c> or <c>Accept: text/csv</c>.
/// </summary>
internal sealed class ListQuery(BusinessHours hours)
{
    private readonly List<(string Field, ProblemText Reason)> _errors = [];

    public bool IsValid => _errors.Count == 0;

    /// <summary>Each wrong field with its reason, for a page that shows them where a client would read the 400.</summary>
    public IReadOnlyList<(string Field, ProblemText Reason)> Errors => _errors;

    public ProblemHttpResult Problem() => TypedResults.Problem(Problems.InvalidFields(_errors));

    /// <summary>Names of an enum, comma-separated (<c>Yellow,Prompt</c>) and/or repeated; the defaults when none are given.</summary>
    public IReadOnlyList<string> Names<TEnum>(string field, string[]? values, IReadOnlyList<TEnum> defaults) where TEnum : struct, Enum
    {
        var given = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (given.Count == 0)
            return [.. defaults.Select(d => d.ToString())];
        var names = new List<string>();
        foreach (var value in given)
        {
            // Names only: Enum.TryParse would also take "2" or "-1".
            var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
            if (name is null)
                _errors.Add((field, ApiReasons.NotOneOf(value, string.Join(", ", Enum.GetNames<TEnum>()))));
            else if (!names.Contains(name))
                names.Add(name);
        }
        return names;
    }

    /// <summary>A code filter (department, item, user name): trimmed, or null when absent.</summary>
    public static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// Days <c>YYYY-MM-DD</c>, both included, read in the service center's time zone: the instants from the first
    /// day's start up to (not including) the start of the day after the last.
    /// </summary>
    public (DateTimeOffset? From, DateTimeOffset? Before) Days(string fromField, string? from, string toField, string? to)
    {
        var first = Day(fromField, from);
        var last = Day(toField, to);
        if (first is { } f && last is { } l && l < f)
            _errors.Add((toField, ApiReasons.IsBefore(fromField)));
        return (first is { } a ? StartOf(a) : null, last is { } b ? StartOf(b.AddDays(1)) : null);
    }

    /// <summary>
    /// A sort: a column's name, camel case as in the JSON (<c>receivedAt</c>), with a leading <c>-</c> for descending; the
    /// default column ascending when none is given.
    /// </summary>
    public ListOrder<TColumn> Order<TColumn>(string field, string? value, TColumn defaultColumn) where TColumn : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return new ListOrder<TColumn>(defaultColumn, false);
        var text = value.Trim();
        var descending = text.StartsWith('-');
        var name = Enum.GetNames<TColumn>().FirstOrDefault(n => string.Equals(n, descending ? text[1..] : text, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            var names = Enum.GetValues<TColumn>().Select(c => new ListOrder<TColumn>(c, false).ToString());
            _errors.Add((field, ApiReasons.NotASortKey(text, string.Join(", ", names))));
            return new ListOrder<TColumn>(defaultColumn, false);
        }
        return new ListOrder<TColumn>(Enum.Parse<TColumn>(name), descending);
    }

    public Paging PageOf(int? page, int? pageSize)
    {
        if (page is < 1)
            _errors.Add(("page", ApiReasons.PageStartsAtOne));
        if (pageSize is < 1 or > Paging.MaxSize)
            _errors.Add(("pageSize", ApiReasons.FromOneTo(Paging.MaxSize)));
        return new Paging(page ?? 1, pageSize ?? Paging.DefaultSize);
    }

    /// <summary>CSV when <c>format=csv</c>, or when no format is given and the client accepts text/csv.</summary>
    public bool WantsCsv(HttpRequest request, string? format)
    {
        if (string.IsNullOrWhiteSpace(format))
            return request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(CsvFile<object>.ContentType, StringComparison.OrdinalIgnoreCase));
        if (format.Equals("csv", StringComparison.OrdinalIgnoreCase))
            return true;
        if (!format.Equals("json", StringComparison.OrdinalIgnoreCase))
            _errors.Add(("format", ApiReasons.JsonOrCsv));
        return false;
    }

    private DateOnly? Day(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return day;
        _errors.Add((field, ApiReasons.DayForm));
        return null;
    }

    private DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, hours.Zone.GetUtcOffset(local));
    }
}

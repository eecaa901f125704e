using Approval.Api.Supervision;
using Microsoft.AspNetCore.Http.Extensions;

namespace Approval.Api.Pages.Shared;

/// <summary>A tab over a work list: its label, where it leads, its count badge.</summary>
public sealed record ListTab(string Key, string Label, string Href, int? Count, bool Current);

/// <summary>
/// Previous/next links of one paged list on a page; the parameter named in <see cref="For{T}"/> is its page in the query string, so that
/// lists shown side by side page on their own.
/// </summary>
public sealed record Pager(int Number, int Pages, int Total, string? Previous, string? Next)
{
    public static Pager For<T>(Page<T> page, HttpRequest request, string parameter)
    {
        var pages = Math.Max(1, (page.Total + page.PageSize - 1) / page.PageSize);
        return new Pager(page.PageNumber, pages, page.Total,
            page.PageNumber > 1 ? With(request, parameter, page.PageNumber - 1) : null,
            page.PageNumber < pages ? With(request, parameter, page.PageNumber + 1) : null);
    }

    /// <summary>The current address with one query parameter set (the others kept).</summary>
    public static string With(HttpRequest request, string parameter, object value)
    {
        var query = new QueryBuilder(request.Query.Where(q => q.Key != parameter && q.Key != "culture").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))))
        {
            { parameter, value.ToString() ?? "" },
        };
        return request.Path + query.ToQueryString().ToString();
    }
}

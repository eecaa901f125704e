using System.Net;
using System.Text.Json.Nodes;
using Approval.Tests.Api.Cases;

namespace Approval.Tests.Api.WorkLists;

/// <summary>Reading the work lists over HTTP: a page's rows, one row found by what the reader knows, a count.</summary>
internal static class WorkListHttp
{
    /// <summary>The rows of a list page (asserting a 200), and its total.</summary>
    public static async Task<(IReadOnlyList<JsonObject> Rows, int Total)> ListAsync(this HttpClient client, string url)
    {
        var reply = await client.GetJsonAsync(url);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), $"{url}: {reply.Text}");
        var rows = reply.Body!["items"]!.AsArray().Select(r => r!.AsObject()).ToList();
        return (rows, reply.Body["total"]!.GetValue<int>());
    }

    /// <summary>The rows of a list page.</summary>
    public static async Task<IReadOnlyList<JsonObject>> RowsAsync(this HttpClient client, string url) => (await client.ListAsync(url)).Rows;

    /// <summary>The case numbers a list shows.</summary>
    public static async Task<IReadOnlyList<string>> NumbersAsync(this HttpClient client, string url, string property = "number") =>
        [.. (await client.RowsAsync(url)).Select(r => r[property]!.GetValue<string>())];

    /// <summary>The caller's badge counts.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountsAsync(this HttpClient client, string query = "")
    {
        var reply = await client.GetJsonAsync("/api/me/worklist/counts" + query);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
        return reply.Body!["counts"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
    }

    public static string Text(this JsonObject row, string property) => row[property]!.GetValue<string>();
}

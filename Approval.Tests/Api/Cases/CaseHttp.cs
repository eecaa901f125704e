using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approval.Tests.Api.Cases;

/// <summary>An answer of the API: its status, its JSON body (when it has one) and the raw text for messages.</summary>
internal sealed record Reply(HttpStatusCode Status, JsonNode? Body, string Text)
{
    public string this[string property] => Body![property]!.GetValue<string>();

    public JsonObject Object => Body!.AsObject();
}

/// <summary>What the HTTP specifications of cases do over and over: send JSON, read JSON, find a department's task.</summary>
internal static class CaseHttp
{
    public static Task<Reply> PostJsonAsync(this HttpClient client, string url, object? body = null, string? idempotencyKey = null) =>
        client.SendJsonAsync(HttpMethod.Post, url, body ?? new { }, idempotencyKey);

    public static Task<Reply> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.SendJsonAsync(HttpMethod.Put, url, body);

    public static Task<Reply> GetJsonAsync(this HttpClient client, string url) =>
        client.SendJsonAsync(HttpMethod.Get, url, null);

    /// <summary>Submits an application and answers the new case's id, number and query code.</summary>
    public static async Task<(string Id, string Number, string QueryCode)> SubmitAsync(this HttpClient applicant, object application)
    {
        var submitted = await applicant.PostJsonAsync("/api/cases", application);
        Assert.That(submitted.Status, Is.EqualTo(HttpStatusCode.Created), submitted.Text);
        return (submitted["id"], submitted["number"], submitted["queryCode"]);
    }

    /// <summary>The id of the caller's department's open task on a case.</summary>
    public static async Task<string> TaskOfAsync(this HttpClient reviewer, string caseId)
    {
        var tasks = await reviewer.GetJsonAsync("/api/tasks");
        return tasks.Body!.AsArray().Single(t => t!["caseId"]!.GetValue<string>() == caseId)!["taskId"]!.GetValue<string>();
    }

    /// <summary>The departments whose tasks on a case are in a status (Open, Completed, Cancelled).</summary>
    public static IEnumerable<string> Departments(this Reply @case, string status = "Open") =>
        @case.Body!["tasks"]!.AsArray().Where(t => t!["status"]!.GetValue<string>() == status).Select(t => t!["departmentCode"]!.GetValue<string>());

    public static async Task<Reply> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.StartsWith('{') || text.StartsWith('[') ? JsonNode.Parse(text) : null, text);
    }

    public static DateTimeOffset Beijing(string local) => Approval.Tests.Workflows.Cases.ACase.Beijing(local);

    /// <summary>An instant of a JSON answer; null when the field is null.</summary>
    public static DateTimeOffset? Instant(JsonNode? node) =>
        node is null ? null : DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approval.Tests.Api.Identity;

/// <summary>Asserts that a response is RFC 7807 problem details with a status, and returns them.</summary>
internal static class Problem
{
    public static async Task<JsonObject> Of(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)status));
        return problem;
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Workflows.People;

namespace Approval.Tests.Api;

/// <summary>The engine through HTTP, as an administrator: definitions uploaded and refused, instances started and resumed.</summary>
public class WorkflowApiTests
{
    private ApprovalApiFactory _factory = null!;
    private HttpClient _client = null!;

    [SetUp]
    public async Task SetUp()
    {
        _factory = new ApprovalApiFactory();
        _client = await _factory.CreateClientAsync(Role.Administrator);
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task The_workflows_folder_is_imported_at_start_up()
    {
        var definitions = await _client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions");
        Assert.That(definitions!.Select(d => d!["definitionId"]!.GetValue<string>()), Does.Contain("demo-parallel-review"));
    }

    [Test]
    public async Task A_definition_with_an_unsupported_activity_is_refused_naming_the_activity()
    {
        var json = Approval.Tests.Engine.Flow.Definition(
            Approval.Tests.Engine.Flow.Activities(Approval.Tests.Engine.Flow.Start(), Approval.Tests.Engine.Flow.Activity("http", "Elsa.WriteHttpResponse")),
            Approval.Tests.Engine.Flow.Connections(Approval.Tests.Engine.Flow.Connect("start", "http")));
        var response = await _client.PostAsync(new Uri("/api/workflow-definitions", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "activities.http" }));
        Assert.That(problem["errors"]!["activities.http"]![0]!.GetValue<string>(), Does.Contain("Elsa.WriteHttpResponse"));
        // The same error by its code and parameters, for a client that says it in its own language.
        var coded = problem["definitionErrors"]!.AsArray().Single()!;
        Assert.That(coded["activityId"]!.GetValue<string>(), Is.EqualTo("http"));
        Assert.That(coded["code"]!.GetValue<string>(), Is.EqualTo("HttpActivityUnsupported"));
        Assert.That(coded["parameters"]!["type"]!.GetValue<string>(), Is.EqualTo("Elsa.WriteHttpResponse"));
        Assert.That(coded["reason"]!.GetValue<string>(), Is.EqualTo(problem["errors"]!["activities.http"]![0]!.GetValue<string>()));
    }

    [Test]
    public async Task Parallel_reviews_resume_in_any_order_and_a_repeated_resume_has_no_second_effect()
    {
        var started = await _client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "demo-parallel-review" });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var instance = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = instance["id"]!.GetValue<string>();
        var bookmarks = instance["bookmarks"]!.AsArray().Select(b => b!["id"]!.GetValue<string>()).ToList();
        Assert.That(bookmarks, Has.Count.EqualTo(3));

        JsonObject? last = null;
        foreach (var bookmark in bookmarks.AsEnumerable().Reverse())
        {
            var resumed = await _client.PostAsJsonAsync($"/api/workflow-instances/{id}/bookmarks/{bookmark}/resume", new { input = "同意" });
            Assert.That(resumed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            last = await resumed.Content.ReadFromJsonAsync<JsonObject>();
        }
        Assert.That(last!["status"]!.GetValue<string>(), Is.EqualTo("Finished"));

        var again = await _client.PostAsJsonAsync($"/api/workflow-instances/{id}/bookmarks/{bookmarks[0]}/resume", new { input = "同意" });
        var repeated = await again.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(repeated!["outcome"]!.GetValue<string>(), Is.EqualTo("AlreadyResumed"));
    }

    [Test]
    public async Task Resuming_an_unknown_bookmark_is_a_404_problem()
    {
        var started = await _client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "demo-parallel-review" });
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var response = await _client.PostAsJsonAsync($"/api/workflow-instances/{id}/bookmarks/nope/resume", new { input = 1 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Starting_an_unknown_definition_is_a_404_problem()
    {
        var response = await _client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "no-such-thing" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), Does.Contain("no-such-thing"));
    }

    [Test]
    public async Task A_malformed_request_body_is_a_400_problem_not_a_500()
    {
        var response = await _client.PostAsync(new Uri("/api/workflow-instances", UriKind.Relative),
            new StringContent("{\"definitionId\":", Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }
}

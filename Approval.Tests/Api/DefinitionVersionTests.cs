using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Workflows.People;

namespace Approval.Tests.Api;

/// <summary>An administrator publishes an uploaded version when ready, and puts an older one back in force (roll back).</summary>
public class DefinitionVersionTests
{
    private const string Id = "demo-parallel-review";
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
    public async Task An_upload_kept_unpublished_is_not_run_until_it_is_published()
    {
        var inForce = await InForceAsync();
        var uploaded = await UploadAsync("并联审查（修订）", publish: false);
        Assert.That(uploaded["isPublished"]!.GetValue<bool>(), Is.False);
        Assert.That(await StartedVersionAsync(), Is.EqualTo(inForce));

        var published = await _client.PostAsync($"/api/workflow-definitions/{Id}/versions/{Version(uploaded)}/publish", null);

        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await StartedVersionAsync(), Is.EqualTo(Version(uploaded)));
    }

    [Test]
    public async Task Rolling_back_stores_the_older_version_again_as_the_next_one_and_new_instances_run_it()
    {
        var first = await InForceAsync();
        var revised = Version(await UploadAsync("并联审查（修订）", publish: true));

        var rolledBack = await _client.PostAsync($"/api/workflow-definitions/{Id}/versions/{first}/roll-back", null);

        Assert.That(rolledBack.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var stored = (await rolledBack.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(Version(stored), Is.EqualTo(revised + 1));
        Assert.That(await StartedVersionAsync(), Is.EqualTo(revised + 1));
        var original = await _client.GetStringAsync($"/api/workflow-definitions/{Id}/versions/{first}");
        var copy = await _client.GetStringAsync($"/api/workflow-definitions/{Id}/versions/{revised + 1}");
        Assert.That(copy, Is.EqualTo(original));
    }

    [Test]
    public async Task Publishing_a_version_older_than_the_one_in_force_is_refused_pointing_to_roll_back()
    {
        var first = await InForceAsync();
        var unpublished = Version(await UploadAsync("草稿", publish: false));
        await UploadAsync("并联审查（修订）", publish: true);

        var response = await _client.PostAsync($"/api/workflow-definitions/{Id}/versions/{unpublished}/publish", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), Does.Contain("roll back"));
        Assert.That(await StartedVersionAsync(), Is.Not.EqualTo(unpublished).And.Not.EqualTo(first));
    }

    [Test]
    public async Task Rolling_back_to_the_version_in_force_or_to_an_unknown_one_is_refused()
    {
        var inForce = await InForceAsync();

        var same = await _client.PostAsync($"/api/workflow-definitions/{Id}/versions/{inForce}/roll-back", null);
        var unknown = await _client.PostAsync($"/api/workflow-definitions/{Id}/versions/99/roll-back", null);

        Assert.That(same.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_supervisor_may_not_publish()
    {
        using var supervisor = await _factory.CreateClientAsync(Role.Supervisor);
        var response = await supervisor.PostAsync($"/api/workflow-definitions/{Id}/versions/1/publish", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task<JsonObject> UploadAsync(string name, bool publish)
    {
        var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "workflows", $"{Id}.json")))!;
        json["name"] = name;
        var response = await _client.PostAsync(new Uri($"/api/workflow-definitions?publish={publish}", UriKind.Relative),
            new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<int> InForceAsync()
    {
        var all = (await _client.GetFromJsonAsync<JsonArray>("/api/workflow-definitions"))!;
        return all.Where(d => d!["definitionId"]!.GetValue<string>() == Id && d["isPublished"]!.GetValue<bool>()).Max(d => Version(d!.AsObject()));
    }

    private async Task<int> StartedVersionAsync()
    {
        var started = await _client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = Id });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["definitionVersion"]!.GetValue<int>();
    }

    private static int Version(JsonObject summary) => summary["version"]!.GetValue<int>();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Workflows.People;

namespace Approval.Tests.Api.Supervision;

/// <summary>Supervisors' review of recorded violations: confirmed or dismissed once, with a reason; nothing deleted.</summary>
public partial class SupervisionApiTests
{
    [Test]
    public async Task A_supervisor_confirms_an_open_violation_once_and_a_second_review_is_refused_with_409()
    {
        var fire = (await Read("/api/supervision/violations?department=fire"))["items"]!.AsArray().Single()!;
        var id = fire["id"]!.GetValue<long>();

        var confirmed = await Post($"/api/supervision/violations/{id}/confirm", new { reason = "  消防审查确已超时  " });
        Assert.That(confirmed.Status, Is.EqualTo(HttpStatusCode.OK), confirmed.Text);
        Assert.That((confirmed.Body!["review"]!.GetValue<string>(), confirmed.Body["reviewReason"]!.GetValue<string>()), Is.EqualTo(("Confirmed", "消防审查确已超时")));
        Assert.That(confirmed.Body["reviewedBy"]!.GetValue<string>(), Does.EndWith("(supervisor)"));
        Assert.That(DateTimeOffset.Parse(confirmed.Body["reviewedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(_cases.Factory.Clock.GetUtcNow()));

        var again = await Post($"/api/supervision/violations/{id}/confirm", new { reason = "再次确认" });
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict), again.Text);
        var reversed = await Post($"/api/supervision/violations/{id}/dismiss", new { reason = "改为撤销" });
        Assert.That(reversed.Status, Is.EqualTo(HttpStatusCode.Conflict), reversed.Text);
        var kept = (await Read("/api/supervision/violations?review=Confirmed&department=fire"))["items"]!.AsArray().Single()!;
        Assert.That((kept["id"]!.GetValue<long>(), kept["reviewReason"]!.GetValue<string>()), Is.EqualTo((id, "消防审查确已超时")), "the first review stands");
    }

    [Test]
    public async Task A_dismissal_states_its_reason_and_the_violation_stays_listed()
    {
        var overdueCase = (await Read("/api/supervision/violations?kind=OverdueCase"))["items"]!.AsArray().Single()!;
        var id = overdueCase["id"]!.GetValue<long>();

        foreach (var body in new object?[] { new { }, new { reason = "   " }, null })
        {
            var refused = await Post($"/api/supervision/violations/{id}/dismiss", body);
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Text);
            Assert.That(refused.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { "reason" }));
        }
        var dismissed = await Post($"/api/supervision/violations/{id}/dismiss", new { reason = "现场核查期间依法不计入办理时限" });
        Assert.That(dismissed.Status, Is.EqualTo(HttpStatusCode.OK), dismissed.Text);
        Assert.That(dismissed.Body!["review"]!.GetValue<string>(), Is.EqualTo("Dismissed"));

        Assert.That((await Read("/api/supervision/violations"))["total"]!.GetValue<int>(), Is.EqualTo(8), "nothing is deleted");
        var listed = (await Read("/api/supervision/violations?review=Dismissed"))["items"]!.AsArray().Select(v => v!["id"]!.GetValue<long>());
        Assert.That(listed, Does.Contain(id));
    }

    [Test]
    public async Task A_review_survives_later_saves_of_the_case()
    {
        var tax = (await Read("/api/supervision/violations?department=tax"))["items"]!.AsArray().Single()!;
        var id = tax["id"]!.GetValue<long>();
        Assert.That((await Post($"/api/supervision/violations/{id}/confirm", null)).Status, Is.EqualTo(HttpStatusCode.OK));

        // The tax department claims its task: the case is saved again, its violations with it.
        using var reviewer = await _cases.Factory.CreateClientAsync("tax-reviewer");
        var task = (await Read($"/api/supervision/tasks?department=tax"))["items"]!.AsArray().Single()!["taskId"]!.GetValue<string>();
        using var claimed = await reviewer.PostAsJsonAsync($"/api/cases/{_cases.Yellow}/tasks/{task}/claim", new { });
        Assert.That(claimed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await claimed.Content.ReadAsStringAsync());

        var after = (await Read("/api/supervision/violations?department=tax"))["items"]!.AsArray().Single()!;
        Assert.That((after["id"]!.GetValue<long>(), after["review"]!.GetValue<string>()), Is.EqualTo((id, "Confirmed")));
    }

    [Test]
    public async Task Reviewing_a_violation_that_does_not_exist_answers_404()
    {
        Assert.That((await Post("/api/supervision/violations/987654321/confirm", new { })).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Post("/api/supervision/violations/987654321/dismiss", new { reason = "无" })).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Administrators_read_violations_but_only_supervisors_review_them()
    {
        using var admin = await _cases.Factory.CreateClientAsync(Role.Administrator);
        Assert.That((await admin.GetAsync(new Uri("/api/supervision/violations", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var id = (await Read("/api/supervision/violations?department=eco"))["items"]!.AsArray().Single()!["id"]!.GetValue<long>();
        using var refused = await admin.PostAsJsonAsync($"/api/supervision/violations/{id}/confirm", new { });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task<(HttpStatusCode Status, JsonObject? Body, string Text)> Post(string url, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        using var response = await _supervisor.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null, text);
    }
}

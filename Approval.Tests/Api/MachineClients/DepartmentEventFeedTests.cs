using System.Net;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;

namespace Approval.Tests.Api.MachineClients;

/// <summary>
/// <c>GET /api/departments/{code}/events</c>: a department's system follows the timeline lines of the cases the department
/// leads or has a task on, page by page after a cursor, missing none and getting none twice — on SQLite and PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class DepartmentEventFeedTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static async Task<List<JsonNode>> ReadAllAsync(HttpClient reader, string department, long after, int limit)
    {
        var all = new List<JsonNode>();
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await reader.GetJsonAsync($"/api/departments/{department}/events?after={after}&limit={limit}");
            Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.Text);
            all.AddRange(page.Body!["events"]!.AsArray().Select(e => e!));
            after = page.Body["next"]!.GetValue<long>();
            if (!page.Body["more"]!.GetValue<bool>())
                break;
        }
        return all;
    }

    [Test]
    public async Task A_department_reads_the_lines_of_its_own_cases_page_by_page_each_once_and_no_other_departments()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (ours, number, _) = await applicant.SubmitAsync(MachineClientTests.EnterpriseApplication);
        var (theirs, _, _) = await enterprise.SubmitAsync(ConstructionPermitOverHttpTests.Application(height: 30, investment: 5_000_000));
        Factory.At("2026-11-24T10:00:00");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{ours}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{theirs}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        using var samr = await Factory.CreateClientAsync("samr-reviewer");
        var task = await samr.TaskOfAsync(ours);
        Factory.At("2026-11-24T11:00:00");
        Assert.That((await samr.PostJsonAsync($"/api/cases/{ours}/tasks/{task}/claim")).Status, Is.EqualTo(HttpStatusCode.OK));
        Factory.At("2026-11-24T11:00:05");

        var whole = await ReadAllAsync(samr, "samr", 0, 500);
        Assert.That(whole.Select(e => e["caseId"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { ours }), "housing's construction permit is not samr's");
        Assert.That(whole.Select(e => e["caseNumber"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { number }));
        var actions = whole.Select(e => e["action"]!.GetValue<string>()).ToList();
        Assert.That(actions[..2], Is.EqualTo(new[] { "Submitted", "Accepted" }));
        Assert.That(actions, Has.Exactly(6).EqualTo("TaskOpened"));
        Assert.That(actions[^1], Is.EqualTo("TaskClaimed"));
        var ids = whole.Select(e => e["id"]!.GetValue<long>()).ToList();
        Assert.That(ids, Is.Ordered.Ascending.And.Unique);

        var paged = await ReadAllAsync(samr, "samr", 0, 3);
        Assert.That(paged.Select(e => e["id"]!.GetValue<long>()), Is.EqualTo(ids), "pages of three give the same lines, each once");
        var afterClaim = await samr.GetJsonAsync($"/api/departments/samr/events?after={ids[^1]}");
        Assert.That(afterClaim.Body!["events"]!.AsArray(), Is.Empty);
        Assert.That(afterClaim.Body["next"]!.GetValue<long>(), Is.EqualTo(ids[^1]), "nothing new: the cursor stays");
        Assert.That(afterClaim.Body["more"]!.GetValue<bool>(), Is.False);

        using var housing = await Factory.CreateClientAsync("housing-reviewer");
        var housingLines = await ReadAllAsync(housing, "housing", 0, 100);
        Assert.That(housingLines.Select(e => e["caseId"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { theirs }));
    }

    [Test]
    public async Task The_newest_lines_wait_a_moment_so_that_a_cursor_never_passes_a_line_still_being_committed()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var samr = await Factory.CreateClientAsync("samr-reviewer");
        var (id, _, _) = await applicant.SubmitAsync(MachineClientTests.EnterpriseApplication);
        Factory.At("2026-11-24T10:00:00");
        var seen = (await samr.GetJsonAsync("/api/departments/samr/events")).Body!;
        Assert.That(seen["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()), Is.EqualTo(new[] { "Submitted" }));
        var cursor = seen["next"]!.GetValue<long>();

        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        var atOnce = (await samr.GetJsonAsync($"/api/departments/samr/events?after={cursor}")).Body!;
        Assert.That(atOnce["events"]!.AsArray(), Is.Empty, "written this instant: held back");
        Assert.That(atOnce["more"]!.GetValue<bool>(), Is.True, "and said to be waiting");
        Assert.That(atOnce["next"]!.GetValue<long>(), Is.EqualTo(cursor));

        Factory.Clock.Advance(TimeSpan.FromSeconds(2));
        var settled = (await samr.GetJsonAsync($"/api/departments/samr/events?after={cursor}")).Body!;
        Assert.That(settled["events"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()), Does.Contain("Accepted").And.Contain("TaskOpened"));
        Assert.That(settled["events"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()), Has.All.GreaterThan(cursor));
    }

    [Test]
    public async Task A_bad_cursor_or_limit_is_a_400_naming_it_and_another_departments_feed_is_403()
    {
        using var samr = await Factory.CreateClientAsync("samr-reviewer");
        var bad = await samr.GetJsonAsync("/api/departments/samr/events?after=-1&limit=0");
        Assert.That(bad.Status, Is.EqualTo(HttpStatusCode.BadRequest), bad.Text);
        Assert.That(bad.Body!["errors"]!["after"], Is.Not.Null);
        Assert.That(bad.Body["errors"]!["limit"], Is.Not.Null);
        Assert.That((await samr.GetJsonAsync("/api/departments/fire/events")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        using var clerk = await Factory.CreateClientAsync("clerk");
        Assert.That((await clerk.GetJsonAsync("/api/departments/samr/events")).Status, Is.EqualTo(HttpStatusCode.Forbidden), "a window clerk follows no department");
    }
}

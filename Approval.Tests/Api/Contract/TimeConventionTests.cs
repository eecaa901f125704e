using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;

namespace Approval.Tests.Api.Contract;

/// <summary>
/// One time convention in every JSON answer: an instant is RFC 3339 with the service center's offset, +08:00. The
/// task list, the supervision lists and the stage-record export used to answer in UTC while the case view answered
/// in +08:00; here a case is submitted, accepted and claimed, and the answers of every role's representative reads
/// are walked for date-time strings.
/// </summary>
public partial class TimeConventionTests
{
    private CaseApiFactory _factory = null!;
    private string _caseId = null!;

    private static object Application => new
    {
        itemCode = "QY-SL-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { companyName = "云浮市张三科技有限公司", registeredCapital = 100, businessScope = "软件开发", address = "云浮市云城区建设北路1号", legalRepresentativeId = "11010519491231002X" },
    };

    [OneTimeSetUp]
    public async Task A_case_in_review_with_a_claimed_task()
    {
        _factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T10:00:00");
        using var applicant = await _factory.CreateClientAsync("applicant");
        using var clerk = await _factory.CreateClientAsync("clerk");
        using var fire = await _factory.CreateClientAsync("fire-reviewer");
        (_caseId, _, _) = await applicant.SubmitAsync(Application);
        _factory.At("2026-11-24T14:00:00");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{_caseId}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        var task = await fire.TaskOfAsync(_caseId);
        Assert.That((await fire.PostJsonAsync($"/api/cases/{_caseId}/tasks/{task}/claim")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    [TestCase("applicant", "/api/cases/{id}")]
    [TestCase("applicant", "/api/cases/{id}/timeline")]
    [TestCase("applicant", "/api/me/cases")]
    [TestCase("applicant", "/api/me/notifications")]
    [TestCase("clerk", "/api/search/cases?item=QY-SL-001")]
    [TestCase("fire-reviewer", "/api/tasks")]
    [TestCase("fire-reviewer", "/api/department/tasks?view=Claimed")]
    [TestCase("supervisor", "/api/supervision/cases?level=Green,Prompt,Yellow,Red")]
    [TestCase("supervisor", "/api/supervision/tasks?level=Green,Prompt,Yellow,Red")]
    [TestCase("supervisor", "/api/supervision/stage-records?caseId={id}")]
    [TestCase("admin", "/api/admin/clock")]
    [TestCase("admin", "/api/calendar/working-days/add?from=2026-09-30&days=1")]
    public async Task Every_instant_is_in_the_service_centers_offset(string user, string url)
    {
        using var client = await _factory.CreateClientAsync(user);
        var reply = await client.GetJsonAsync(url.Replace("{id}", _caseId, StringComparison.Ordinal));
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);

        var instants = Instants(reply.Body!).ToList();
        Assert.That(instants, Is.Not.Empty, $"{url} answered no instant to check: {reply.Text}");
        Assert.That(instants.Where(i => !i.Value.EndsWith("+08:00", StringComparison.Ordinal)).Select(i => $"{i.Path} = {i.Value}"), Is.Empty,
            "every instant is written with the service center's offset");
    }

    /// <summary>Every string of the answer that is an RFC 3339 date-time, with where it is.</summary>
    private static IEnumerable<(string Path, string Value)> Instants(JsonNode node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Instants(p.Value)),
        JsonArray a => a.SelectMany(v => v is null ? [] : Instants(v)),
        JsonValue v when v.TryGetValue<string>(out var text) && Rfc3339().IsMatch(text) => [(v.GetPath(), text)],
        _ => [],
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}

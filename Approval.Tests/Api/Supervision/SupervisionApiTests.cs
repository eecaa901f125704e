using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Workflows.People;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// What supervisors see once time has passed: the overview, the overdue and near-due lists with their filters and
/// pages, and the violations the deadline sweep recorded — over HTTP, on SQLite and on PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public partial class SupervisionApiTests(DatabaseProvider provider)
{
    private SupervisedCases _cases = null!;
    private HttpClient _supervisor = null!;

    [OneTimeSetUp]
    public async Task Build()
    {
        _cases = await SupervisedCases.BuildAsync(provider);
        _supervisor = await _cases.Factory.CreateClientAsync(Role.Supervisor);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _supervisor?.Dispose();
        if (_cases is not null)
            await _cases.DisposeAsync();
    }

    [Test]
    public async Task The_overview_counts_open_cases_by_status_level_and_lead_department_and_open_tasks_by_department_and_level()
    {
        var overview = await Read("/api/supervision/overview");

        Assert.That(overview["openCases"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(Counts(overview["casesByStatus"]!), Is.EquivalentTo(new Dictionary<string, int>
            { ["Submitted"] = 1, ["SupplementRequested"] = 0, ["InReview"] = 3, ["Suspended"] = 0, ["Decided"] = 0 }));
        Assert.That(Levels(overview["casesByLevel"]!), Is.EqualTo((1, 1, 1, 1)));
        var byLead = overview["casesByLeadDepartment"]!.AsArray();
        Assert.That(byLead.Select(d => d!["departmentCode"]!.GetValue<string>()), Is.EqualTo(new[] { "samr", "housing" }), "most red first");
        Assert.That(byLead[0]!["departmentName"]!.GetValue<string>(), Is.EqualTo("市场监督管理局"));
        Assert.That((byLead[0]!["total"]!.GetValue<int>(), Levels(byLead[0]!["levels"]!)), Is.EqualTo((3, (0, 1, 1, 1))));
        Assert.That((byLead[1]!["total"]!.GetValue<int>(), Levels(byLead[1]!["levels"]!)), Is.EqualTo((1, (1, 0, 0, 0))));

        Assert.That(overview["openTasks"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That(Levels(overview["tasksByLevel"]!), Is.EqualTo((0, 1, 0, 7)));
        var byDepartment = overview["tasksByDepartment"]!.AsArray().ToDictionary(d => d!["departmentCode"]!.GetValue<string>(), d => Levels(d!["levels"]!));
        Assert.That(byDepartment["samr"], Is.EqualTo((0, 1, 0, 2)));
        Assert.That(byDepartment.Keys, Is.EquivalentTo(new[] { "samr", "tax", "eco", "fire", "health", "hrss" }));
        Assert.That(byDepartment.Where(d => d.Key != "samr").Select(d => d.Value), Is.All.EqualTo((0, 0, 0, 1)));

        var reviews = overview["violations"]!;
        Assert.That(reviews["open"]!.GetValue<int>() + reviews["confirmed"]!.GetValue<int>() + reviews["dismissed"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That(reviews["open"]!.GetValue<int>(), Is.EqualTo((await Read("/api/supervision/violations?review=Open"))["total"]!.GetValue<int>()));
    }

    [Test]
    public async Task Administrators_read_the_overview_too()
    {
        using var admin = await _cases.Factory.CreateClientAsync(Role.Administrator);
        Assert.That((await admin.GetAsync(new Uri("/api/supervision/overview", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_case_list_shows_overdue_and_near_due_open_cases_soonest_due_first()
    {
        var page = await Read("/api/supervision/cases");
        Assert.That(Ids(page, "caseId"), Is.EqualTo(new[] { _cases.Red, _cases.Prompt, _cases.Yellow }));
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(3));
        var red = page["items"]![0]!;
        Assert.That((red["level"]!.GetValue<string>(), red["status"]!.GetValue<string>(), red["itemName"]!.GetValue<string>(), red["leadDepartmentName"]!.GetValue<string>()),
            Is.EqualTo(("Red", "InReview", "食品经营许可", "市场监督管理局")));
        Assert.That(red["answeringClerk"]!.GetValue<string>(), Is.EqualTo("clerk"), "the clerk who accepted it");
        Assert.That(DateTimeOffset.Parse(page["items"]![1]!["dueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(Approval.Tests.Workflows.Cases.ACase.Beijing("2026-12-08T17:30:00")));
    }

    [TestCase("level=Red", "Red")]
    [TestCase("level=Yellow,Prompt", "Prompt,Yellow")]
    [TestCase("level=Yellow&level=prompt", "Prompt,Yellow")]
    [TestCase("level=Green", "Green")]
    [TestCase("department=fire", "Yellow")]
    [TestCase("department=samr", "Red,Prompt,Yellow")]
    [TestCase("department=housing&level=Green,Prompt,Yellow,Red", "Green")]
    [TestCase("window=w01", "Red,Prompt,Yellow")]
    [TestCase("window=w02&level=Green,Prompt,Yellow,Red", "")]
    [TestCase("clerk=clerk", "Red,Prompt,Yellow")]
    [TestCase("clerk=clerk&level=Green,Prompt,Yellow,Red", "Red,Prompt,Yellow")]
    [TestCase("clerk=clerk2&level=Green,Prompt,Yellow,Red", "")]
    [TestCase("item=QY-SL-001", "Yellow")]
    [TestCase("item=SP-JY-001&level=Red,Yellow,Prompt", "Red,Prompt")]
    [TestCase("status=Submitted&level=Green", "Green")]
    [TestCase("status=Delivered", "")]
    [TestCase("receivedTo=2026-11-23", "Red")]
    [TestCase("receivedFrom=2026-11-24", "Prompt,Yellow")]
    [TestCase("receivedFrom=2026-11-10&receivedTo=2026-11-10", "Red")]
    [TestCase("receivedFrom=2026-12-07&level=Green", "Green")]
    public async Task The_case_list_filters(string query, string expected)
    {
        var page = await Read($"/api/supervision/cases?{query}");
        Assert.That(Ids(page, "caseId"), Is.EqualTo(Cases(expected)));
        Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(Cases(expected).Length));
    }

    [Test]
    public async Task Lists_come_in_pages_with_the_total_count()
    {
        var second = await Read("/api/supervision/cases?page=2&pageSize=2");
        Assert.That((second["pageNumber"]!.GetValue<int>(), second["pageSize"]!.GetValue<int>(), second["total"]!.GetValue<int>()), Is.EqualTo((2, 2, 3)));
        Assert.That(Ids(second, "caseId"), Is.EqualTo(new[] { _cases.Yellow }));
        var beyond = await Read("/api/supervision/cases?page=3&pageSize=2");
        Assert.That((beyond["total"]!.GetValue<int>(), beyond["items"]!.AsArray().Count), Is.EqualTo((3, 0)));

        var tasks = new List<string>();
        for (var number = 1; number <= 3; number++)
            tasks.AddRange(Ids(await Read($"/api/supervision/tasks?page={number}&pageSize=3"), "taskId"));
        Assert.That(tasks, Is.EqualTo(Ids(await Read("/api/supervision/tasks?pageSize=200"), "taskId")), "pages neither overlap nor skip");
        Assert.That(tasks, Has.Count.EqualTo(8));
    }

    [TestCase("/api/supervision/cases?pageSize=201", "pageSize")]
    [TestCase("/api/supervision/cases?page=0", "page")]
    [TestCase("/api/supervision/cases?level=Purple", "level")]
    [TestCase("/api/supervision/cases?status=Lost", "status")]
    [TestCase("/api/supervision/cases?receivedFrom=2026-13-01", "receivedFrom")]
    [TestCase("/api/supervision/cases?receivedFrom=2026-12-02&receivedTo=2026-12-01", "receivedTo")]
    [TestCase("/api/supervision/cases?format=xml", "format")]
    [TestCase("/api/supervision/cases?sort=level", "sort")]
    [TestCase("/api/supervision/tasks?sort=--dueAt", "sort")]
    [TestCase("/api/supervision/tasks?status=Done", "status")]
    [TestCase("/api/supervision/violations?kind=Littering", "kind")]
    [TestCase("/api/supervision/violations?review=Maybe", "review")]
    [TestCase("/api/supervision/violations?to=yesterday", "to")]
    public async Task A_wrong_filter_answers_400_naming_the_field(string url, string field)
    {
        using var response = await _supervisor.GetAsync(new Uri(url, UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(problem!["errors"]!.AsObject().Select(e => e.Key), Does.Contain(field));
    }

    [Test]
    public async Task The_task_list_shows_overdue_and_near_due_open_tasks_soonest_due_first()
    {
        var page = await Read("/api/supervision/tasks");
        var rows = page["items"]!.AsArray().Select(t => (t!["caseId"]!.GetValue<string>(), t["departmentCode"]!.GetValue<string>(), t["level"]!.GetValue<string>())).ToList();
        Assert.That(rows, Is.EqualTo(new[]
        {
            (_cases.Red, "samr", "Red"),
            (_cases.Yellow, "eco", "Red"), (_cases.Yellow, "fire", "Red"), (_cases.Yellow, "health", "Red"),
            (_cases.Yellow, "hrss", "Red"), (_cases.Yellow, "samr", "Red"), (_cases.Yellow, "tax", "Red"),
            (_cases.Prompt, "samr", "Prompt"),
        }));
        Assert.That(page["items"]![0]!["departmentName"]!.GetValue<string>(), Is.EqualTo("市场监督管理局"));
    }

    [TestCase("department=samr", "Red/samr,Yellow/samr,Prompt/samr")]
    [TestCase("level=Prompt", "Prompt/samr")]
    [TestCase("claimedBy=fire-reviewer", "Yellow/fire")]
    [TestCase("item=SP-JY-001", "Red/samr,Prompt/samr")]
    [TestCase("department=fire&level=Green", "")]
    [TestCase("status=Completed", "")]
    public async Task The_task_list_filters(string query, string expected)
    {
        var page = await Read($"/api/supervision/tasks?{query}");
        var rows = page["items"]!.AsArray().Select(t => $"{t!["caseId"]!.GetValue<string>()}/{t["departmentCode"]!.GetValue<string>()}");
        var wanted = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('/')).Select(e => $"{Cases(e[0]).Single()}/{e[1]}");
        Assert.That(rows, Is.EqualTo(wanted));
    }

    [Test]
    public async Task The_sweep_s_violations_are_listed_with_their_case_department_and_person()
    {
        var all = await Read("/api/supervision/violations");
        Assert.That(all["total"]!.GetValue<int>(), Is.EqualTo(8));
        var kinds = all["items"]!.AsArray().Select(v => v!["kind"]!.GetValue<string>()).ToList();
        Assert.That(kinds.Count(k => k == "OverdueTask"), Is.EqualTo(7));
        Assert.That(kinds.Count(k => k == "OverdueCase"), Is.EqualTo(1));

        var overdueCase = (await Read("/api/supervision/violations?kind=OverdueCase"))["items"]!.AsArray().Single()!;
        Assert.That((overdueCase["caseId"]!.GetValue<string>(), overdueCase["departmentCode"]!.GetValue<string>(), overdueCase["itemCode"]!.GetValue<string>()),
            Is.EqualTo((_cases.Red, "samr", "SP-JY-001")));
        var fire = (await Read("/api/supervision/violations?department=fire"))["items"]!.AsArray().Single()!;
        Assert.That((fire["caseId"]!.GetValue<string>(), fire["kind"]!.GetValue<string>(), fire["person"]!.GetValue<string>(), fire["departmentName"]!.GetValue<string>()),
            Is.EqualTo((_cases.Yellow, "OverdueTask", "fire-reviewer", "消防救援支队")));
        Assert.That((await Read("/api/supervision/violations?kind=OverdueTask&department=samr"))["total"]!.GetValue<int>(), Is.EqualTo(2));

        Assert.That((await Read("/api/supervision/violations?from=2026-12-07&to=2026-12-07"))["total"]!.GetValue<int>(), Is.EqualTo(8));
        Assert.That((await Read("/api/supervision/violations?to=2026-12-06"))["total"]!.GetValue<int>(), Is.Zero);
        Assert.That((await Read("/api/supervision/violations?from=2026-12-08"))["total"]!.GetValue<int>(), Is.Zero);
    }

    [Test]
    public async Task A_supervisor_changes_no_case()
    {
        using var response = await _supervisor.PostAsJsonAsync($"/api/cases/{_cases.Green}/accept", new { });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var green = (await Read($"/api/supervision/cases?status=Submitted&level=Green"))["items"]!.AsArray().Single()!;
        Assert.That(green["status"]!.GetValue<string>(), Is.EqualTo("Submitted"));
    }

    private async Task<JsonObject> Read(string url)
    {
        using var response = await _supervisor.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{url}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private string[] Cases(string levels) =>
        [.. levels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(level => level switch
        {
            "Red" => _cases.Red,
            "Prompt" => _cases.Prompt,
            "Yellow" => _cases.Yellow,
            "Green" => _cases.Green,
            _ => throw new ArgumentException(level),
        })];

    private static List<string> Ids(JsonObject page, string property) =>
        [.. page["items"]!.AsArray().Select(i => i![property]!.GetValue<string>())];

    private static Dictionary<string, int> Counts(JsonNode counts) =>
        counts.AsObject().ToDictionary(c => c.Key, c => c.Value!.GetValue<int>());

    private static (int Green, int Prompt, int Yellow, int Red) Levels(JsonNode levels) =>
        (levels["green"]!.GetValue<int>(), levels["prompt"]!.GetValue<int>(), levels["yellow"]!.GetValue<int>(), levels["red"]!.GetValue<int>());
}

using System.Net;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Catalog;

/// <summary>
/// 发布新版本 over HTTP: an administrator edits 食品经营许可 (SP-JY-001) as a draft, publishes it as version 2 with a note,
/// and a case submitted under version 1 keeps its limits and fee while a new case takes version 2's; the versions are
/// listed, compared and an older one rolled back to; a wrong draft is refused naming the field.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ItemVersionsOverHttpTests(DatabaseProvider provider)
{
    private const string Item = "SP-JY-001";
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

    private static object Application(string shop) => new
    {
        itemCode = Item,
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { shopName = shop, businessType = "餐饮服务", operatorId = "11010519491231002X", area = 60, address = "云浮市云城区兴云西路8号" },
    };

    // Version 2: the promised limit and samr's review shortened to 8 working days, and a fee of 30 yuan with its basis. (The
    // food licence's process definition sets samr's task limit itself, so the case's own limit is what moves here.)
    private static async Task<JsonObject> EditedAsync(HttpClient admin)
    {
        var item = (await admin.GetJsonAsync($"/api/catalog/items/{Item}")).Object;
        item["promisedLimitDays"] = 8;
        item["parallelReviews"] = new JsonArray(new JsonObject { ["departmentCode"] = "samr", ["limitDays"] = 8 });
        item["fee"] = 30;
        item["feeBasis"] = "示范收费依据";
        return item;
    }

    [Test]
    public async Task A_version_published_while_a_case_runs_leaves_the_case_its_limits_and_fee_and_a_new_case_takes_the_new_ones()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var reviewer = await Factory.CreateClientAsync("samr-reviewer");
        using var admin = await Factory.CreateClientAsync("admin");
        var (running, _, _) = await applicant.SubmitAsync(Application("一号小吃"));

        var draft = await admin.PutJsonAsync($"/api/catalog/items/{Item}/draft", await EditedAsync(admin));
        Assert.That(draft.Status, Is.EqualTo(HttpStatusCode.OK), draft.Text);
        Assert.That((await admin.GetJsonAsync($"/api/catalog/items/{Item}")).Body!["promisedLimitDays"]!.GetValue<int>(), Is.EqualTo(10), "a draft is not in force");
        var published = await admin.PostJsonAsync($"/api/catalog/items/{Item}/draft/publish", new { note = "依新规缩短时限并收费" });
        Assert.That(published.Status, Is.EqualTo(HttpStatusCode.Created), published.Text);
        Assert.That(published.Body!["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(published.Body["publishedBy"]!.GetValue<string>(), Does.Contain("admin"));
        var newer = (await applicant.SubmitAsync(Application("二号小吃"))).Id;

        // Both accepted, charged nothing, inspected and resumed at the same instants (as FoodBusinessLicenseOverHttpTests).
        Factory.At("2026-11-24T10:00:00");
        foreach (var id in new[] { running, newer })
            Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept", new { feeCharged = 0 })).Status, Is.EqualTo(HttpStatusCode.OK));
        Factory.At("2026-11-26T15:00:00");
        var kept = await reviewer.PostJsonAsync($"/api/cases/{running}/clock/resume");
        var taken = await reviewer.PostJsonAsync($"/api/cases/{newer}/clock/resume");

        Assert.Multiple(() =>
        {
            Assert.That(kept.Body!["itemVersion"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(Instant(kept.Body["dueAt"]), Is.EqualTo(Beijing("2026-12-09T17:30:00")), "version 1: 10 working days");
            Assert.That(kept.Body["violations"]!.AsArray(), Is.Empty, "version 1 charges nothing");
            Assert.That(taken.Body!["itemVersion"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(Instant(taken.Body["dueAt"]), Is.EqualTo(Beijing("2026-12-07T17:30:00")), "version 2: 8 working days");
            Assert.That(taken.Body["violations"]!.AsArray().Select(v => v!["kind"]!.GetValue<string>()), Does.Contain("FeeMismatch"), "version 2 charges 30 yuan");
        });
    }

    private static async Task<int> ListedVersionAsync(HttpClient client)
    {
        var items = await client.GetJsonAsync("/api/catalog/items");
        return items.Body!.AsArray().Single(i => i!["code"]!.GetValue<string>() == Item)!["version"]!.GetValue<int>();
    }

    // The public list is kept in memory between reads (EfCatalog, KeptRead), never behind what this node wrote.
    [Test]
    public async Task A_version_published_on_this_node_is_in_the_public_list_on_the_next_read()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        Assert.That(await ListedVersionAsync(admin), Is.EqualTo(1));

        var published = await admin.PutJsonAsync($"/api/catalog/items/{Item}", await EditedAsync(admin));

        Assert.That(published.Status, Is.EqualTo(HttpStatusCode.OK), published.Text);
        Assert.That(await ListedVersionAsync(admin), Is.EqualTo(2));
    }

    [Test]
    public async Task A_version_published_on_another_node_is_in_the_public_list_once_the_list_s_maximum_age_has_passed()
    {
        await using var otherNode = Factory.AnotherNode();
        using var reader = await Factory.CreateClientAsync("supervisor");
        using var admin = await otherNode.CreateClientAsync("admin");
        Assert.That(await ListedVersionAsync(reader), Is.EqualTo(1));

        var published = await admin.PutJsonAsync($"/api/catalog/items/{Item}", await EditedAsync(admin));
        var kept = await ListedVersionAsync(reader);
        Factory.At("2026-11-24T09:00:02");
        var listed = await ListedVersionAsync(reader);

        Assert.That(published.Status, Is.EqualTo(HttpStatusCode.OK), published.Text);
        Assert.That(kept, Is.EqualTo(1), "within 2 s this node shares the list it read");
        Assert.That(listed, Is.EqualTo(2));
    }

    [Test]
    public async Task Versions_are_listed_compared_and_an_older_one_is_rolled_back_to_as_the_next_version()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var saved = await admin.PutJsonAsync($"/api/catalog/items/{Item}/draft", await EditedAsync(admin));
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
        var draft = await admin.GetJsonAsync($"/api/catalog/items/{Item}/draft");
        Assert.That(draft.Body!["changes"]!.AsArray().Select(d => d!["field"]!.GetValue<string>()),
            Is.EquivalentTo(new[] { "parallelReviews.samr", "promisedLimitDays", "fee", "feeBasis" }));
        await admin.PostJsonAsync($"/api/catalog/items/{Item}/draft/publish", new { note = "v2" });
        Assert.That((await admin.GetJsonAsync($"/api/catalog/items/{Item}/draft")).Status, Is.EqualTo(HttpStatusCode.NotFound), "published: the draft is gone");

        var differences = await admin.GetJsonAsync($"/api/catalog/items/{Item}/differences?from=1&to=2");
        var promised = differences.Body!["differences"]!.AsArray().Single(d => d!["field"]!.GetValue<string>() == "promisedLimitDays")!;
        Assert.That((promised["before"]!.GetValue<string>(), promised["after"]!.GetValue<string>()), Is.EqualTo(("10", "8")));

        var rolledBack = await admin.PostJsonAsync($"/api/catalog/items/{Item}/versions/1/roll-back", new { });
        Assert.That(rolledBack.Status, Is.EqualTo(HttpStatusCode.Created), rolledBack.Text);
        Assert.That(rolledBack.Body!["version"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(rolledBack.Body["rolledBackFrom"]!.GetValue<int>(), Is.EqualTo(1));
        var current = await admin.GetJsonAsync($"/api/catalog/items/{Item}");
        Assert.That((current.Body!["version"]!.GetValue<int>(), current.Body["promisedLimitDays"]!.GetValue<int>()), Is.EqualTo((3, 10)));
        var versions = await admin.GetJsonAsync($"/api/catalog/items/{Item}/versions");
        Assert.That(versions.Body!.AsArray().Select(v => (v!["version"]!.GetValue<int>(), v["inForce"]!.GetValue<bool>())),
            Is.EqualTo(new[] { (3, true), (2, false), (1, false) }));
        Assert.That((await admin.GetJsonAsync($"/api/catalog/items/{Item}/differences?from=1&to=3")).Body!["differences"]!.AsArray(), Is.Empty);

        var again = await admin.PostJsonAsync($"/api/catalog/items/{Item}/versions/3/roll-back", new { });
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict), again.Text);
        Assert.That(again.Body!["errors"]!["version"], Is.Not.Null, "the version in force is named");
    }

    [Test]
    public async Task A_draft_with_a_promised_limit_past_the_statutory_one_or_an_unknown_department_is_refused_naming_the_field()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var item = await EditedAsync(admin);
        item["promisedLimitDays"] = 21;
        item["leadDepartmentCode"] = "nowhere";

        var refused = await admin.PutJsonAsync($"/api/catalog/items/{Item}/draft", item);

        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Text);
        Assert.That(refused.Body!["errors"]!["promisedLimitDays"]![0]!.GetValue<string>(), Does.Contain("longer than the statutory limit"));
        Assert.That(refused.Body["errors"]!["leadDepartmentCode"]![0]!.GetValue<string>(), Does.Contain("nowhere"));
        Assert.That((await admin.GetJsonAsync($"/api/catalog/items/{Item}/draft")).Status, Is.EqualTo(HttpStatusCode.NotFound), "nothing saved");
        Assert.That((await admin.PostJsonAsync($"/api/catalog/items/{Item}/draft/publish", new { })).Body!["errors"]!["draft"], Is.Not.Null,
            "no draft to publish: 409 naming the draft");
        Assert.That((await supervisor.PutJsonAsync($"/api/catalog/items/{Item}/draft", item)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await supervisor.GetJsonAsync($"/api/catalog/items/{Item}/versions")).Status, Is.EqualTo(HttpStatusCode.OK), "supervisors read the versions");
    }
}

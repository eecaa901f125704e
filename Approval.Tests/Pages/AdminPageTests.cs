using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approval.Tests.Api.Cases;
using Approval.Workflows.Cases;
using Approval.Workflows.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>An administrator keeps the process definitions and the working-day calendar by clicking, and the cases follow.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class AdminPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task A_definition_with_a_broken_connection_shows_the_error_at_its_activity_and_once_fixed_and_published_new_cases_run_on_it()
    {
        var original = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "workflows", "enterprise-establishment.json")))!;
        var broken = original.DeepClone();
        // The fork to the tax review points at an activity that is not there (a typo in the target).
        broken["root"]!["connections"]![0]!["target"]!["activity"] = "review-taks";
        var page = await _app.NewPageAsync();
        await page.SignInAsync("admin");
        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await page.Locator("[data-testid=admin-home] a[href='/admin/definitions']").ClickAsync();

        await page.Locator("#json").FillAsync(broken.ToJsonString());
        await page.Locator("[data-testid=upload-definition] button[type=submit]").ClickAsync();

        await Expect(page.Locator("[data-testid=problem]")).ToBeVisibleAsync();
        // The engine's reason in the reader's language, not its English.
        await Expect(page.Locator("[data-testid=definition-errors] li[data-activity=start]")).ToContainTextAsync("连线指向的环节“review-taks”不在此流程图中");
        await Expect(page.Locator("[data-testid=activity-start]")).ToHaveClassAsync(new Regex("has-error"));
        await Expect(page.Locator("[data-testid=activity-review-taks]")).ToHaveClassAsync(new Regex("missing"));
        await Expect(page.Locator("[data-testid=activity-review-tax]")).Not.ToHaveClassAsync(new Regex("has-error"));
        // The missing target's dashed box is drawn on the page, not past its right edge.
        var dashed = (await page.Locator("[data-testid=activity-review-taks] rect").BoundingBoxAsync())!;
        var svg = (await page.Locator("[data-testid=diagram] svg").BoundingBoxAsync())!;
        var pageWidth = await page.EvaluateAsync<double>("document.documentElement.clientWidth");
        Assert.That(dashed.X + dashed.Width, Is.LessThanOrEqualTo(Math.Min(svg.X + svg.Width, pageWidth)), "the dashed box's right edge");
        Assert.That(dashed.X, Is.GreaterThanOrEqualTo(svg.X));
        await page.ShotAsync("01-broken-connection");

        // Fixed in place, uploaded as a draft, then published from its version page.
        var fixedJson = original.DeepClone();
        fixedJson["name"] = "企业设立登记（修订）";
        await page.Locator("#json").FillAsync(fixedJson.ToJsonString());
        await page.Locator("#publish").UncheckAsync();
        await page.Locator("[data-testid=upload-definition] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("未发布");
        await Expect(page.Locator("[data-testid=diagram] [data-testid=activity-review-tax]")).ToBeVisibleAsync();
        var version = int.Parse(Regex.Match(page.Url, @"/versions/(\d+)").Groups[1].Value);
        await page.Locator("[data-testid=publish] button").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToContainTextAsync($"第 {version} 版已发布");
        await Expect(page.Locator("[data-testid=version-state]")).ToContainTextAsync("生效中");
        await page.ShotAsync("02-published");
        await page.SignOutAsync();

        var caseId = await AcceptedEnterpriseCaseAsync(page, "修订流程示范有限公司");

        Assert.That((await InstanceOfAsync(caseId)).DefinitionVersion, Is.EqualTo(version));
    }

    [Test]
    public async Task A_day_made_a_holiday_on_the_year_grid_moves_an_open_cases_due_date()
    {
        var page = await _app.NewPageAsync();
        var caseId = await AcceptedEnterpriseCaseAsync(page, "日历示范有限公司");
        var before = (await CaseAsync(caseId)).DueAt!.Value;

        await page.SignInAsync("admin");
        await page.GotoAsync("/admin/calendar/2026");
        await Expect(page.Locator("[data-testid=year-grid] [data-date='2026-10-01']")).ToHaveAttributeAsync("data-kind", "Holiday");
        await page.Locator("[data-testid=year-grid] [data-date='2026-12-01']").ClickAsync();
        await page.Locator("[data-testid=edit-day] input[value=DayOff]").CheckAsync();
        await page.Locator("#day-name").FillAsync("临时调整");
        await page.Locator("[data-testid=edit-day] button[type=submit]").ClickAsync();

        await Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("日历已保存");
        await Expect(page.Locator("[data-testid=year-grid] [data-date='2026-12-01']")).ToHaveAttributeAsync("data-kind", "Holiday");
        await page.ShotAsync("01-day-off");
        var after = (await CaseAsync(caseId)).DueAt!.Value;
        Assert.That(after, Is.GreaterThan(before), "one working day fewer before the due date: it moves a working day later");
    }

    [Test]
    public async Task A_year_imported_without_its_statutory_holidays_is_refused_with_the_reason_on_the_page()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GotoAsync("/admin/calendar/2026");
        await page.Locator("#import-json").FillAsync("""{ "year": 2027, "days": [{ "name": "元旦", "date": "2027-01-01", "isOffDay": true }] }""");
        await page.Locator("[data-testid=import-year] button[type=submit]").ClickAsync();

        await Expect(page.Locator("[data-testid=calendar-problems] li[data-field=days]")).ToContainTextAsync("lacks statutory holidays");
        await page.ShotAsync("01-refused");
    }

    [Test]
    public async Task An_administrator_sends_a_reviewer_away_with_a_colleague_acting_and_sees_who_is_away()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("admin");
        await page.Locator("[data-testid=admin-home] a[href='/admin/users']").ClickAsync();
        await page.Locator("[data-testid=users] tr[data-user=samr-reviewer] a").ClickAsync();
        await page.Locator("#substitute").SelectOptionAsync("samr-head");
        await page.Locator("#from").FillAsync("2026-11-24");
        await page.Locator("#until").FillAsync("2026-11-26");
        await page.Locator("[data-testid=absence] button[type=submit]").Last.ClickAsync();

        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("请假已保存。");
        await Expect(page.Locator("[data-testid=away-now]")).ToContainTextAsync("samr-head");
        await page.ShotAsync("01-absence");
        await page.GotoAsync("/admin/users");
        await Expect(page.Locator("[data-testid=away] tr[data-user=samr-reviewer]")).ToContainTextAsync("samr-head");

        await page.Locator("#department-code").FillAsync("audit");
        await page.Locator("#department-name").FillAsync("审计局");
        await page.Locator("[data-testid=save-department] button").ClickAsync();
        await Expect(page.Locator("[data-testid=departments] tr[data-department=audit]")).ToContainTextAsync("审计局");
        await page.ShotAsync("02-staff");
    }

    [Test]
    public async Task An_items_promised_limit_edited_as_a_draft_and_published_shows_in_its_guide_and_one_past_the_statutory_limit_is_refused()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GotoAsync("/admin/catalog");
        await page.Locator("[data-testid=catalog-items] tr[data-item=SP-JY-001] a").First.ClickAsync();
        var statutory = int.Parse(await page.Locator("#statutory").InputValueAsync());

        await page.Locator("#promised").FillAsync((statutory + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=edit-item] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=item-problems] li[data-field=promisedLimitDays]")).ToContainTextAsync("longer than the statutory limit");
        await page.ShotAsync("01-refused");

        await page.Locator("#promised").FillAsync("15");
        await page.Locator("[data-testid=edit-item] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("草稿已保存");
        await Expect(page.Locator("[data-testid=draft-changes] tr[data-field=promisedLimitDays] .after")).ToHaveTextAsync("15");
        await page.GotoAsync("/portal/items/SP-JY-001");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("15 个工作日");

        await page.GoBackAsync();
        await page.Locator("#publish-note").FillAsync("承诺时限调整为 15 个工作日");
        await page.Locator("[data-testid=publish-item] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("已发布");
        await Expect(page.Locator("[data-testid=item-versions] tr[data-version]").First).ToContainTextAsync("承诺时限调整为 15 个工作日");
        await page.ShotAsync("02-published");
        await page.GotoAsync("/portal/items/SP-JY-001");
        await Expect(page.Locator("main")).ToContainTextAsync("15 个工作日");
    }

    [Test]
    public async Task A_new_version_of_an_item_published_on_its_page_is_what_a_new_case_runs_under_while_a_running_case_keeps_its_own()
    {
        var page = await _app.NewPageAsync();
        var running = await AcceptedEnterpriseCaseAsync(page, "旧版本示范有限公司");
        var before = await CaseAsync(running);

        await page.SignInAsync("admin");
        await page.GotoAsync("/admin/catalog/QY-SL-001");
        await page.Locator("#promised").FillAsync("12");
        await page.Locator("[data-testid=edit-item] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=draft-changes] tr[data-field=promisedLimitDays]")).ToBeVisibleAsync();
        await page.Locator("#publish-note").FillAsync("承诺时限缩短为 12 个工作日");
        await page.Locator("[data-testid=publish-item] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToContainTextAsync("已发布");
        var version = int.Parse(await page.Locator("[data-testid=item-versions] tr[data-version]").First.GetAttributeAsync("data-version") ?? "0");
        Assert.That(version, Is.GreaterThan(before.ItemVersion));
        await page.Locator($"[data-testid=item-versions] tr[data-version='{before.ItemVersion}'] [data-testid=compare]").ClickAsync();
        await Expect(page.Locator("[data-testid=item-differences] tr[data-field=promisedLimitDays] .before")).ToHaveTextAsync(before.PromisedLimitDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator("[data-testid=item-differences] tr[data-field=promisedLimitDays] .after")).ToHaveTextAsync("12");
        await page.ShotAsync("01-versions-compared");
        await page.SignOutAsync();

        var fresh = await CaseAsync(await AcceptedEnterpriseCaseAsync(page, "新版本示范有限公司"));
        var kept = await CaseAsync(running);

        Assert.Multiple(() =>
        {
            Assert.That((fresh.ItemVersion, fresh.PromisedLimitDays), Is.EqualTo((version, 12)), "a new case runs under the version published");
            Assert.That((kept.ItemVersion, kept.PromisedLimitDays, kept.DueAt), Is.EqualTo((before.ItemVersion, before.PromisedLimitDays, before.DueAt)),
                "the running case keeps its version, limit and due date");
        });
    }

    [Test]
    public async Task A_window_created_on_its_page_gets_a_clerk_who_sees_its_queue_and_it_is_not_closed_while_it_holds_a_case()
    {
        await _app.AddUserAsync(new User("demo-clerk-9", "clerk-9", "周九", Role.WindowClerk) { WindowCode = "w01" });
        var page = await _app.NewPageAsync();
        await page.SignInAsync("admin");
        await page.Locator("[data-testid=admin-home] a[href='/admin/windows']").ClickAsync();
        await page.Locator("#window-code").FillAsync("w09");
        await page.Locator("#window-name").FillAsync("综合受理 9 号窗口");
        await page.Locator("#window-name-en").FillAsync("General window 9");
        await page.Locator("#window-location").FillAsync("一楼大厅 9 号");
        await page.Locator("[data-testid=save-window] button").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("窗口已保存。");
        await Expect(page.Locator("[data-testid=windows] tr[data-window=w09]")).ToContainTextAsync("综合受理 9 号窗口");

        await page.Locator("[data-testid=windows] tr[data-window=w09] [data-testid=assign] select").SelectOptionAsync("clerk-9");
        await page.Locator("[data-testid=windows] tr[data-window=w09] [data-testid=assign] button").ClickAsync();
        await Expect(page.Locator("[data-testid=windows] tr[data-window=w09] li[data-clerk=clerk-9]")).ToBeVisibleAsync();
        await page.ShotAsync("01-window-with-clerk");
        await page.SignOutAsync();

        // An application the new window accepts with a material to follow (容缺): it is that window's to watch.
        using (var applicant = await _app.ApiClientAsync("applicant"))
        using (var clerk = await _app.ApiClientAsync("clerk-9"))
        {
            var submitted = await applicant.PostAsJsonAsync("/api/cases", new
            {
                itemCode = "SP-JY-001",
                applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
                form = new { shopName = "九号窗口小吃", businessType = "餐饮服务", operatorId = "11010519491231002X", area = 60, address = "云浮市云城区兴云西路9号" },
            });
            var caseId = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
            var accepted = await clerk.PostAsJsonAsync($"/api/cases/{caseId}/accept", new { missingMaterials = new[] { "rules" }, promisedBy = "2026-12-01" });
            Assert.That(accepted.IsSuccessStatusCode, Is.True, await accepted.Content.ReadAsStringAsync());
        }

        await page.SignInAsync("clerk-9");
        await Expect(page.Locator("[data-testid=my-window]")).ToContainTextAsync("综合受理 9 号窗口");
        await Expect(page.Locator("[data-testid=queue-promisesDue]")).ToContainTextAsync("张三");
        await page.ShotAsync("02-clerk-queue");
        await page.SignOutAsync();

        await page.SignInAsync("admin");
        await page.GotoAsync("/admin/windows");
        await page.Locator("[data-testid=windows] tr[data-window=w09] li[data-clerk=clerk-9] [data-testid=unassign] button").ClickAsync();
        await page.Locator("[data-testid=windows] tr[data-window=w09] [data-testid=close] button").ClickAsync();
        await Expect(page.Locator("[data-testid=problem][data-field=code]")).ToContainTextAsync("holds 1 open case");
        await Expect(page.Locator("[data-testid=windows] tr[data-window=w09] [data-testid=window-state]")).ToHaveTextAsync("开放");
        await page.ShotAsync("03-close-refused");
    }

    [Test]
    public async Task Every_administration_page_in_English_has_no_Chinese_text_but_the_data()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("admin", culture: "en");
        using var api = await _app.ApiClientAsync("admin");
        var data = await AdminEnglishPages.DataAsync(api);

        // Every page the administration home leads to, and the first of each one's own pages (a definition's version, a
        // catalog item, a person, a calendar year): what pages there are is read from the links, so a new one is checked too.
        async Task<List<string>> LinksAsync(string under) =>
            [.. (await page.Locator($"main a[href^='{under}']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
                .Select(l => l.Split('?', '#')[0]).Where(l => l != under && l.StartsWith(under, StringComparison.Ordinal)).Distinct()];
        var visited = new List<string> { "/admin" };
        await page.GotoAsync("/admin");
        foreach (var section in await LinksAsync("/admin/"))
        {
            await page.GotoAsync(section);
            visited.Add(section);
            if ((await LinksAsync(section + "/")).FirstOrDefault() is { } first)
                visited.Add(first);
        }
        foreach (var kind in new[] { "/admin/definitions/", "/admin/catalog/", "/admin/users/" })
            Assert.That(visited, Has.Some.StartsWith(kind), "pages visited");
        var leftByPage = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var path in visited)
        {
            await page.GotoAsync(path);
            if (await AdminEnglishPages.ChineseLeftAsync(page, data) is { Count: > 0 } left)
                leftByPage[path] = left;
        }

        // A definition refused: the engine's errors in English too.
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "workflows", "enterprise-establishment.json")))!;
        broken["root"]!["connections"]![0]!["target"]!["activity"] = "review-taks";
        await page.GotoAsync("/admin/definitions");
        await page.Locator("#json").FillAsync(broken.ToJsonString());
        await page.Locator("[data-testid=upload-definition] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=definition-errors] li[data-activity=start]")).ToContainTextAsync("a connection ends at activity 'review-taks', which is not in this flowchart");
        if (await AdminEnglishPages.ChineseLeftAsync(page, data) is { Count: > 0 } refused)
            leftByPage["/admin/definitions (refused upload)"] = refused;
        await page.ShotAsync("en-refused-definition");

        Assert.That(leftByPage.Select(p => $"{p.Key}: {string.Join(" | ", p.Value)}"), Is.Empty, "Chinese text left on English pages");
    }

    [Test]
    public async Task The_seal_certificates_page_shows_the_seal_a_decision_used_and_its_document_verifies_in_English()
    {
        // A decision made through the API (个体工商户登记 is decided on the spot): the seal it used and its sealed decision.
        using var applicant = await _app.ApiClientAsync("applicant");
        using var clerk = await _app.ApiClientAsync("clerk");
        using var head = await _app.ApiClientAsync("samr-head");
        var (id, number, _) = await applicant.SubmitAsync(new
        {
            itemCode = "GT-DJ-001",
            applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
            form = new { businessName = "张三早餐店", operatorId = "11010519491231002X", businessScope = "早餐服务", address = "云浮市云城区兴云西路9号" },
        });
        await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        var decision = (await clerk.GetJsonAsync($"/api/cases/{id}/documents")).Body!.AsArray()[0]!;

        var page = await _app.NewPageAsync();
        await page.SignInAsync("admin", culture: "en");
        await page.GotoAsync("/admin/seal");
        await Expect(page.Locator($"[data-testid=certificates] tr[data-serial='{decision["certificateSerial"]}'][data-state=InUse]")).ToContainTextAsync("ECDSA P-256 / SHA-256");
        await page.ShotAsync("en-seal-certificates");
        await page.GotoAsync($"/verify?case={Uri.EscapeDataString(number)}&doc={decision["id"]}");
        await page.ShotAsync("en-verify");
    }

    /// <summary>An applicant applies for 企业设立登记 online and the window accepts it: its process starts.</summary>
    private static async Task<string> AcceptedEnterpriseCaseAsync(IPage page, string company)
    {
        await page.SignInAsync("applicant");
        var (caseUrl, number, _) = await page.ApplyForEnterpriseAsync(company);
        await page.SignOutAsync();
        await page.SignInAsync("clerk");
        await page.Locator("[data-testid=open-case] #number").FillAsync(number);
        await page.Locator("[data-testid=open-case] button").ClickAsync();
        await page.Locator("[data-testid=accept] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("审查中");
        await page.SignOutAsync();
        return caseUrl.Split('/')[^1];
    }

    private async Task<Case> CaseAsync(string caseId)
    {
        await using var session = await _app.Services.GetRequiredService<ICaseSessions>().OpenAsync();
        return (await session.FindAsync(caseId))!;
    }

    private async Task<Approval.Engine.Runtime.WorkflowInstance> InstanceOfAsync(string caseId)
    {
        await using var session = await _app.Services.GetRequiredService<ICaseSessions>().OpenAsync();
        var @case = (await session.FindAsync(caseId))!;
        return (await session.FindInstanceAsync(@case.WorkflowInstanceId!))!;
    }
}

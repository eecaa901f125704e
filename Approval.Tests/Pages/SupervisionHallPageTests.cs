using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Api.Engine;
using Approval.Api.Identity;
using Approval.Tests.Workflows.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>
/// The supervision hall in a browser: the live overview that follows the clocks without a reload, the overdue and near-due
/// lists with their filters, order and CSV export, the case drill-down with every clock on a working-day axis. Cases are
/// made through the HTTP API (the pages under test are the supervisor's); time passes on the fake clock and the deadline
/// sweep runs as the job server would run it.
/// </summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class SupervisionHallPageTests
{
    private const string PersonId = "11010519491231002X";
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task A_supervisor_watches_a_case_turn_yellow_then_red_without_reloading_the_page()
    {
        // Tuesday 2026-11-24: accepted at once; its six department tasks have 5 working days (12-01), the case 15 (12-15).
        At("2026-11-24 10:00");
        var (caseId, number) = await AcceptedEnterpriseCaseAsync("监察大厅示范有限公司");
        var page = await _app.NewPageAsync();
        await page.SignInAsync("supervisor");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/oversight"), "the supervisors' home is the hall");
        await Expect(page.Locator("[data-testid=hall-live]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=watch-list] tr[data-case]", new() { HasText = number })).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => window.__sameDocument = true");
        var (yellow, red) = (await CountAsync(page, "cases-yellow"), await CountAsync(page, "cases-red"));
        var drawn = await page.Locator("#hall").GetAttributeAsync("data-drawn");
        Assert.That(drawn, Is.Not.Null, "the charts were drawn");

        // Every task past its 5 days: the tasks are red, so the case is yellow (a step overdue, 环节超时).
        await PassTimeAsync("2026-12-02 09:00");
        var row = page.Locator($"[data-testid=watch-list] tr[data-case='{number}']");
        await Expect(row.Locator("[data-testid=watch-level]")).ToHaveTextAsync("黄牌预警", new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-testid=cases-yellow]")).ToHaveTextAsync($"{yellow + 1}");
        await Expect(page.Locator("[data-testid=cases-red]")).ToHaveTextAsync($"{red}");
        await page.ShotAsync("zh-yellow");

        // Past the case's own limit: red.
        await PassTimeAsync("2026-12-16 09:00");
        await Expect(row.Locator("[data-testid=watch-level]")).ToHaveTextAsync("红牌（超时）", new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-testid=cases-red]")).ToHaveTextAsync($"{red + 1}");
        await Expect(page.Locator("[data-testid=cases-yellow]")).ToHaveTextAsync($"{yellow}");
        Assert.That(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), Is.True, "the page was never reloaded");
        Assert.That(await page.Locator("#hall").GetAttributeAsync("data-drawn"), Is.Not.EqualTo(drawn), "the charts took the new figures");
        await page.ShotAsync("zh-red");

        // Big screen for the wall display.
        await page.Locator("[data-testid=wall-toggle]").ClickAsync();
        await Expect(page.Locator("#hall")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("hall-wall"));
        await Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        // On a 1280 px wall the widest figure a rate tile shows, 100.00%, stays inside its tile (as every other figure).
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => {
                for (const id of ["completion-rate", "early-rate"])
                    document.querySelector(`[data-testid=${id}]`).textContent = "100.00%";
                return [...document.querySelectorAll("#hall .tile strong")]
                    .filter(figure => figure.scrollWidth > figure.clientWidth)
                    .map(figure => `${figure.textContent}: ${figure.scrollWidth} > ${figure.clientWidth}`);
            }
            """);
        Assert.That(overflowing, Is.Empty, "figures wider than their tile");
        await page.ShotAsync("zh-wall");

        // From the watch list to the drill-down: every clock, the red case, its violations.
        await page.GotoAsync("/oversight");
        await row.Locator("a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/oversight/cases/{caseId}$"));
        await Expect(page.Locator("[data-testid=clock-acceptance]")).ToHaveAttributeAsync("data-level", "Green");
        await Expect(page.Locator("[data-testid=clock-task]")).ToHaveCountAsync(6);
        await Expect(page.Locator("[data-testid=clock-task][data-department=fire]")).ToHaveAttributeAsync("data-level", "Red");
        await Expect(page.Locator("[data-testid=clock-case]")).ToHaveAttributeAsync("data-level", "Red");
        await Expect(page.Locator("[data-testid=case-violations]")).ToContainTextAsync("超时办理");
        await Expect(page.Locator("[data-testid=case-violations]")).ToContainTextAsync("超期办结");
        await Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("预警升级");
        // The clocks' own steps are the system's, said in the reader's language.
        await Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("预警升级 · 系统");
        await Expect(page.Locator("[data-testid=timeline]")).Not.ToContainTextAsync("system");
        await Expect(page.Locator("form[method=post]:not([action='/account/sign-out'])")).ToHaveCountAsync(0);
        await page.ShotAsync("zh-drill-down");
    }

    [Test]
    public async Task The_drill_down_shades_the_suspension_and_the_extension_on_the_working_day_axis()
    {
        // 食品经营许可 starts with an on-site inspection that stops the clock: samr restarts it two working days later,
        // and its head extends the limit (Art. 42).
        At("2026-12-17 10:00");
        using var clerk = await ApiAsync("clerk");
        using var samr = await ApiAsync("samr-reviewer");
        using var head = await ApiAsync("samr-head");
        var caseId = await SubmitAsync(clerk, new
        {
            itemCode = "SP-JY-001",
            applicant = new { kind = "Person", idNumber = PersonId, name = "张三" },
            form = new { shopName = "张三小吃店", businessType = "餐饮服务", operatorId = PersonId, address = "云城区" },
        });
        await PostAsync(clerk, $"/api/cases/{caseId}/accept", new { });
        At("2026-12-21 11:00");
        await PostAsync(samr, $"/api/cases/{caseId}/clock/resume", new { });
        await PostAsync(head, $"/api/cases/{caseId}/extension", new { reason = "现场核查发现需补充检测" });

        var page = await _app.NewPageAsync();
        await page.SignInAsync("supervisor");
        await page.GotoAsync($"/oversight/cases/{caseId}");
        await Expect(page.Locator("[data-testid=clock-suspension]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=clock-extension]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=clock-case]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=no-violations]")).ToBeVisibleAsync();
        await page.ShotAsync("zh-suspension-extension");

        await page.GotoAsync($"/oversight/cases/{caseId}?culture=en");
        await Expect(page.Locator("[data-testid=clocks]")).ToContainTextAsync("Case promised limit");
        await page.ShotAsync("en-suspension-extension");
    }

    [Test]
    public async Task The_lists_filter_sort_page_and_export_exactly_the_rows_shown()
    {
        At("2026-12-22 10:00");
        var (_, first) = await AcceptedEnterpriseCaseAsync("列表示范一有限公司");
        At("2026-12-22 11:00");
        var (_, second) = await AcceptedEnterpriseCaseAsync("列表示范二有限公司");
        // Both cases' tasks past their 5 working days: both cases yellow.
        await PassTimeAsync("2026-12-30 09:00");

        var page = await _app.NewPageAsync();
        await page.SignInAsync("supervisor");
        await page.GotoAsync("/oversight/lists?level=Yellow&receivedFrom=2026-12-22&receivedTo=2026-12-22");
        var rows = page.Locator("[data-testid=due-cases] tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        // Due at the same close of business: the number decides.
        var byNumber = new[] { first, second }.Order(StringComparer.Ordinal).ToArray();
        Assert.That(await rows.Locator("td:first-child a").AllTextContentsAsync(), Is.EqualTo(byNumber), "soonest due first, then by number");
        await Expect(page.Locator("#filter-received-from")).ToHaveValueAsync("2026-12-22");
        await Expect(page.Locator("[data-testid=level-Yellow]")).ToBeCheckedAsync();
        await Expect(page.Locator("[data-testid=level-Red]")).Not.ToBeCheckedAsync();

        // Newest received first, by clicking the column twice.
        await page.Locator("[data-testid=sort-receivedAt]").ClickAsync();
        await page.Locator("[data-testid=sort-receivedAt]").ClickAsync();
        await Expect(page.Locator("th[aria-sort=descending]")).ToContainTextAsync("收件时间");
        Assert.That(await rows.Locator("td:first-child a").AllTextContentsAsync(), Is.EqualTo(new[] { second, first }));
        await page.ShotAsync("zh-due-cases");

        // The CSV is the API's export of this very query: the same rows in the same order.
        var csvHref = await page.Locator("[data-testid=csv]").GetAttributeAsync("href");
        Assert.That(csvHref, Does.StartWith("/api/supervision/cases?").And.Contain("sort=-receivedAt").And.Contain("level=Yellow").And.EndWith("format=csv"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=csv]").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), Encoding.UTF8);
        var numbers = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[1]).ToList();
        Assert.That(numbers, Is.EqualTo(new[] { second, first }));

        // Pages of one.
        await page.GotoAsync("/oversight/lists?level=Yellow&receivedFrom=2026-12-22&receivedTo=2026-12-22&pageSize=20&sort=number");
        await Expect(rows).ToHaveCountAsync(2);

        // The tasks of the two cases, by department.
        await page.GotoAsync("/oversight/lists?kind=tasks&department=fire&level=Red");
        await Expect(page.Locator("[data-testid=due-tasks]")).ToContainTextAsync(first);
        await Expect(page.Locator("[data-testid=due-tasks]")).ToContainTextAsync(second);
        await page.ShotAsync("zh-due-tasks");

        // A wrong filter is named, as the API names it, and nothing is listed.
        await page.GotoAsync("/oversight/lists?receivedFrom=2026-13-01&sort=colour");
        await Expect(page.Locator("[data-testid=problem] [data-field=receivedFrom]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=problem] [data-field=sort]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=due-cases]")).ToHaveCountAsync(0);

        await page.GotoAsync("/oversight/lists?level=Yellow&culture=en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Overdue and near-due cases");
        await page.ShotAsync("en-due-cases");
    }

    // Time passes; the deadline sweep runs as the job server runs it every minute.
    private async Task PassTimeAsync(string beijing)
    {
        At(beijing);
        await _app.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
    }

    // The tests share one application, whose clock only moves forward: each test's days come after the one before's.
    private void At(string beijing)
    {
        var at = ACase.Beijing(beijing);
        if (at > _app.Clock.GetUtcNow())
            _app.Clock.SetUtcNow(at);
    }

    private static async Task<int> CountAsync(IPage page, string testId) =>
        int.Parse((await page.Locator($"[data-testid={testId}]").TextContentAsync())!.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(string CaseId, string Number)> AcceptedEnterpriseCaseAsync(string companyName)
    {
        using var clerk = await ApiAsync("clerk");
        var caseId = await SubmitAsync(clerk, new
        {
            itemCode = "QY-SL-001",
            applicant = new { kind = "Person", idNumber = PersonId, name = "张三" },
            form = new { companyName, registeredCapital = 100, businessScope = "软件开发", address = "云城区", legalRepresentativeId = PersonId },
        });
        var accepted = await PostAsync(clerk, $"/api/cases/{caseId}/accept", new { });
        return (caseId, accepted["number"]!.GetValue<string>());
    }

    private async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = DemoUsers.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> SubmitAsync(HttpClient client, object application)
    {
        using var response = await client.PostAsJsonAsync("/api/cases", application);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.Engine;
using Approval.Api.Identity;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>
/// The supervisors' acts by clicking (/oversight/violations, notices, complaints, performance): a 企业设立登记 case accepted
/// 2026-11-24 whose fire and eco tasks are left unanswered goes red at the sweep of 2026-12-16 09:00 (the case due 12-15
/// 17:30), recording 超期办结 against the lead department and 超时办理 against fire and eco.
/// </summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class OversightActsPageTests
{
    private const string Today = "2026-12-16";
    private BrowserApp _app = null!;
    private string _caseId = null!;
    private string _number = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync();
        using var applicant = await ApiAsync("applicant");
        using var clerk = await ApiAsync("clerk");
        (_caseId, _number, _) = await applicant.SubmitAsync(new
        {
            itemCode = "QY-SL-001",
            applicant = new { kind = "Person", idNumber = ApplicantStory.LegalRepresentativeId, name = "张三" },
            form = new { companyName = "云浮市监察示范有限公司", registeredCapital = 100, businessScope = "软件开发", address = "云城区", legalRepresentativeId = ApplicantStory.LegalRepresentativeId },
        });
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{_caseId}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));

        // Four departments answer the next morning, on time; fire and eco never do.
        _app.Clock.SetUtcNow(CaseHttp.Beijing("2026-11-25 10:00"));
        foreach (var department in (string[])["samr", "tax", "health", "hrss"])
        {
            using var reviewer = await ApiAsync($"{department}-reviewer");
            var given = await reviewer.PostJsonAsync($"/api/cases/{_caseId}/tasks/{await reviewer.TaskOfAsync(_caseId)}/opinion", new { verdict = "Approve" });
            Assert.That(given.Status, Is.EqualTo(HttpStatusCode.OK), given.Text);
        }

        _app.Clock.SetUtcNow(CaseHttp.Beijing($"{Today} 09:00"));
        await _app.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
        await RebuildSnapshotsAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Dismissing_a_violation_without_a_reason_shows_the_error_at_the_reason_and_reviews_nothing()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("supervisor");
        await page.GotoAsync("/oversight/violations?kind=OverdueTask&department=eco");
        var row = page.Locator("[data-testid^=violation-]").Filter(new() { HasText = _number });
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator("[data-testid=dismiss]").ClickAsync();

        var error = page.Locator("[data-testid^=violation-]").Filter(new() { HasText = _number }).Locator("[data-testid=field-error]");
        await Expect(error).ToHaveTextAsync("撤销违规须说明理由。");
        await Expect(page.Locator("[data-testid^=violation-] textarea[aria-invalid=true]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=problem]")).ToBeVisibleAsync();
        await page.ShotAsync("zh-dismiss-without-reason");

        // Nothing was reviewed: the violation is still open, in the list and in the API.
        await page.GotoAsync("/oversight/violations?kind=OverdueTask&department=eco");
        await Expect(page.Locator("[data-testid^=violation-]").Filter(new() { HasText = _number }).Locator("[data-testid=review]")).ToHaveTextAsync("待复核");
        using var supervisor = await ApiAsync("supervisor");
        var open = await supervisor.GetJsonAsync("/api/supervision/violations?kind=OverdueTask&department=eco&review=Open");
        Assert.That(open.Body!["total"]!.GetValue<int>(), Is.EqualTo(1));

        await page.GotoAsync("/oversight/violations?kind=OverdueTask&department=eco&culture=en");
        await page.Locator("[data-testid^=violation-]").Filter(new() { HasText = _number }).Locator("[data-testid=dismiss]").ClickAsync();
        await Expect(page.Locator("[data-testid=field-error]")).ToHaveTextAsync("A dismissal states its reason.");
        await page.ShotAsync("en-dismiss-without-reason");
    }

    [Test]
    public async Task A_supervisor_confirms_the_violation_a_red_case_raised_issues_a_notice_reads_the_heads_answer_and_sees_the_ranking_change()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("supervisor");

        // The violation the red case raised, and the department it is recorded against.
        await page.GotoAsync("/oversight/violations?kind=OverdueCase");
        var row = page.Locator("[data-testid^=violation-]").Filter(new() { HasText = _number });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("超期办结");
        var department = (await row.GetAttributeAsync("data-department"))!;
        await page.ShotAsync("zh-violations-open");

        var (scoreBefore, rankBefore) = await RankingOfAsync(page, department);
        await page.ShotAsync("zh-performance-before");
        await Expect(page.Locator($"[data-testid=rank-{department}] [data-testid=confirmed-violations]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^0\\b"));

        await page.GotoAsync("/oversight/violations?kind=OverdueCase");
        row = page.Locator("[data-testid^=violation-]").Filter(new() { HasText = _number });
        await row.Locator("textarea").FillAsync("承办部门未按承诺时限办结，经核实无法定扣除情形");
        await row.Locator("[data-testid=confirm]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已确认该违规，计入绩效扣分。");
        await Expect(page.Locator("[data-testid^=violation-]").Filter(new() { HasText = _number })).ToHaveCountAsync(0);
        await page.GotoAsync("/oversight/violations?kind=OverdueCase&review=Confirmed");
        row = page.Locator("[data-testid^=violation-]").Filter(new() { HasText = _number });
        await Expect(row.Locator("[data-testid=review]")).ToHaveTextAsync("已确认");
        await Expect(row.Locator("[data-testid=review-reason]")).ToHaveTextAsync("承办部门未按承诺时限办结，经核实无法定扣除情形");
        await page.ShotAsync("zh-violation-confirmed");

        // 督办 on the case, from the violation's own link (case and department filled in).
        await row.Locator("[data-testid=notice-link]").ClickAsync();
        await Expect(page.Locator("#notice-case")).ToHaveValueAsync(_number);
        await Expect(page.Locator("#notice-department")).ToHaveValueAsync(department);
        await page.Locator("#notice-subject").FillAsync("超期办结督办");
        await page.Locator("#notice-body").FillAsync("请于 3 个工作日内说明超期原因并完成办结。");
        await page.Locator("#notice-due").FillAsync("3");
        await page.Locator("[data-testid=issue-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已发出，部门负责人与经办人员已收到通知。");
        var notice = page.Locator("[data-testid^=notice-]").Filter(new() { HasText = "超期办结督办" });
        await Expect(notice.Locator("[data-testid=status]")).ToHaveTextAsync("待答复");
        await Expect(notice).ToContainTextAsync(_number);
        await page.ShotAsync("zh-notice-issued");

        // The department's head answers on their workbench, in their own browser.
        var headPage = await _app.NewPageAsync();
        await headPage.SignInAsync($"{department}-head");
        await headPage.GotoAsync("/workbench/notices");
        var toAnswer = headPage.Locator("article[data-testid^=notice-]").Filter(new() { HasText = "超期办结督办" });
        await Expect(toAnswer).ToHaveCountAsync(1);
        await Expect(toAnswer.Locator("[data-testid=notice-status]")).ToHaveTextAsync("待答复");
        var noticeId = long.Parse((await toAnswer.GetAttributeAsync("data-testid"))!["notice-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await headPage.Locator($"#answer-{noticeId}").FillAsync("已约谈经办人，消防、环保审查已催办，本周内办结。");
        await toAnswer.Locator("[data-testid=answer-form] button[type=submit]").ClickAsync();
        await Expect(headPage.Locator("[data-testid=done]")).ToHaveTextAsync("已答复督办。");
        await headPage.ShotAsync("zh-head-answers-notice");
        await headPage.Context.CloseAsync();

        await page.GotoAsync("/oversight/notices?status=Answered");
        notice = page.Locator($"[data-testid=notice-{noticeId}]");
        await Expect(notice.Locator("[data-testid=status]")).ToHaveTextAsync("已答复");
        await Expect(notice.Locator("[data-testid=answer]")).ToHaveTextAsync("已约谈经办人，消防、环保审查已催办，本周内办结。");
        await page.ShotAsync("zh-notice-answered");

        // The nightly snapshot (rebuilt here as an administrator would) counts the confirmed violation: 5 points off, a lower place.
        await RebuildSnapshotsAsync();
        var (scoreAfter, rankAfter) = await RankingOfAsync(page, department);
        Assert.That(scoreAfter, Is.EqualTo(scoreBefore - 5m), "the default deduction per confirmed violation");
        Assert.That(rankAfter, Is.GreaterThan(rankBefore), "a lower place in the ranking");
        await page.Locator($"[data-testid=figures-{department}] summary").ClickAsync();
        await Expect(page.Locator($"[data-testid=rank-{department}] [data-testid=confirmed-violations]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^1\\b"));
        await Expect(page.Locator($"[data-testid=rank-{department}] [data-testid=score-formula]")).ToContainTextAsync("违规 5");
        await page.ShotAsync("zh-performance-after");

        await page.GotoAsync($"/oversight/performance?unit=Department&period=Month&date={Today}&culture=en");
        await Expect(page.Locator("[data-testid=trend-chart]")).ToHaveAttributeAsync("data-rendered", "true");
        await Expect(page.Locator("[data-testid=trend-chart] canvas")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=ranking]")).ToContainTextAsync("Score");
        await page.ShotAsync("en-performance");
    }

    [Test]
    public async Task A_supervisor_takes_up_a_complaint_and_resolves_it_and_a_decline_needs_its_reason()
    {
        using var applicant = await ApiAsync("applicant");
        var filed = await applicant.PostJsonAsync("/api/complaints", new { caseId = _caseId, contact = "13800138000", body = "消防审查迟迟没有结果，电话也无人接听。" });
        Assert.That(filed.Status, Is.EqualTo(HttpStatusCode.Created), filed.Text);
        var id = filed.Body!["id"]!.GetValue<long>();

        var page = await _app.NewPageAsync();
        await page.SignInAsync("supervisor");
        await page.GotoAsync("/oversight/complaints?status=Received");
        var complaint = page.Locator($"[data-testid=complaint-{id}]");
        await Expect(complaint).ToContainTextAsync(_number);
        await complaint.Locator("[data-testid=decline] button").ClickAsync();
        await Expect(page.Locator($"[data-testid=complaint-{id}] [data-testid=decline] [data-testid=field-error]")).ToHaveTextAsync("不予受理须告知投诉人理由。");
        await Expect(page.Locator($"[data-testid=complaint-{id}] [data-testid=status]")).ToHaveTextAsync("待决定");
        await page.ShotAsync("zh-decline-without-reason");

        await page.Locator($"[data-testid=complaint-{id}] [data-testid=take-up] button").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已受理该投诉。");
        await page.GotoAsync("/oversight/complaints");
        complaint = page.Locator($"[data-testid=complaint-{id}]");
        await Expect(complaint.Locator("[data-testid=status]")).ToHaveTextAsync("办理中");
        await complaint.Locator("[data-testid=resolve] textarea").FillAsync("已督促消防救援支队 3 个工作日内出具审查意见。");
        await complaint.Locator("[data-testid=resolve] button").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已办结，处理结果已告知投诉人。");
        await Expect(page.Locator($"[data-testid=complaint-{id}] [data-testid=outcome]")).ToContainTextAsync("3 个工作日内出具审查意见");
        await page.ShotAsync("zh-complaint-resolved");

        // The complainant reads the outcome in their own list.
        var mine = await applicant.GetJsonAsync("/api/complaints");
        Assert.That(mine.Text, Does.Contain("3 个工作日内出具审查意见"));
    }

    [Test]
    public async Task An_administrator_reads_the_act_pages_without_their_forms()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("admin");
        await page.GotoAsync("/oversight/violations?review=any");
        await Expect(page.Locator("[data-testid^=violation-]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=review-form]")).ToHaveCountAsync(0);
        await page.GotoAsync("/oversight/notices");
        await Expect(page.Locator("[data-testid=issue-form]")).ToHaveCountAsync(0);
    }

    // The department's row of this month's department ranking: its score and its place.
    private static async Task<(decimal Score, int Rank)> RankingOfAsync(IPage page, string department)
    {
        await page.GotoAsync($"/oversight/performance?unit=Department&period=Month&date={Today}");
        var row = page.Locator($"[data-testid=rank-{department}]");
        await Expect(row).ToHaveCountAsync(1);
        var score = decimal.Parse((await row.Locator("[data-testid=score]").TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
        var rank = int.Parse((await row.Locator("[data-testid=rank]").TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
        return (score, rank);
    }

    private async Task RebuildSnapshotsAsync()
    {
        using var admin = await ApiAsync("admin");
        var rebuilt = await admin.PostJsonAsync($"/api/supervision/performance/rebuild?from=2026-11-01&to={Today}");
        Assert.That(rebuilt.Status, Is.EqualTo(HttpStatusCode.OK), rebuilt.Text);
    }

    // A client of the same running application, signed in with a bearer token.
    private async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = DemoUsers.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

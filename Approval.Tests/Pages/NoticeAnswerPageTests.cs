using Approval.Api.Supervision;
using Approval.Workflows.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>督办 on the department's workbench: the notices sent to the department, counted on its task page, answered by clicking.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class NoticeAnswerPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task The_head_answers_a_correction_notice_sent_to_the_department_and_other_departments_do_not_see_it()
    {
        var page = await _app.NewPageAsync();
        var (caseId, _) = await page.AcceptedCaseAsync("督办示范有限公司");
        // The supervisor's side (issuing) is the supervision hall's: here it is issued as POST /api/supervision/notices does.
        var notice = await _app.Services.GetRequiredService<CorrectionNoticeDesk>().IssueAsync(
            new NoticeToIssue(caseId, "eco", NoticeKind.CorrectionNotice, "请加快环保审查", "该件环保审查已近期限，请说明进度。", 3),
            "钱正 (supervisor)", "supervisor", CancellationToken.None);

        await page.SignInAsync("eco-head");
        await Expect(page.Locator("[data-testid=count-notices]")).ToHaveTextAsync("1");
        await page.Locator("[data-testid=notices-to-answer]").ClickAsync();
        var item = page.Locator($"[data-testid=notice-{notice.Id}]");
        await Expect(item).ToContainTextAsync("请加快环保审查");
        await Expect(item.Locator("[data-testid=notice-status]")).ToHaveTextAsync("待答复");
        await Expect(item.Locator("[data-testid=notice-case]")).ToHaveAttributeAsync("href", $"/workbench/cases/{caseId}");
        await page.ShotAsync("zh-notices-to-answer");

        await item.Locator("[data-testid=answer-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator($"[data-testid=notice-{notice.Id}] [data-testid=field-error]")).ToHaveTextAsync("答复须说明整改情况。");
        await page.Locator($"#answer-{notice.Id}").FillAsync("已安排专人现场核查，三个工作日内出具意见。");
        await page.Locator($"[data-testid=notice-{notice.Id}] [data-testid=answer-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已答复督办。");
        await Expect(page.Locator("[data-testid=count-notices\\.open]")).ToHaveTextAsync("0");
        await page.Locator("[data-testid=tab-notices\\.answered]").ClickAsync();
        await Expect(page.Locator($"[data-testid=notice-{notice.Id}] [data-testid=notice-answer]")).ToContainTextAsync("已安排专人现场核查");
        await page.ShotAsync("zh-notice-answered");
        await page.GotoAsync("/workbench/notices?list=answered&culture=en");
        await Expect(page.Locator($"[data-testid=notice-{notice.Id}] [data-testid=notice-answer]")).ToContainTextAsync("Answered by");
        await page.ShotAsync("en-notice-answered");

        // The answer is on the case's record, as the API's answer puts it.
        await page.GotoAsync($"/workbench/cases/{caseId}?culture=zh-CN");
        await Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("答复督办");
        await page.SignOutAsync();

        await page.SignInAsync("tax-head");
        await page.GotoAsync("/workbench/notices?list=answered");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("请加快环保审查");
        await page.GotoAsync("/workbench/notices");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("请加快环保审查");
    }
}

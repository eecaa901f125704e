using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>
/// The workbench's case page leaves who may take a step to the step itself (CaseAccess in CaseCommands): a step refused
/// to the person shows the 403 page, a task the case does not have the 404 page, and nothing is saved.
/// </summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class CaseAccessPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task A_reviewer_posting_to_another_departments_task_of_the_case_gets_the_403_page_and_nothing_changes()
    {
        var page = await _app.NewPageAsync();
        var (caseId, _) = await page.AcceptedCaseAsync("越权示范有限公司");
        await page.SignInAsync("samr-reviewer");
        var samrTask = await page.OwnTaskIdAsync(caseId);
        await page.SignOutAsync();

        // The tax reviewer's own claim form on the same case, aimed at the market regulator's task.
        await page.SignInAsync("tax-reviewer");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await page.Locator("[data-testid=claim-form] input[name=taskId]").EvaluateAsync("(input, id) => input.value = id", samrTask);
        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("[data-testid=claim-form] button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.That(response.Status, Is.EqualTo(403));
        await Expect(page.Locator("[data-testid=error-title]")).ToHaveTextAsync("无权访问（403）");
        await page.ShotAsync("zh-forbidden-step");
        await page.SignOutAsync();

        await page.SignInAsync("samr-reviewer");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await Expect(page.Locator("[data-testid=claim-form]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=timeline]")).Not.ToContainTextAsync("认领");
    }

    [Test]
    public async Task A_task_the_case_does_not_have_shows_the_404_page_in_english_too()
    {
        var page = await _app.NewPageAsync();
        var (caseId, _) = await page.AcceptedCaseAsync("无此任务示范有限公司");
        await page.SignInAsync("fire-reviewer", culture: "en");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await page.Locator("[data-testid=claim-form] input[name=taskId]").EvaluateAsync("input => input.value = 'no-such-task'");
        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("[data-testid=claim-form] button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.That(response.Status, Is.EqualTo(404));
        await Expect(page.Locator("[data-testid=error-title]")).ToContainTextAsync("404");
        await page.ShotAsync("en-no-such-task");
    }
}

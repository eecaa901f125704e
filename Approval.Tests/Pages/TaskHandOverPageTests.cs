using Approval.Workflows.People;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>
/// A department's task changing hands on the workbench, by clicking: delegated to a colleague and taken back (委托, 收回),
/// answered by the substitute of a reviewer away (代理), reassigned by the head (改派). Each department here has a second
/// reviewer, its deputy, besides the demo reviewer and head.
/// </summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class TaskHandOverPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync();
        foreach (var (department, name) in new[] { ("tax", "林涛"), ("fire", "高云"), ("samr", "罗平") })
            await _app.AddUserAsync(new User($"test-{department}-deputy", $"{department}-deputy", name, Role.DepartmentReviewer) { DepartmentCode = department });
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task A_reviewer_delegates_a_task_to_a_colleague_who_finds_it_under_delegated_to_me_and_the_reviewer_takes_it_back()
    {
        var page = await _app.NewPageAsync();
        var (caseId, number) = await page.AcceptedCaseAsync("委托示范有限公司");
        await page.SignInAsync("tax-reviewer");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await page.Locator("[data-testid=claim-form] button[type=submit]").ClickAsync();

        // No colleague chosen: said at the field, and the task stays with the reviewer.
        await page.Locator("[data-testid=delegate-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=delegate-form] [data-testid=field-error]")).ToHaveTextAsync("请选择本部门的另一位工作人员。");
        await page.Locator("#delegate-to").SelectOptionAsync("tax-deputy");
        await page.Locator("[data-testid=delegate-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已委托同事办理。");
        await Expect(page.Locator("[data-testid=held-by]")).ToContainTextAsync("林涛 (tax-deputy)");
        await Expect(page.Locator("[data-testid=opinion-form]")).ToHaveCountAsync(0);
        await page.ShotAsync("zh-delegated");
        await page.SignOutAsync();

        await page.SignInAsync("tax-deputy");
        await page.GotoAsync("/workbench/tasks?list=tasks.delegated");
        await Expect(page.Locator("[data-testid=count-tasks\\.delegated]")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-testid=list-tasks\\.delegated] [data-testid=work-list]")).ToContainTextAsync("由 tax-reviewer 委托");
        await page.ShotAsync("zh-delegated-to-me");
        await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
        await Expect(page.Locator("[data-testid=delegated-to-me]")).ToContainTextAsync("周敏 (tax-reviewer)");
        await Expect(page.Locator("[data-testid=opinion-form]")).ToBeVisibleAsync();
        await page.SignOutAsync();

        await page.SignInAsync("tax-reviewer", culture: "en");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await Expect(page.Locator("[data-testid=take-back-form] button")).ToHaveTextAsync("Take back");
        await page.Locator("[data-testid=take-back-form] button").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("Task taken back.");
        await Expect(page.Locator("[data-testid=opinion-form]")).ToBeVisibleAsync();
        await page.ShotAsync("en-taken-back");
        await page.SignOutAsync();

        await page.SignInAsync("tax-deputy");
        await page.GotoAsync("/workbench/tasks?list=tasks.delegated");
        await Expect(page.Locator("[data-testid=count-tasks\\.delegated]")).ToHaveTextAsync("0");
    }

    [Test]
    public async Task A_reviewer_away_names_a_substitute_who_answers_the_task_they_hold()
    {
        var page = await _app.NewPageAsync();
        var (caseId, number) = await page.AcceptedCaseAsync("代理示范有限公司");
        await page.SignInAsync("fire-reviewer");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await page.Locator("[data-testid=claim-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已认领。");

        await page.Locator("[data-testid=nav-absence]").ClickAsync();
        await page.WaitForURLAsync("**/workbench/absence");
        await page.Locator("#absence-from").FillAsync("2026-11-24");
        await page.Locator("#absence-until").FillAsync("2026-11-27");
        await page.Locator("[data-testid=absence-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=absence-form] [data-testid=field-error]")).ToHaveTextAsync("请选择本部门的另一位工作人员。");
        await Expect(page.Locator("[data-testid=current-absence]")).ToHaveCountAsync(0);
        await page.Locator("#absence-substitute").SelectOptionAsync("fire-deputy");
        await page.Locator("[data-testid=absence-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已登记外出，期间由代理人办理您持有的任务。");
        await Expect(page.Locator("[data-testid=current-absence]")).ToContainTextAsync("高云 (fire-deputy)");
        await page.ShotAsync("zh-absence");
        await page.SignOutAsync();

        await page.SignInAsync("fire-deputy");
        await page.GotoAsync("/workbench/tasks?list=tasks.substitute");
        await Expect(page.Locator("[data-testid=list-tasks\\.substitute] [data-testid=work-list]")).ToContainTextAsync(number);
        await page.ShotAsync("zh-as-substitute-list");
        await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
        await Expect(page.Locator("[data-testid=as-substitute]")).ToContainTextAsync("fire-reviewer");
        await page.ShotAsync("zh-as-substitute-case");
        await page.Locator("#verdict").SelectOptionAsync("Approve");
        await page.Locator("[data-testid=opinion-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已出具审查意见。");
        await Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("高云 (fire-deputy)");
        await page.SignOutAsync();

        // Back from the absence: the reviewer ends it, and the substitute's list no longer has their tasks.
        await page.SignInAsync("fire-reviewer");
        await page.GotoAsync("/workbench/absence");
        await page.Locator("[data-testid=current-absence] button").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已取消外出登记。");
        await Expect(page.Locator("[data-testid=current-absence]")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task The_head_reassigns_a_task_held_by_a_reviewer_away_to_another_reviewer()
    {
        var page = await _app.NewPageAsync();
        var (caseId, number) = await page.AcceptedCaseAsync("改派示范有限公司");
        await page.SignInAsync("samr-reviewer");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await page.Locator("[data-testid=claim-form] button[type=submit]").ClickAsync();
        await page.GotoAsync("/workbench/absence");
        await page.Locator("#absence-substitute").SelectOptionAsync("samr-deputy");
        await page.Locator("#absence-from").FillAsync("2026-11-24");
        await page.Locator("#absence-until").FillAsync("2026-12-08");
        await page.Locator("[data-testid=absence-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=current-absence]")).ToBeVisibleAsync();
        await page.SignOutAsync();

        await page.SignInAsync("samr-head");
        await page.GotoAsync("/workbench/tasks?list=tasks.reassignable");
        await Expect(page.Locator("[data-testid=list-tasks\\.reassignable] [data-testid=work-list]")).ToContainTextAsync(number);
        await page.ShotAsync("zh-reassignable");
        await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
        await Expect(page.Locator("[data-testid=holder-away]")).ToBeVisibleAsync();
        await page.Locator("#reassign-to").SelectOptionAsync("samr-deputy");
        await page.Locator("[data-testid=reassign-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=reassign-form] [data-testid=field-error]")).ToHaveTextAsync("改派必须说明理由。");
        await Expect(page.Locator("[data-testid=timeline]")).Not.ToContainTextAsync("改派");
        await page.Locator("#reassign-to").SelectOptionAsync("samr-deputy");
        await page.Locator("#reassign-reason").FillAsync("孙伟出差两周");
        await page.Locator("[data-testid=reassign-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已改派。");
        await Expect(page.Locator("[data-testid=held-by]")).ToContainTextAsync("罗平 (samr-deputy)");
        await Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("孙伟出差两周");
        await page.ShotAsync("zh-reassigned");
        await page.SignOutAsync();

        await page.SignInAsync("samr-deputy");
        await page.GotoAsync("/workbench/tasks?list=tasks.claimed");
        await Expect(page.Locator("[data-testid=list-tasks\\.claimed] [data-testid=work-list]")).ToContainTextAsync(number);
    }
}

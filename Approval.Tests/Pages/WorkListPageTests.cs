using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>The role work lists on the workbench pages (the API's WorkLists queries), their tabs, counts and the staff search.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class WorkListPageTests
{
    private static readonly string[] Reviewers = ["samr", "tax", "eco", "fire", "health", "hrss"];
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task A_reviewer_finds_the_task_they_claimed_under_claimed_by_me()
    {
        var page = await _app.NewPageAsync();
        var (_, number) = await page.AcceptedCaseAsync("认领示范有限公司");

        await page.SignInAsync("samr-reviewer");
        await Expect(page.Locator("[data-testid=tab-tasks\\.claimed] [data-testid=count-tasks\\.claimed]")).ToHaveTextAsync("0");
        await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
        await page.Locator("[data-testid=review] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已认领。");

        await page.GotoAsync("/workbench/tasks");
        await page.Locator("[data-testid=tab-tasks\\.claimed]").ClickAsync();
        await Expect(page.Locator("[data-testid=tab-tasks\\.claimed]")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("[data-testid=tab-tasks\\.claimed]")).ToContainTextAsync("我的待办");
        await Expect(page.Locator("[data-testid=count-tasks\\.claimed]")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-testid=list-tasks\\.claimed] [data-testid=work-list]")).ToContainTextAsync(number);
        await page.ShotAsync("zh-claimed-by-me");

        // Nobody else's: the unclaimed view no longer has it.
        await page.Locator("[data-testid=tab-tasks\\.unclaimed]").ClickAsync();
        await Expect(page.Locator("[data-testid=list-tasks\\.unclaimed]")).Not.ToContainTextAsync(number);

        await page.GotoAsync("/workbench/tasks?list=tasks.claimed&culture=en");
        await Expect(page.Locator("[data-testid=tab-tasks\\.claimed]")).ToContainTextAsync("Claimed by me");
        await Expect(page.Locator("[data-testid=work-list]")).ToContainTextAsync(number);
        await page.ShotAsync("en-claimed-by-me");
    }

    [Test]
    public async Task The_lead_departments_head_finds_the_case_awaiting_decision_and_opens_it()
    {
        var page = await _app.NewPageAsync();
        var (caseId, number) = await page.AcceptedCaseAsync("决定示范有限公司");
        foreach (var department in Reviewers)
        {
            await page.SignInAsync($"{department}-reviewer");
            await page.GotoAsync($"/workbench/cases/{caseId}");
            await page.Locator("[data-testid=review] button[type=submit]").ClickAsync();
            await page.Locator("#verdict").SelectOptionAsync("Approve");
            await page.Locator("[data-testid=opinion-form] button[type=submit]").ClickAsync();
            await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已出具审查意见。");
            await page.SignOutAsync();
        }

        await page.SignInAsync("samr-head", culture: "en");
        await Expect(page.Locator("[data-testid=tab-awaitingDecision]")).ToContainTextAsync("Awaiting decision");
        await Expect(page.Locator("[data-testid=count-awaitingDecision]")).ToHaveTextAsync("1");
        await page.Locator("[data-testid=tab-awaitingDecision]").ClickAsync();
        await Expect(page.Locator("[data-testid=list-awaitingDecision] [data-testid=work-list]")).ToContainTextAsync(number);
        await page.ShotAsync("en-awaiting-decision");
        await page.GotoAsync("/workbench/tasks?list=awaitingDecision&culture=zh-CN");
        await Expect(page.Locator("[data-testid=tab-awaitingDecision]")).ToContainTextAsync("待决定");
        await page.ShotAsync("zh-awaiting-decision");
        await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
        await Expect(page.Locator("[data-testid=decide] button[type=submit]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=decide] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("已决定待出件");

        // Decided, it leaves the head's list and waits at the window that accepted it.
        await page.GotoAsync("/workbench/tasks?list=awaitingDecision");
        await Expect(page.Locator("[data-testid=count-awaitingDecision]")).ToHaveTextAsync("0");
        await page.SignOutAsync();
        await page.SignInAsync("clerk");
        await Expect(page.Locator("[data-testid=queue-resultsReady] [data-testid=work-list]")).ToContainTextAsync(number);
    }

    [Test]
    public async Task A_clerk_finds_a_submission_by_its_number_and_its_applicant_with_the_id_masked()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant");
        var (_, number, _) = await page.ApplyForEnterpriseAsync("查询示范有限公司");
        await page.SignOutAsync();

        await page.SignInAsync("clerk");
        await Expect(page.Locator("[data-testid=queue-awaitingAcceptance] [data-testid=work-list]")).ToContainTextAsync(number);
        await page.ShotAsync("zh-window-queues");
        await page.Locator("[data-testid=search]").ClickAsync();
        await page.Locator("#search-number").FillAsync(number);
        await page.Locator("[data-testid=search-form] button[type=submit]").ClickAsync();
        var results = page.Locator("[data-testid=search-results]");
        await Expect(results).ToContainTextAsync(number);
        await Expect(results.Locator("[data-testid=masked-id]")).ToHaveTextAsync("110105********002X");
        await Expect(results).Not.ToContainTextAsync(ApplicantStory.LegalRepresentativeId);
        await page.ShotAsync("zh-search-by-number");

        await page.GotoAsync("/workbench/search?culture=en");
        await page.Locator("#search-applicant-name").FillAsync("张三");
        await page.Locator("#search-applicant-id").FillAsync(ApplicantStory.LegalRepresentativeId.ToLowerInvariant());
        await page.Locator("[data-testid=search-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=search-results]")).ToContainTextAsync(number);
        await Expect(page.Locator("[data-testid=search-results]")).ToContainTextAsync("found");
        await page.ShotAsync("en-search-by-applicant");

        // A number nobody has finds nothing.
        await page.GotoAsync("/workbench/search?number=NO-SUCH-NUMBER");
        await Expect(page.Locator("[data-testid=search-results]")).Not.ToContainTextAsync(number);
    }
}

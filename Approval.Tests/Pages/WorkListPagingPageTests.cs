using System.Net;
using Approval.Tests.Api.Cases;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>
/// The work lists a screen at a time (20 rows) with previous/next links, and the lead clerk's choice between their own
/// window's queues and the whole center's. The 21 applications are sent through the API; the lists are read by clicking.
/// </summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class WorkListPagingPageTests
{
    private BrowserApp _app = null!;
    private readonly List<(string Id, string Number)> _submitted = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync();
        using var applicant = await _app.ApiClientAsync("applicant");
        for (var i = 1; i <= 21; i++)
        {
            var (id, number, _) = await applicant.SubmitAsync(new
            {
                itemCode = "QY-SL-001",
                applicant = new { kind = "Person", idNumber = ApplicantStory.LegalRepresentativeId, name = "张三", phone = "13800000000" },
                form = new { companyName = $"分页示范{i:00}有限公司", registeredCapital = 100, businessScope = "软件开发", address = "福州市鼓楼区五四路 1 号", legalRepresentativeId = ApplicantStory.LegalRepresentativeId },
            });
            _submitted.Add((id, number));
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test, Order(1)]
    public async Task The_windows_queue_shows_twenty_applications_a_page_and_the_rest_on_the_next()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("clerk");
        var queue = page.Locator("[data-testid=queue-awaitingAcceptance]");
        await Expect(page.Locator("[data-testid=count-awaitingAcceptance]")).ToHaveTextAsync("21");
        await Expect(queue.Locator("[data-testid=work-list] tbody tr")).ToHaveCountAsync(20);
        await Expect(queue.Locator("[data-testid=pager]")).ToContainTextAsync("1");
        await Expect(queue.Locator("[data-testid=pager] a[rel=prev]")).ToHaveCountAsync(0);
        var firstPage = await queue.Locator("[data-testid=work-list] tbody").InnerTextAsync();
        await page.ShotAsync("zh-window-page-1");

        await queue.Locator("[data-testid=pager] a[rel=next]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"page\.awaitingAcceptance=2"));
        await Expect(queue.Locator("[data-testid=work-list] tbody tr")).ToHaveCountAsync(1);
        await Expect(queue.Locator("[data-testid=pager] a[rel=next]")).ToHaveCountAsync(0);
        var secondPage = await queue.Locator("[data-testid=work-list] tbody").InnerTextAsync();
        // Every application on exactly one of the two pages.
        foreach (var (_, number) in _submitted)
            Assert.That((firstPage.Contains(number) ? 1 : 0) + (secondPage.Contains(number) ? 1 : 0), Is.EqualTo(1), number);
        await page.ShotAsync("zh-window-page-2");

        await queue.Locator("[data-testid=pager] a[rel=prev]").ClickAsync();
        await Expect(queue.Locator("[data-testid=work-list] tbody tr")).ToHaveCountAsync(20);
    }

    [Test, Order(1)]
    public async Task The_applicants_cases_show_twenty_a_page_and_the_rest_on_the_next()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant");
        await page.GotoAsync("/portal/mine/cases");
        var rows = page.Locator("[data-testid=my-cases] tbody tr");
        await Expect(rows).ToHaveCountAsync(20);
        var firstPage = await page.Locator("[data-testid=my-cases] tbody").InnerTextAsync();
        // The handler's page comes from the query string, not from Razor Pages' route value of that name (the page's path).
        await page.Locator("[data-testid=pager] a[rel=next]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"page=2"));
        await Expect(rows).ToHaveCountAsync(1);
        var secondPage = await page.Locator("[data-testid=my-cases] tbody").InnerTextAsync();
        foreach (var (_, number) in _submitted)
            Assert.That((firstPage.Contains(number) ? 1 : 0) + (secondPage.Contains(number) ? 1 : 0), Is.EqualTo(1), number);
    }

    [Test, Order(2)]
    public async Task A_department_task_list_pages_twenty_tasks_at_a_time()
    {
        using var clerk = await _app.ApiClientAsync("clerk");
        foreach (var (id, _) in _submitted)
        {
            var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept", new { });
            Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        }
        var page = await _app.NewPageAsync();
        await page.SignInAsync("hrss-reviewer", culture: "en");
        await page.GotoAsync("/workbench/tasks?list=tasks.unclaimed");
        var list = page.Locator("[data-testid=list-tasks\\.unclaimed]");
        await Expect(page.Locator("[data-testid=count-tasks\\.unclaimed]")).ToHaveTextAsync("21");
        await Expect(list.Locator("[data-testid=work-list] tbody tr")).ToHaveCountAsync(20);
        await list.Locator("[data-testid=pager] a[rel=next]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"list=tasks\.unclaimed.*page=2|page=2.*list=tasks\.unclaimed"));
        await Expect(list.Locator("[data-testid=work-list] tbody tr")).ToHaveCountAsync(1);
        await page.ShotAsync("en-tasks-page-2");
    }

    [Test, Order(3)]
    public async Task The_lead_clerk_sees_another_windows_promised_materials_only_in_the_whole_centers_queues()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant");
        var (caseUrl, number, _) = await page.ApplyForEnterpriseAsync("容缺示范有限公司");
        await page.SignOutAsync();
        // The clerk of window w01 accepts it with the premises proof promised (容缺受理).
        using (var clerk = await _app.ApiClientAsync("clerk"))
        {
            var accepted = await clerk.PostJsonAsync($"/api/cases/{caseUrl.Split('/')[^1]}/accept", new { missingMaterials = new[] { "premises" }, promisedBy = "2026-12-01" });
            Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        }

        await page.SignInAsync("lead-clerk");
        await Expect(page.Locator("[data-testid=scope]")).ToContainTextAsync("全中心");
        await Expect(page.Locator("[data-testid=queue-promisesDue]")).Not.ToContainTextAsync(number);
        await page.ShotAsync("zh-lead-clerk-own-window");
        await page.Locator("[data-testid=scope] a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("scope=center"));
        await Expect(page.Locator("[data-testid=queue-promisesDue] [data-testid=work-list]")).ToContainTextAsync(number);
        await Expect(page.Locator("[data-testid=count-promisesDue]")).ToHaveTextAsync("1");
        await page.ShotAsync("zh-lead-clerk-center");
        await page.SignOutAsync();

        // A clerk who is not the lead has no such choice: scope=center still shows their own window.
        await page.SignInAsync("clerk");
        await page.GotoAsync("/workbench/window?scope=center");
        await Expect(page.Locator("[data-testid=scope]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=queue-promisesDue] [data-testid=work-list]")).ToContainTextAsync(number);
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>草稿: an application saved half-filled, resumed from 我的办件, and submitted once however often it is sent.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class DraftPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task A_half_filled_application_is_saved_resumed_from_my_cases_and_submitted_once_from_two_tabs()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant");
        await page.GotoAsync("/portal/mine/apply/QY-SL-001");
        // Half the form: the draft is saved though required fields are empty.
        await page.Locator("#field-companyName").FillAsync("草稿示范有限公司");
        await page.Locator("#field-address").FillAsync("福州市鼓楼区五四路 2 号");
        await page.Locator("[data-testid=save-draft]").ClickAsync();
        await Expect(page.Locator("[data-testid=draft-saved]")).ToBeVisibleAsync();
        await Expect(page.Locator("#field-companyName")).ToHaveValueAsync("草稿示范有限公司");
        await page.ShotAsync("01-saved");

        await page.GotoAsync("/portal/mine/cases");
        await Expect(page.Locator("[data-testid=drafts] a")).ToHaveTextAsync("企业设立登记");
        await page.ShotAsync("02-my-cases");
        await page.Locator("[data-testid=drafts] a").ClickAsync();
        await Expect(page.Locator("[data-testid=draft-loaded]")).ToBeVisibleAsync();
        await Expect(page.Locator("#field-address")).ToHaveValueAsync("福州市鼓楼区五四路 2 号");

        // The same draft open in a second tab: both submissions carry the draft's key and make one case.
        var second = await page.Context.NewPageAsync();
        await second.GotoAsync("/portal/mine/apply/QY-SL-001");
        foreach (var tab in new[] { page, second })
            await tab.FillEnterpriseFormAsync("草稿示范有限公司");
        await page.Locator("[data-testid=apply-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=submitted]")).ToBeVisibleAsync();
        await second.Locator("[data-testid=apply-form] button[type=submit]").ClickAsync();
        await Expect(second.Locator("[data-testid=case-number]")).ToBeVisibleAsync();
        Assert.That(new Uri(second.Url).AbsolutePath, Is.EqualTo(new Uri(page.Url).AbsolutePath), "one case for the draft");
        await page.ShotAsync("03-submitted");

        await page.GotoAsync("/portal/mine/cases");
        await Expect(page.Locator("[data-testid=drafts]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=my-cases] tbody tr")).ToHaveCountAsync(1);
    }
}

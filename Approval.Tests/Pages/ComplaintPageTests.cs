using Approval.Api.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>投诉 from the applicant's side: the form on their case page and 我的投诉 with each complaint's state.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class ComplaintPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task An_applicant_complains_about_their_case_and_follows_the_complaint_under_my_complaints()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant");
        var (caseUrl, number, _) = await page.ApplyForEnterpriseAsync("投诉示范有限公司");
        await page.Locator("[data-testid=complaint] summary").ClickAsync();
        await page.Locator("#complaint-contact").FillAsync("13800000000");
        await page.Locator("#complaint-body").FillAsync("窗口人员要求提交目录以外的材料");
        await page.ShotAsync("01-complaint-form");
        await page.Locator("[data-testid=complaint] button[type=submit]").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/portal/mine/complaints"));
        await Expect(page.Locator("[data-testid=complaint-filed]")).ToBeVisibleAsync();
        var row = page.Locator("[data-testid=my-complaints] tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-testid=complaint-state]")).ToContainTextAsync("已收到，待决定");
        await Expect(row.Locator("a")).ToHaveTextAsync(number);
        await Expect(row.Locator("a")).ToHaveAttributeAsync("href", caseUrl);
        await page.ShotAsync("02-filed");

        // A supervisor takes it up (their pages are another issue's): the applicant sees the new state.
        var id = long.Parse((await row.GetAttributeAsync("data-testid"))!["complaint-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await _app.Services.GetRequiredService<ComplaintDesk>().TakeUpAsync(id, "supervisor", CancellationToken.None);
        await page.GotoAsync("/portal/mine/complaints");
        await Expect(page.Locator("[data-testid=my-complaints] [data-testid=complaint-state]")).ToHaveTextAsync("已受理，处理中");
        await page.ShotAsync("03-taken-up");
    }

    [Test]
    public async Task A_complaint_that_says_nothing_is_refused_with_the_Chinese_reason_at_the_field_and_nothing_is_filed()
    {
        var page = await _app.NewPageAsync(phone: true);
        await page.SignInAsync("enterprise");
        await page.ApplyForEnterpriseAsync("空投诉示范有限公司");
        await page.Locator("[data-testid=complaint] summary").ClickAsync();
        await page.Locator("#complaint-contact").FillAsync("0591-12345678");
        // Blanks pass the browser's "required": the domain's own rule refuses them.
        await page.Locator("#complaint-body").FillAsync("   ");
        await page.Locator("[data-testid=complaint] button[type=submit]").ClickAsync();

        await Expect(page.Locator("#complaint-body-error")).ToHaveTextAsync("投诉须说明投诉内容");
        await Expect(page.Locator("#complaint-body")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#complaint-contact")).ToHaveValueAsync("0591-12345678");
        await Expect(page.Locator("[data-testid=problem]")).ToHaveTextAsync("请更正标出的内容后重新提交。");
        await page.ShotAsync("refused-phone");
        await page.GotoAsync("/portal/mine/complaints");
        await Expect(page.Locator("[data-testid=no-complaints]")).ToBeVisibleAsync();
    }
}

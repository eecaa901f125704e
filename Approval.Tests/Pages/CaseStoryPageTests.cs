using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>企业设立登记 from application to rating, by clicking through the portal and the workbench in a real browser.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class CaseStoryPageTests
{
    private static readonly string[] Reviewers = ["samr", "tax", "eco", "fire", "health", "hrss"];
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Enterprise_establishment_goes_from_the_online_application_to_the_applicants_rating_by_clicking()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant");
        var (caseUrl, number, _) = await page.ApplyForEnterpriseAsync("福州示范科技有限公司", shotPrefix: "01-");
        var caseId = caseUrl.Split('/')[^1];
        await Expect(page.Locator("[data-testid=attachments]")).ToContainTextAsync("application.png");
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("已提交待受理");
        await page.SignOutAsync();

        // The window asks once for the missing premises certificate.
        await page.SignInAsync("clerk");
        await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
        await page.ShotAsync("02-clerk-case");
        await page.Locator("[data-testid=ask-supplement] input[value=premises]").CheckAsync();
        await page.Locator("[data-testid=ask-supplement] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("待补正");
        await page.SignOutAsync();

        // The applicant sends it from their case page.
        await page.SignInAsync("applicant");
        await page.Locator("[data-testid=my-cases] a", new() { HasText = number }).ClickAsync();
        await page.ShotAsync("03-applicant-supplement");
        await page.Locator("#supplement-premises").SetInputFilesAsync(new FilePayload { Name = "premises.png", MimeType = "image/png", Buffer = ApplicantStory.Png });
        await page.Locator("[data-testid=supplement] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("已提交待受理");
        await page.SignOutAsync();

        // The window accepts: the departments' reviews open.
        await page.SignInAsync("clerk");
        await page.Locator("[data-testid=open-case] #number").FillAsync(number);
        await page.Locator("[data-testid=open-case] button").ClickAsync();
        await page.Locator("[data-testid=accept] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("审查中");
        await page.ShotAsync("04-accepted");
        await page.SignOutAsync();

        // Every department claims its task and approves; the fire brigade stops the clock for an inspection first.
        foreach (var department in Reviewers)
        {
            await page.SignInAsync($"{department}-reviewer");
            await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
            await page.Locator("[data-testid=review] button[type=submit]").ClickAsync();
            await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已认领。");
            if (department == "fire")
            {
                await page.Locator("#suspend-reason").FillAsync("现场消防检查");
                await page.Locator("#expected-days").FillAsync("3");
                await page.Locator("[data-testid=suspend] button[type=submit]").ClickAsync();
                await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("特别程序（暂停计时）");
                await page.ShotAsync("05-suspended");
                await page.Locator("[data-testid=resume] button[type=submit]").ClickAsync();
                await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("审查中");
            }
            await page.Locator("#verdict").SelectOptionAsync("Approve");
            await page.Locator("[data-testid=opinion-form] button[type=submit]").ClickAsync();
            await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已出具审查意见。");
            if (department == "samr")
                await page.ShotAsync("06-opinion-given");
            await page.SignOutAsync();
        }

        // The lead department's head decides on the merged opinions.
        await page.SignInAsync("samr-head");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await page.ShotAsync("07-head-decides");
        await page.Locator("[data-testid=decide] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("已决定待出件");
        await page.SignOutAsync();

        // The window hands out the licence.
        await page.SignInAsync("clerk");
        await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
        await page.Locator("[data-testid=deliver] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("已办结");
        await page.SignOutAsync();

        // The applicant sees it completed and rates the service, on a phone.
        var phone = await _app.NewPageAsync(phone: true);
        await phone.SignInAsync("applicant");
        await phone.GotoAsync(caseUrl);
        await Expect(phone.Locator("[data-testid=case-status]")).ToHaveTextAsync("已办结");
        await phone.Locator("[data-testid=rating] input[name=Score][value='5']").CheckAsync();
        await phone.Locator("#comment").FillAsync("办事很快");
        await phone.Locator("[data-testid=rating] button[type=submit]").ClickAsync();
        await Expect(phone.Locator("[data-testid=rated]")).ToHaveTextAsync("您的评价：非常满意");
        await phone.ShotAsync("08-rated-phone");
    }

    [Test]
    public async Task An_application_with_a_wrong_field_shows_the_reason_at_the_field_and_makes_no_case()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant");
        await page.GotoAsync("/portal/mine/apply/QY-SL-001");
        await page.FillEnterpriseFormAsync("错误示范有限公司", legalRepresentativeId: "110105194912310021");
        await page.Locator("[data-testid=apply-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=problem]")).ToHaveTextAsync("请更正标出的内容后重新提交。");
        // The domain's reason in the page's language, not the API's English.
        await Expect(page.Locator("#field-legalRepresentativeId-error")).ToHaveTextAsync("居民身份证号码的校验码不正确");
        await Expect(page.Locator("#field-legalRepresentativeId")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ShotAsync("field-error");
        await page.GotoAsync("/portal/mine/cases");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("错误示范有限公司");
    }

    [Test]
    public async Task An_applicant_cannot_open_another_applicants_case_page()
    {
        var enterprise = await _app.NewPageAsync();
        await enterprise.SignInAsync("enterprise");
        var (caseUrl, _, _) = await enterprise.ApplyForEnterpriseAsync("另一家示范有限公司");

        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant");
        var response = await page.GotoAsync(caseUrl);
        Assert.That(response!.Status, Is.EqualTo(403));
        await Expect(page.Locator("[data-testid=error-title]")).ToHaveTextAsync("无权访问（403）");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("另一家示范有限公司");
        await page.ShotAsync("forbidden");
    }

    [Test]
    public async Task The_status_page_answers_a_number_and_query_code_without_sign_in()
    {
        var applicant = await _app.NewPageAsync();
        await applicant.SignInAsync("applicant");
        var (_, number, queryCode) = await applicant.ApplyForEnterpriseAsync("查询示范有限公司");

        var stranger = await _app.NewPageAsync(phone: true);
        await stranger.GotoAsync("/portal/status");
        await stranger.Locator("#number").FillAsync(number);
        await stranger.Locator("#query-code").FillAsync("WRONG1");
        await stranger.Locator("[data-testid=status-form] button").ClickAsync();
        await Expect(stranger.Locator("[data-testid=problem]")).ToBeVisibleAsync();
        await stranger.Locator("#query-code").FillAsync(queryCode);
        await stranger.Locator("[data-testid=status-form] button").ClickAsync();
        await Expect(stranger.Locator("[data-testid=public-status-value]")).ToHaveTextAsync("已提交待受理");
        await Expect(stranger.Locator("[data-testid=public-status]")).Not.ToContainTextAsync("查询示范有限公司");
        await stranger.ShotAsync("status-phone");
    }

    [Test]
    public async Task The_window_registers_a_walk_in_application_for_an_organisation()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("clerk");
        await page.Locator("[data-testid=register]").ClickAsync();
        await page.Locator("#item").SelectOptionAsync("QY-SL-001");
        await page.Locator("[data-testid=register-item] button").ClickAsync();
        await page.Locator("#applicant-kind").SelectOptionAsync("Organisation");
        await page.Locator("#applicant-id").FillAsync("91350100M000100Y43");
        await page.Locator("#applicant-name").FillAsync("福州示范餐饮有限公司");
        await page.FillEnterpriseFormAsync("窗口示范有限公司");
        await page.ShotAsync("register-form");
        await page.Locator("[data-testid=register-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已登记收件，待受理。");
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("已提交待受理");
        await Expect(page.Locator("[data-testid=attachments]")).ToContainTextAsync("application.png");
        await page.ShotAsync("registered");

        // The organisation sees the case among its own.
        var enterprise = await _app.NewPageAsync();
        await enterprise.SignInAsync("enterprise");
        await Expect(enterprise.Locator("[data-testid=my-cases]")).ToContainTextAsync((await page.Locator("[data-testid=case-number]").TextContentAsync())!.Trim());
    }

    [Test]
    public async Task The_clerk_accepts_under_a_commitment_and_the_lead_head_records_its_verification_on_the_case_page()
    {
        const string statement = "本人承诺对兴云西路8号经营场所享有合法使用权。";
        var person = "44530219900104001" + Approval.Workflows.Applicants.ResidentIdNumber.CheckDigitOf("44530219900104001");
        using var clerkApi = await _app.ApiClientAsync("clerk");
        var (caseId, _, _) = await Approval.Tests.Api.Cases.CaseHttp.SubmitAsync(clerkApi, new
        {
            itemCode = "GT-DJ-001",
            applicant = new { kind = "Person", idNumber = person, name = "陈承诺", phone = "13800000000" },
            form = new { businessName = "云城区陈记小吃店", operatorId = person, businessScope = "小吃服务", address = "云浮市云城区兴云西路8号" },
        });

        var page = await _app.NewPageAsync();
        await page.SignInAsync("clerk");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await Expect(page.Locator("[data-testid=accept-commitment]")).ToContainTextAsync("经营场所使用证明");
        await page.Locator("#commitment-statement").FillAsync(statement);
        await page.Locator("[data-testid=accept-commitment] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已按告知承诺受理。");
        await Expect(page.Locator("[data-testid=case-commitment]")).ToHaveTextAsync(statement);
        await page.SignOutAsync();

        using var headApi = await _app.ApiClientAsync("samr-head");
        Assert.That((await Approval.Tests.Api.Cases.CaseHttp.PostJsonAsync(headApi, $"/api/cases/{caseId}/decision", new { verdict = "Approve" })).Status,
            Is.EqualTo(System.Net.HttpStatusCode.OK));
        await page.SignInAsync("samr-head");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        await page.Locator("[data-testid=verify-commitment] input[value=true]").CheckAsync();
        await page.Locator("#verification-finding").FillAsync("现场核查属实");
        await page.ShotAsync("commitment-verification");
        await Expect(page.Locator("[data-testid=verify-commitment] button[type=submit]")).ToHaveTextAsync("记录核查结论", new() { UseInnerText = true });
        await page.Locator("[data-testid=verify-commitment] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToHaveTextAsync("已记录核查结论。");
        await Expect(page.Locator("[data-testid=case-commitment-verification]")).ToContainTextAsync("承诺属实 — 现场核查属实");
        await Expect(page.Locator("[data-testid=verify-commitment]")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task In_English_the_first_steps_show_no_Chinese_label()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant", culture: "en");
        await NoChineseLabelAsync(page, "en-01-my-cases");
        await page.GotoAsync("/portal/mine/apply/QY-SL-001");
        await NoChineseLabelAsync(page, "en-02-apply");
        await page.FillEnterpriseFormAsync("English Demo Co., Ltd.");
        await page.Locator("[data-testid=apply-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=submitted]")).ToContainTextAsync("Your application is submitted");
        await NoChineseLabelAsync(page, "en-03-submitted");
        var number = (await page.Locator("[data-testid=case-number]").TextContentAsync())!.Trim();
        await page.SignOutAsync();

        await page.SignInAsync("clerk");
        await NoChineseLabelAsync(page, "en-04-window");
        await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
        await NoChineseLabelAsync(page, "en-05-clerk-case");
        await page.Locator("[data-testid=accept] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("In review");
        await NoChineseLabelAsync(page, "en-06-accepted");
        await page.GotoAsync("/portal/status");
        await NoChineseLabelAsync(page, "en-07-status");
    }

    // The interface's own words (navigation, headings, buttons, column heads, legends, statuses); the catalog's and the
    // applicant's data stay as they were written.
    private static async Task NoChineseLabelAsync(IPage page, string shot)
    {
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        // Elements marked data-content (an item's name, a form field's label from the catalog) are data, not interface.
        var texts = await page.EvaluateAsync<string[]>(@"selector => Array.from(document.querySelectorAll(selector)).map(e => {
                const copy = e.cloneNode(true);
                copy.querySelectorAll('[data-content]').forEach(x => x.remove());
                return copy.textContent;
            })",
            ".nav-links, [data-testid=signed-in-role], [data-testid=unread-count], [data-testid=switch-language], h1, h2, button, th, legend, "
            + "dl.facts dt:not([data-content]), [data-testid=case-status], [data-testid=done], [data-testid=submitted], [data-testid=problem], footer");
        var chinese = texts.Where(t => Regex.IsMatch(t, @"[\u3400-\u9FFF\u3000-\u303F\uFF00-\uFFEF]") && !t.Contains("中文", StringComparison.Ordinal)).ToList();
        await page.ShotAsync(shot);
        Assert.That(chinese, Is.Empty, $"Chinese UI text on {page.Url}");
    }
}

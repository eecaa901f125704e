using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>The applicant's first steps by clicking: find 企业设立登记, fill its form, attach a file, submit.</summary>
internal static class ApplicantStory
{
    /// <summary>A 1×1 PNG: the server checks the content against the type.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public const string LegalRepresentativeId = "11010519491231002X";

    /// <summary>Fills the application form of 企业设立登记 (the page must show it).</summary>
    public static async Task FillEnterpriseFormAsync(this IPage page, string companyName, string legalRepresentativeId = LegalRepresentativeId)
    {
        await page.Locator("#field-companyName").FillAsync(companyName);
        await page.Locator("#field-registeredCapital").FillAsync("100");
        await page.Locator("#field-businessScope").FillAsync("餐饮服务；食品销售");
        await page.Locator("#field-address").FillAsync("福州市鼓楼区五四路 1 号");
        await page.Locator("#field-legalRepresentativeId").FillAsync(legalRepresentativeId);
        await page.Locator("#file-application").SetInputFilesAsync(new FilePayload { Name = "application.png", MimeType = "image/png", Buffer = Png });
    }

    /// <summary>From the portal's home to a submitted application; answers the case page's address, number and query code.</summary>
    public static async Task<(string CaseUrl, string Number, string QueryCode)> ApplyForEnterpriseAsync(this IPage page, string companyName, string? shotPrefix = null)
    {
        await page.GotoAsync("/portal");
        await page.Locator("#items a", new() { HasText = "企业设立登记" }).First.ClickAsync();
        if (shotPrefix is not null)
            await page.ShotAsync($"{shotPrefix}guide");
        await page.Locator("[data-testid=apply]").ClickAsync();
        await page.FillEnterpriseFormAsync(companyName);
        if (shotPrefix is not null)
            await page.ShotAsync($"{shotPrefix}apply-form");
        await page.Locator("[data-testid=apply-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=submitted]")).ToBeVisibleAsync();
        if (shotPrefix is not null)
            await page.ShotAsync($"{shotPrefix}submitted");
        var number = (await page.Locator("[data-testid=case-number]").TextContentAsync())!.Trim();
        var queryCode = (await page.Locator("[data-testid=query-code]").TextContentAsync())!.Trim();
        return (new Uri(page.Url).AbsolutePath, number, queryCode);
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>The staff's first steps by clicking, which the workbench tests start from.</summary>
internal static class StaffStory
{
    /// <summary>Applied online by the applicant and accepted by the window: the departments' tasks are open. Signs out after.</summary>
    public static async Task<(string CaseId, string Number)> AcceptedCaseAsync(this IPage page, string companyName)
    {
        await page.SignInAsync("applicant");
        var (caseUrl, number, _) = await page.ApplyForEnterpriseAsync(companyName);
        await page.SignOutAsync();
        await page.SignInAsync("clerk");
        await page.Locator("[data-testid=work-list] a", new() { HasText = number }).ClickAsync();
        await page.Locator("[data-testid=accept] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=case-status]")).ToHaveTextAsync("审查中");
        await page.SignOutAsync();
        return (caseUrl.Split('/')[^1], number);
    }

    /// <summary>The id of the signed-in reviewer's department's open task on the case, as its review form carries it.</summary>
    public static async Task<string> OwnTaskIdAsync(this IPage page, string caseId)
    {
        await page.GotoAsync($"/workbench/cases/{caseId}");
        return (await page.Locator("[data-testid=review] input[name=taskId]").First.GetAttributeAsync("value"))!;
    }
}

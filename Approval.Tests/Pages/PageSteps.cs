using Approval.Api.Identity;
using Microsoft.Playwright;

namespace Approval.Tests.Pages;

/// <summary>What a person does on every page (sign in, sign out) and the screenshots a reviewer looks at.</summary>
internal static class PageSteps
{
    /// <summary>artifacts/screenshots in the repository: where the browser tests and the sealed documents' renderings go for a reviewer.</summary>
    internal static readonly string ScreenshotFolder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task SignInAsync(this IPage page, string userName, string? culture = null)
    {
        await page.GotoAsync("/account/sign-in" + (culture is null ? "" : $"?culture={culture}"));
        await page.Locator("#user-name").FillAsync(userName);
        await page.Locator("#password").FillAsync(DemoUsers.Password);
        await page.Locator("[data-testid=sign-in-form] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    public static async Task SignOutAsync(this IPage page)
    {
        await page.Locator("form[action='/account/sign-out'] button").ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in");
    }

    /// <summary>Saves a full-page screenshot as artifacts/screenshots/{test}-{step}.png.</summary>
    public static async Task ShotAsync(this IPage page, string step)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var name = $"{TestContext.CurrentContext.Test.MethodName}-{step}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Approval.sln")))
                return dir.FullName;
        }
        return AppContext.BaseDirectory;
    }
}

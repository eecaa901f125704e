using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>A case's files on its page: images and PDFs shown in place with their own type, to those who see the case only.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class AttachmentPreviewPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task An_image_of_the_application_is_shown_in_place_to_those_who_see_the_case_and_refused_to_others()
    {
        var page = await _app.NewPageAsync();
        var (caseId, _) = await page.AcceptedCaseAsync("预览示范有限公司");

        await page.SignInAsync("fire-reviewer");
        await page.GotoAsync($"/workbench/cases/{caseId}");
        var preview = page.Locator("[data-testid=attachment-preview]").First;
        await preview.Locator("summary").ClickAsync();
        var image = preview.Locator("img");
        await Expect(image).ToBeVisibleAsync();
        // The browser decoded the served bytes as the 1×1 PNG the applicant attached.
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
        Assert.That(await image.EvaluateAsync<int>("img => img.naturalWidth"), Is.EqualTo(1));
        await page.ShotAsync("zh-attachment-preview");

        var url = await image.GetAttributeAsync("src");
        var shown = await page.APIRequest.GetAsync(url!);
        Assert.Multiple(() =>
        {
            Assert.That(shown.Status, Is.EqualTo(200));
            Assert.That(shown.Headers["content-type"], Is.EqualTo("image/png"));
            Assert.That(shown.Headers["x-content-type-options"], Is.EqualTo("nosniff"));
            Assert.That(shown.Headers["content-disposition"], Does.StartWith("inline"));
        });
        Assert.That(await shown.BodyAsync(), Is.EqualTo(ApplicantStory.Png));
        var downloaded = await page.APIRequest.GetAsync((await page.Locator("[data-testid=attachment-download]").First.GetAttributeAsync("href"))!);
        Assert.That(downloaded.Headers["content-disposition"], Does.StartWith("attachment"));
        Assert.That(downloaded.Headers["x-content-type-options"], Is.EqualTo("nosniff"));
        await page.SignOutAsync();

        // The applicant sees their own case's file; another applicant and a department not on the case get the 403 page.
        await page.SignInAsync("applicant");
        Assert.That((await page.APIRequest.GetAsync(url!)).Status, Is.EqualTo(200));
        await page.SignOutAsync();
        foreach (var stranger in new[] { "enterprise", "housing-reviewer" })
        {
            await page.SignInAsync(stranger);
            var refused = await page.GotoAsync(url!);
            Assert.That(refused!.Status, Is.EqualTo(403), stranger);
            await Expect(page.Locator("[data-testid=error-title]")).ToHaveTextAsync("无权访问（403）");
            await page.ShotAsync($"zh-attachment-refused-{stranger}");
            await page.SignOutAsync();
        }

        // Not signed in: asked to sign in first.
        await page.GotoAsync(url!);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/sign-in"));
    }
}

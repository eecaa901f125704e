using System.Net;
using Approval.Tests.Api.MachineClients;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>An administrator issues a department system's client credential on /admin/clients, sees its secret once, and revokes it.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class MachineClientPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task An_administrator_issues_a_credential_whose_secret_is_shown_once_and_revokes_it_and_the_system_is_refused()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("admin");
        await page.Locator("[data-testid=admin-home] a[href='/admin/clients']").ClickAsync();
        await Expect(page.Locator("[data-testid=clients-none]")).ToBeVisibleAsync();

        await page.Locator("#client-id").FillAsync("fire-system");
        await page.Locator("#client-name").FillAsync("消防审批业务系统");
        await page.Locator("#client-department").SelectOptionAsync("fire");
        await page.Locator("[data-testid=issue] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=issued]")).ToContainTextAsync("fire-system");
        var secret = (await page.Locator("[data-testid=client-secret]").InnerTextAsync()).Trim();
        await Expect(page.Locator("[data-testid=clients] tr[data-client=fire-system]")).ToContainTextAsync("消防救援支队");
        await page.ShotAsync("01-issued");

        using var system = new HttpClient { BaseAddress = new Uri(_app.BaseUrl) };
        var token = await system.RequestTokenAsync("fire-system", secret);
        Assert.That(token.Status, Is.EqualTo(HttpStatusCode.OK), token.Text);

        await page.GotoAsync("/admin/clients");
        await Expect(page.Locator("[data-testid=client-secret]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=clients] tr[data-client=fire-system] [data-testid=revoke] button").ClickAsync();
        await Expect(page.Locator("[data-testid=done]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=clients] tr[data-client=fire-system]")).ToContainTextAsync("由 admin 注销");
        await Expect(page.Locator("[data-testid=clients] tr[data-client=fire-system] [data-testid=revoke]")).ToHaveCountAsync(0);
        await page.ShotAsync("02-revoked");

        Assert.That((await system.RequestTokenAsync("fire-system", secret)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));

        await page.Locator("#client-id").FillAsync("fire-system");
        await page.Locator("#client-name").FillAsync("消防审批业务系统二期");
        await page.Locator("[data-testid=issue] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=problem]")).ToContainTextAsync("clientId");
    }
}

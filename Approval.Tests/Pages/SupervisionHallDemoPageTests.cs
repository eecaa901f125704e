using Approval.Api.DemoData;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>
/// The supervision hall over a generated history (<c>seed-demo --cases 2000</c>, run in the test's own data folder): the
/// overview's figures and charts, the lists and a red case's drill-down, with screenshots of each for a reviewer.
/// </summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class SupervisionHallDemoPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _app = await BrowserApp.StartAsync();
        using var error = new StringWriter();
        var exit = await SeedDemoCommand.RunAsync(_app.Services, ["--cases", "2000", "--days", "60"], TextWriter.Null, error, CancellationToken.None);
        Assert.That(exit, Is.Zero, error.ToString());
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task The_hall_shows_the_generated_history_in_figures_charts_lists_and_clocks()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("supervisor");
        var open = int.Parse((await page.Locator("[data-testid=tile-open] strong").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(open, Is.GreaterThan(0), "a generated history has open cases");
        await Expect(page.Locator("[data-testid=by-department] tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=by-window] tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=completion-rate]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(\d+\.\d\d%|—)$"));
        // ECharts draws into a canvas in each chart's box.
        await Expect(page.Locator("[data-testid=chart-departments] canvas")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=chart-days] canvas")).ToHaveCountAsync(1);
        await page.ShotAsync("zh-demo-overview");
        await page.Locator("[data-testid=wall-toggle]").ClickAsync();
        await page.WaitForTimeoutAsync(500);
        await page.ShotAsync("zh-demo-wall");

        await page.GotoAsync("/oversight/lists?level=Red");
        var rows = page.Locator("[data-testid=due-cases] tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match((await page.Locator("[data-testid=list-total]").TextContentAsync())!, @"\d+").Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(total, Is.GreaterThanOrEqualTo(await rows.CountAsync()), "a page of the total");
        Assert.That(await rows.Locator("td:nth-child(6)").AllTextContentsAsync(), Is.All.EqualTo("红牌（超时）"));
        await page.ShotAsync("zh-demo-red-cases");
        await rows.First.Locator("td:first-child a").ClickAsync();
        await Expect(page.Locator("[data-testid=clock-case]")).ToHaveAttributeAsync("data-level", "Red");
        await page.ShotAsync("zh-demo-red-case");

        await page.GotoAsync("/oversight?culture=en");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Supervision hall");
        await page.ShotAsync("en-demo-overview");
    }
}

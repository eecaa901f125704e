using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>
/// The applicant's pages checked by axe-core (the npm package of the pages' <c>devDependencies</c>, restored by the build
/// into <c>Approval.Api/node_modules</c>): WCAG 2 A and AA rules, on a laptop and on a 390 px phone, with zero violations.
/// </summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class AccessibilityPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_applicants_pages_have_no_accessibility_violations(bool phone)
    {
        var page = await _app.NewPageAsync(phone);
        var violations = new List<string>();
        foreach (var path in new[] { "/portal", "/portal/items/QY-SL-001", "/portal/status" })
            violations.AddRange(await AxeAsync(page, path));
        await page.SignInAsync(phone ? "enterprise" : "applicant");
        var (caseUrl, _, _) = await page.ApplyForEnterpriseAsync(phone ? "无障碍示范（手机）有限公司" : "无障碍示范有限公司");
        foreach (var path in new[] { "/portal/mine/apply/QY-SL-001", "/portal/mine/cases", caseUrl, "/portal/mine/complaints", "/notifications" })
            violations.AddRange(await AxeAsync(page, path));
        Assert.That(violations, Is.Empty);
    }

    private static async Task<IEnumerable<string>> AxeAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript() });
        var json = await page.EvaluateAsync<string>(@"async () => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return JSON.stringify(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')));
        }");
        await page.ShotAsync(path.Trim('/').Replace('/', '-'));
        return JsonSerializer.Deserialize<string[]>(json)!.Select(v => $"{path}: {v}");
    }

    private static string AxeScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, "Approval.Api", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(script))
                return script;
        }
        throw new AssertionException("No Approval.Api/node_modules/axe-core/axe.min.js: the build restores it with npm ci (package.json devDependencies).");
    }
}

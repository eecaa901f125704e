using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>Signing in through the page: each role lands on its own home, the header says who is signed in.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class SignInPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCase("applicant", "/portal/mine/cases", "张三", "申请人")]
    [TestCase("clerk", "/workbench/window", "李敏", "窗口工作人员")]
    [TestCase("samr-reviewer", "/workbench/tasks", "孙伟", "部门审批人员")]
    [TestCase("samr-head", "/workbench/tasks", "沈国栋", "部门负责人")]
    [TestCase("supervisor", "/oversight", "钱正", "监察人员")]
    [TestCase("admin", "/admin", "赵磊", "管理员")]
    public async Task Each_role_signs_in_and_lands_on_its_own_home(string userName, string home, string displayName, string roleName)
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync(userName);
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(home) + "$"));
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToContainTextAsync(displayName);
        await Expect(page.Locator("[data-testid=signed-in-role]")).ToHaveTextAsync(roleName);
        await Expect(page.Locator("[data-testid=unread-count]")).ToHaveTextAsync(new Regex(@"^消息 \d+$"));
        await page.ShotAsync(userName);
        await page.SignOutAsync();
        await Expect(page.Locator("[data-testid=signed-in-user]")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task A_wrong_password_is_told_at_the_top_of_the_form()
    {
        var page = await _app.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#user-name").FillAsync("clerk");
        await page.Locator("#password").FillAsync("not-the-password");
        await page.Locator("[data-testid=sign-in-form] button[type=submit]").ClickAsync();
        await Expect(page.Locator("[data-testid=problem]")).ToHaveTextAsync("用户名或密码错误。");
        await page.ShotAsync("wrong-password");
    }

    [Test]
    public async Task A_workbench_page_asks_a_stranger_to_sign_in_first_and_returns_there()
    {
        var page = await _app.NewPageAsync();
        await page.GotoAsync("/workbench/window");
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?returnUrl="));
        await page.Locator("#user-name").FillAsync("clerk");
        await page.Locator("#password").FillAsync(Approval.Api.Identity.DemoUsers.Password);
        await page.Locator("[data-testid=sign-in-form] button[type=submit]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/workbench/window$"));
    }

    [Test]
    public async Task An_unknown_page_is_a_404_page_in_the_persons_language()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("clerk");
        var response = await page.GotoAsync("/portal/items/NO-SUCH-ITEM");
        Assert.That(response!.Status, Is.EqualTo(404));
        await Expect(page.Locator("[data-testid=error-title]")).ToHaveTextAsync("页面不存在（404）");
        await page.GotoAsync("/portal/items/NO-SUCH-ITEM?culture=en");
        await Expect(page.Locator("[data-testid=error-title]")).ToHaveTextAsync("Page not found (404)");
        await page.ShotAsync("404-en");
    }
}

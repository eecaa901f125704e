using Approval.Workflows.Credit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Approval.Tests.Pages;

/// <summary>我的信用: the applicant sees their own standing, whether 容缺 is offered them, and every record about them.</summary>
[TestFixture]
[NonParallelizable] // alone: a browser beside another fixture misses its page timeouts (BrowserApp)
public sealed class CreditPageTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task An_applicant_reads_their_standing_and_records_under_my_credit_and_sees_a_new_bad_record_change_it()
    {
        var page = await _app.NewPageAsync();
        await page.SignInAsync("applicant");
        await page.Locator("a[href='/portal/mine/credit']").First.ClickAsync();
        await Expect(page.Locator("[data-testid=credit-standing]")).ToHaveTextAsync("良好");
        await Expect(page.Locator("[data-testid=credit-promise]")).ToHaveTextAsync("可以适用");
        await Expect(page.Locator("[data-testid=no-credit-records]")).ToBeVisibleAsync();

        // The market regulator records a broken promise of 张三's (as the deadline sweep would).
        var time = _app.Services.GetRequiredService<TimeProvider>();
        var record = new CreditRecord
        {
            Id = "page-broken", SubjectId = "11010519491231002X", SubjectName = "张三", Kind = CreditRecordKind.BrokenPromise, SourceDepartmentCode = "samr",
            DocumentNumber = "20260601-000009", Summary = "容缺受理承诺的材料未在承诺期限内补齐", EffectiveOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(-1)),
            RecordedAt = time.GetUtcNow(), RecordedBy = "system",
        };
        await _app.Services.GetRequiredService<ICreditRecords>().SaveAsync([new CreditRecordChange(record.Id, record.RecordedAt, "system", CreditChangeKind.Entered, null, record)]);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=credit-standing]")).ToHaveTextAsync("警示");
        await Expect(page.Locator("[data-testid=credit-promise]")).ToHaveTextAsync("不适用（信用状况不满足）");
        var row = page.Locator("[data-testid=credit-record-page-broken]");
        await Expect(row).ToHaveAttributeAsync("data-state", "InForce");
        await Expect(row).ToContainTextAsync("20260601-000009");
        await Expect(row).ToContainTextAsync("承诺失信");
        await page.ShotAsync("warned");
    }
}

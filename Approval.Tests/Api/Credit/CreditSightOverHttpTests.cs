using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Approval.Api.Credit;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Workflows.Applicants;
using Approval.Workflows.Credit;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Credit;

/// <summary>
/// Who sees a standing where, and what supervision makes of a promise that got through, on SQLite and PostgreSQL: the
/// reviewer holding a task of the case sees the applicant's standing and record kinds on the workbench page (a colleague
/// who does not hold it does not); 我的信用 shows each record's period, "长期" / "no expiry" when it has none; a case
/// accepted under a promise whose applicant's standing excluded it is flagged as a violation, once.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed partial class CreditSightOverHttpTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static async Task<string> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        return WebUtility.HtmlDecode(html);
    }

    [Test]
    public async Task The_reviewer_holding_a_task_sees_the_applicants_standing_and_record_kinds_on_the_task_page_and_a_colleague_does_not()
    {
        var (warned, company) = DemoCreditRecords.Subjects[CreditStanding.Warned];
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await clerk.SubmitAsync(new
        {
            itemCode = "JS-SG-001",
            applicant = new { kind = "Organisation", idNumber = warned, name = company, phone = "07668888888" },
            form = new { projectName = "云浮市警示商贸仓库", constructionUnitCode = warned, buildingHeight = 20, investment = 3_000_000, address = "云浮市云城区滨江路20号" },
        });
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        using var housing = await Factory.CreateClientAsync("housing-reviewer");
        using var head = await Factory.CreateClientAsync("housing-head");

        Assert.That(await PageAsync(housing, $"/workbench/cases/{id}"), Does.Not.Contain("data-testid=\"applicant-credit\""), "the task is not theirs yet");
        var task = await housing.TaskOfAsync(id);
        Assert.That((await housing.PostJsonAsync($"/api/cases/{id}/tasks/{task}/claim")).Status, Is.EqualTo(HttpStatusCode.OK));

        var held = await PageAsync(housing, $"/workbench/cases/{id}");
        Assert.That(held, Does.Contain("data-testid=\"applicant-credit\" data-standing=\"Warned\""));
        Assert.That(Cell(held, "applicant-credit-standing"), Is.EqualTo("警示"));
        Assert.That(Cell(held, "applicant-credit-kinds"), Is.EqualTo("承诺失信（容缺/告知承诺未履行）"));
        var english = await PageAsync(housing, $"/workbench/cases/{id}?culture=en");
        Assert.That((Cell(english, "applicant-credit-standing"), Cell(english, "applicant-credit-kinds")), Is.EqualTo(("Warned", "Broken promise (容缺/告知承诺)")));
        Assert.That((Cell(held, "timeline-reason-CreditStandingUsed"), Cell(english, "timeline-reason-CreditStandingUsed")), Is.EqualTo(("警示", "Warned")),
            "the timeline says the standing used at acceptance by its label, not its code");

        var colleague = await PageAsync(head, $"/workbench/cases/{id}");
        Assert.That(colleague, Does.Not.Contain("applicant-credit"), "a colleague who does not hold the task");
        Assert.That(colleague, Does.Not.Contain("承诺失信"));
    }

    [Test]
    public async Task My_credit_shows_each_records_period_from_its_effective_date_to_its_expiry_or_no_expiry()
    {
        var (good, _) = DemoCreditRecords.Subjects[CreditStanding.Good];
        using var admin = await Factory.CreateClientAsync("admin");
        var entered = await admin.PostJsonAsync("/api/credit/records", new
        {
            subjectId = good, subjectName = "福州示范餐饮有限公司", kind = "Award", sourceDepartmentCode = "samr", documentNumber = "云市监奖〔2026〕3号",
            summary = "守合同重信用企业", effectiveOn = "2026-03-01", expiresOn = "2027-03-01",
        });
        Assert.That(entered.Status, Is.EqualTo(HttpStatusCode.Created), entered.Text);
        var awardId = entered["id"]!;
        using var enterprise = await Factory.CreateClientAsync("enterprise");

        var chinese = await PageAsync(enterprise, "/portal/mine/credit");
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        Assert.That(Period(chinese, awardId), Is.EqualTo($"{new DateOnly(2026, 3, 1).ToString("d", zh)} – {new DateOnly(2027, 3, 1).ToString("d", zh)}"));
        Assert.That(Period(chinese, "demo-good"), Does.EndWith(" – 长期"));
        var english = await PageAsync(enterprise, "/portal/mine/credit?culture=en");
        var en = CultureInfo.GetCultureInfo("en");
        Assert.That(Period(english, awardId), Is.EqualTo($"{new DateOnly(2026, 3, 1).ToString("d", en)} – {new DateOnly(2027, 3, 1).ToString("d", en)}"));
        Assert.That(Period(english, "demo-good"), Does.EndWith(" – no expiry"));
    }

    [TestCase("容缺")]
    [TestCase("告知承诺")]
    public async Task A_promise_accepted_while_a_record_that_excluded_it_was_already_recorded_is_flagged_as_a_violation_once(string path)
    {
        var person = "44530219900202002" + ResidentIdNumber.CheckDigitOf("44530219900202002");
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var (id, number, _) = await clerk.SubmitAsync(new
        {
            itemCode = "GT-DJ-001",
            applicant = new { kind = "Person", idNumber = person, name = "钱漏网", phone = "13800000000" },
            form = new { businessName = "云城区钱漏网小吃店", operatorId = person, businessScope = "小吃服务", address = "云浮市云城区兴云西路8号" },
        });
        Factory.At("2026-11-24T10:00:00");
        object acceptance = path == "容缺"
            ? new { missingMaterials = new[] { "premises" }, promisedBy = "2026-11-24" }
            : new { commitment = new { statement = "本人承诺经营场所符合告知的条件，所填信息真实" } };
        var promised = await clerk.PostJsonAsync($"/api/cases/{id}/accept", acceptance);
        Assert.That(promised.Status, Is.EqualTo(HttpStatusCode.OK), promised.Text);
        var watch = Factory.Services.GetRequiredService<PromiseCreditWatch>();
        Assert.That(await watch.SweepAsync(), Is.Zero, "in good standing when accepted");

        // The court's record was recorded a minute before the acceptance but reached the store after the window's check
        // read it (the standing changed between check and commit): the acceptance stands, supervision flags it.
        var debtor = new CreditRecord
        {
            Id = "late-debtor", SubjectId = person, SubjectName = "钱漏网", Kind = CreditRecordKind.DishonestJudgmentDebtor, SourceDepartmentCode = "hrss",
            DocumentNumber = "（2026）粤5381执777号", Summary = "拒不履行生效法律文书确定的义务", EffectiveOn = new DateOnly(2026, 11, 20),
            RecordedAt = CaseHttp.Beijing("2026-11-24T09:59:00"), RecordedBy = "admin",
        };
        await Factory.Services.GetRequiredService<ICreditRecords>().SaveAsync([new CreditRecordChange(debtor.Id, debtor.RecordedAt, "admin", CreditChangeKind.Entered, null, debtor)]);
        Factory.At("2026-11-24T10:05:00");
        Assert.That(await watch.SweepAsync(), Is.EqualTo(1));
        Assert.That(await watch.SweepAsync(), Is.Zero, "once");

        var listed = await supervisor.GetJsonAsync("/api/supervision/violations?kind=PromiseDespiteCredit");
        Assert.That(listed.Status, Is.EqualTo(HttpStatusCode.OK), listed.Text);
        var violation = listed.Body!["items"]!.AsArray().Single()!;
        Assert.That(violation["caseNumber"]!.GetValue<string>(), Is.EqualTo(number));
        Assert.That(violation["departmentCode"]!.GetValue<string>(), Is.EqualTo("samr"));
        Assert.That(violation["evidence"]!.GetValue<string>(), Does.Contain("Dishonest").And.Contain("（2026）粤5381执777号"));
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{id}"))["status"], Is.Not.EqualTo("Terminated"), "the case goes on; supervision judges the window");
    }

    private static string Cell(string html, string testId) =>
        Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>(.*?)</", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value.Trim()
            : throw new AssertionException($"no {testId} on the page");

    private static string Period(string html, string recordId) =>
        Regex.Match(html, $"data-testid=\"credit-record-{Regex.Escape(recordId)}\".*?data-testid=\"credit-period\">(.*?)</td>", RegexOptions.Singleline) is { Success: true } m
            ? Regex.Replace(m.Groups[1].Value.Trim(), @"\s+", " ")
            : throw new AssertionException($"no record {recordId} on the page");
}

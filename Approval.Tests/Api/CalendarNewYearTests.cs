using System.Net;
using Approval.Api.Engine;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api;

/// <summary>
/// Clocks crossing New Year 2027 while the State Council has not published its 2027 schedule: the shipped 2027 file is
/// an empty placeholder, so 2027 is provisional — 元旦 is off by statute — and the case says its deadlines are provisional.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CalendarNewYearTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-12-28T10:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    internal static object FoodLicence => new
    {
        itemCode = "SP-JY-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { shopName = "张三小吃", businessType = "餐饮服务", operatorId = "11010519491231002X", area = 60, address = "云浮市云城区兴云西路8号" },
    };

    private Task<DeadlineSweep> SweepAsync() => Factory.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);

    [Test]
    public async Task An_application_of_28_december_2026_is_accepted_by_silence_only_after_5_january_2027()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(FoodLicence);

        var submitted = await clerk.GetJsonAsync($"/api/cases/{id}");
        Assert.That(submitted.Body!["provisionalDeadlines"]!.AsArray().Select(s => s!.GetValue<string>()), Is.EqualTo(new[] { "受理 (acceptance)" }));
        var timeline = await clerk.GetJsonAsync($"/api/cases/{id}/timeline");
        var note = timeline.Body!.AsArray().Single(e => e!["action"]!.GetValue<string>() == "DeadlineProvisional")!;
        Assert.That(note["detail"]!.GetValue<string>(), Does.Contain("2027-01-05T17:30:00"));
        Assert.That(note["reason"]!.GetValue<string>(), Does.StartWith("受理期限按暂定工作日历计算：2027 年"));
        Assert.That(note["reason"]!.GetValue<string>(), Does.Contain("(the acceptance deadline (Art. 32) is counted on the provisional 2027 calendar"));

        // The case: by an empty "official" 2027 it was deemed accepted at 2027-01-04 17:31.
        Factory.At("2027-01-04T17:31:00");
        Assert.That((await SweepAsync()).DeemedAccepted, Is.Zero);
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{id}"))["status"], Is.EqualTo("Submitted"));

        Factory.At("2027-01-05T17:31:00");
        Assert.That((await SweepAsync()).DeemedAccepted, Is.EqualTo(1));
        var deemed = await clerk.GetJsonAsync($"/api/cases/{id}");
        var silence = deemed.Body!["violations"]!.AsArray().Single(v => v!["kind"]!.GetValue<string>() == "AcceptedBySilence")!;
        Assert.That(silence["evidence"]!.GetValue<string>(), Does.Contain("acceptance due 2027-01-05T17:30"));
    }

    [Test]
    public async Task A_case_accepted_before_new_year_is_due_past_the_holiday_and_marked_provisional()
    {
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await enterprise.SubmitAsync(ConstructionPermitOverHttpTests.Application(height: 30, investment: 8_000_000));

        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        // 12-29..12-31 are three; 01-01 is 元旦; 01-04..01-08 and 01-11, 01-12 make ten.
        Assert.That(Instant(accepted.Body!["dueAt"]), Is.EqualTo(Beijing("2027-01-12T17:30:00")));
        Assert.That(accepted.Body["provisionalDeadlines"]!.AsArray().Select(s => s!.GetValue<string>()), Does.Contain("case"));
        Assert.That(accepted.Body["tasks"]!.AsArray().Select(t => Instant(t!["dueAt"])!.Value.ToOffset(TimeSpan.FromHours(8)).Date), Has.None.EqualTo(new DateTime(2027, 1, 1)));

        // One line per provisional deadline, each saying whose deadline it is: the case's and each department's review.
        var provisional = accepted.Body["provisionalDeadlines"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        var timeline = await clerk.GetJsonAsync($"/api/cases/{id}/timeline");
        var notes = timeline.Body!.AsArray().Where(e => e!["action"]!.GetValue<string>() == "DeadlineProvisional")
            .Select(e => e!["reason"]!.GetValue<string>()).ToList();
        Assert.That(notes, Is.Unique);
        Assert.That(notes, Has.Some.Matches<string>(n => n.StartsWith("办件审批期限按暂定工作日历计算：2027 年", StringComparison.Ordinal)
            && n.Contains("(the case's decision deadline is counted on the provisional 2027 calendar", StringComparison.Ordinal)));
        Assert.That(provisional, Has.Count.GreaterThan(1), "the case's and its reviews' deadlines");
        foreach (var department in provisional.Where(s => s != "case"))
            Assert.That(notes, Has.Some.Matches<string>(n => n.StartsWith($"{department} 部门审查期限按暂定工作日历计算", StringComparison.Ordinal)
                && n.Contains($"the {department} review deadline", StringComparison.Ordinal)), department);
    }
}

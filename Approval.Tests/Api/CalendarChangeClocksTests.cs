using System.Net;
using Approval.Api.Engine;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api;

/// <summary>
/// A calendar change moves the clocks: when the official 2027 schedule replaces the provisional one, the open cases
/// whose deadlines cross its changed days are counted again — an ordinary one, an extended one, one suspended — each
/// moved deadline is a timeline line, and an acceptance by silence recorded on the provisional calendar that the
/// official one would not have recorded is flagged for review, not deleted.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CalendarChangeClocksTests(DatabaseProvider provider)
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

    /// <summary>A made-up 2027 notice: Monday 2027-01-04 bridges 元旦, made up on Saturday 2027-02-20.</summary>
    private static object Notice2027 => CalendarEditingTests.ScheduleOf(2027,
        new { date = "2027-01-04", name = "元旦", isOffDay = true },
        new { date = "2027-02-20", name = "元旦", isOffDay = false });

    private Task<DeadlineSweep> SweepAsync() => Factory.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);

    private static IEnumerable<string> Moves(Reply timeline) =>
        timeline.Body!.AsArray().Where(e => e!["action"]!.GetValue<string>() == "DeadlineMoved").Select(e => e!["detail"]!.GetValue<string>());

    [Test]
    public async Task The_official_2027_schedule_moves_the_deadlines_that_cross_its_changed_days_and_flags_a_silence_it_would_not_have_recorded()
    {
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var housingHead = await Factory.CreateClientAsync("housing-head");
        using var samrReviewer = await Factory.CreateClientAsync("samr-reviewer");
        using var admin = await Factory.CreateClientAsync("admin");

        // Ordinary: 10 working days from Monday 12-28 end on 2027-01-12 while 2027 is provisional.
        var (ordinary, _, _) = await enterprise.SubmitAsync(ConstructionPermitOverHttpTests.Application(height: 30, investment: 8_000_000));
        var accepted = await clerk.PostJsonAsync($"/api/cases/{ordinary}/accept");
        Assert.That(Instant(accepted.Body!["dueAt"]), Is.EqualTo(Beijing("2027-01-12T17:30:00")), accepted.Text);
        var housingDue = Instant(accepted.Body["tasks"]!.AsArray().Single(t => t!["departmentCode"]!.GetValue<string>() == "housing")!["dueAt"]);

        // Extended (Art. 42): joint handling takes 15 more working days, 25 in all, to 2027-02-02.
        var (extended, _, _) = await enterprise.SubmitAsync(ConstructionPermitOverHttpTests.Application(height: 30, investment: 8_000_000));
        await clerk.PostJsonAsync($"/api/cases/{extended}/accept");
        var extension = await housingHead.PostJsonAsync($"/api/cases/{extended}/extension", new { reason = "需组织专家评审" });
        Assert.That(extension.Status, Is.EqualTo(HttpStatusCode.OK), extension.Text);
        Assert.That(Instant(extension.Body!["dueAt"]), Is.EqualTo(Beijing("2027-02-02T17:30:00")));

        // Suspended: the food licence's on-site inspection stops its clock from acceptance.
        var (suspended, _, _) = await applicant.SubmitAsync(CalendarNewYearTests.FoodLicence);
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{suspended}/accept"))["status"], Is.EqualTo("Suspended"));

        // Unanswered: accepted by silence after 2027-01-05 17:30 on the provisional calendar.
        var (silent, _, _) = await applicant.SubmitAsync(CalendarNewYearTests.FoodLicence);
        Factory.At("2027-01-05T17:31:00");
        Assert.That((await SweepAsync()).DeemedAccepted, Is.EqualTo(1));

        Factory.At("2027-01-05T18:00:00");
        var saved = await admin.PutJsonAsync("/api/calendar/years/2027", Notice2027);
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
        Assert.That(saved["origin"], Is.EqualTo("Administrator"));
        Assert.That(saved.Body!["clocks"]!["casesSeen"]!.GetValue<int>(), Is.EqualTo(4));
        // Flagged: the silence, and the 5-day tasks (planning, fire) of both permits, red at 01-05 17:31 by the provisional count.
        Assert.That(saved.Body["clocks"]!["violationsFlagged"]!.GetValue<int>(), Is.EqualTo(5));

        var ordinaryNow = await clerk.GetJsonAsync($"/api/cases/{ordinary}");
        Assert.That(Instant(ordinaryNow.Body!["dueAt"]), Is.EqualTo(Beijing("2027-01-13T17:30:00")), "01-04 is off now");
        Assert.That(Instant(ordinaryNow.Body["tasks"]!.AsArray().Single(t => t!["departmentCode"]!.GetValue<string>() == "housing")!["dueAt"]),
            Is.EqualTo(housingDue!.Value.AddDays(1)), "housing's 7 days cross 01-04 too");
        Assert.That(ordinaryNow.Body["provisionalDeadlines"]!.AsArray(), Is.Empty, "2027 is published now");
        var overdueTasks = ordinaryNow.Body["violations"]!.AsArray().Where(v => v!["kind"]!.GetValue<string>() == "OverdueTask").ToList();
        Assert.That(overdueTasks, Has.Count.EqualTo(2));
        Assert.That(overdueTasks.Select(v => v!["calendarDoubt"]?.GetValue<string>()), Has.All.Contains("2027-01-06 17:30"), "kept, and flagged for review");
        Assert.That(ordinaryNow.Body["tasks"]!.AsArray().Select(t => t!["level"]!.GetValue<string>()), Has.None.EqualTo("Red"), "the levels are re-derived");
        var ordinaryMoves = Moves(await clerk.GetJsonAsync($"/api/cases/{ordinary}/timeline")).ToList();
        Assert.That(ordinaryMoves, Does.Contain("case: 期限因工作日历调整由 2027-01-12 17:30 改为 2027-01-13 17:30 (deadline moved by a calendar change from 2027-01-12T17:30:00.0000000+08:00 to 2027-01-13T17:30:00.0000000+08:00)"));
        Assert.That(ordinaryMoves, Has.Some.StartsWith("housing: 期限因工作日历调整由"));

        // 25 working days with 01-04 off (the make-up Saturday 02-20 comes after): 02-03.
        Assert.That(Instant((await clerk.GetJsonAsync($"/api/cases/{extended}")).Body!["dueAt"]), Is.EqualTo(Beijing("2027-02-03T17:30:00")));
        Assert.That(Moves(await clerk.GetJsonAsync($"/api/cases/{extended}/timeline")), Has.Some.StartsWith("case: 期限因工作日历调整由 2027-02-02 17:30 改为 2027-02-03 17:30"));

        // A stopped clock has no deadline to move; once resumed it counts on the official calendar.
        Assert.That(Moves(await clerk.GetJsonAsync($"/api/cases/{suspended}/timeline")), Is.Empty);
        Factory.At("2027-01-06T09:00:00");
        var resumed = await samrReviewer.PostJsonAsync($"/api/cases/{suspended}/clock/resume");
        Assert.That(resumed.Status, Is.EqualTo(HttpStatusCode.OK), resumed.Text);
        // Stopped 12-28 to 01-06: 12-29..12-31 and 01-05 do not count; 01-06 (1) … 01-19 (10), 01-04 being off anyway.
        Assert.That(Instant(resumed.Body!["dueAt"]), Is.EqualTo(Beijing("2027-01-19T17:30:00")));

        var silentNow = await clerk.GetJsonAsync($"/api/cases/{silent}");
        var silence = silentNow.Body!["violations"]!.AsArray().Single(v => v!["kind"]!.GetValue<string>() == "AcceptedBySilence")!;
        Assert.That(silence["calendarDoubt"]!.GetValue<string>(), Does.Contain("2027-01-06 17:30"), "the official 2027 calendar puts the limit at 01-06");
        Assert.That(Moves(await clerk.GetJsonAsync($"/api/cases/{silent}/timeline")), Has.Some.Contains("AcceptedBySilence"));

        // The supervisors see the doubt on the violation rows they review; the violations are all still there.
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var rows = (await supervisor.GetJsonAsync("/api/supervision/violations?pageSize=200")).Body!["items"]!.AsArray();
        Assert.That(rows.Count(v => v!["calendarDoubt"] is not null), Is.EqualTo(5));
        Assert.That(rows.Where(v => v!["calendarDoubt"] is not null).Select(v => v!["review"]!.GetValue<string>()), Is.All.EqualTo("Open"));

        // Saving the same year again moves nothing more and flags nothing twice.
        var again = await admin.PutJsonAsync("/api/calendar/years/2027", Notice2027);
        Assert.That(again.Body!["clocks"]!["deadlinesMoved"]!.GetValue<int>(), Is.Zero);
        Assert.That(again.Body["clocks"]!["violationsFlagged"]!.GetValue<int>(), Is.Zero);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Api.Engine;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Tests.Api.Cases;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// 绩效评估 from snapshots: cases built through the API with a fake clock over November and December 2026 (two
/// 食品经营许可 completed early, one completed late after turning red and complained about without a decision in 5
/// working days, one 企业设立登记 whose six tasks turn red, one 建设工程施工许可 refused at the window, two violations
/// confirmed, four ratings), at two windows — clerk at w01, clerk2 at w02 — the snapshots rebuilt, and what the API
/// reads from them for departments, windows and persons compared with a from-scratch recount of
/// <see cref="PerformanceFigures"/> and <see cref="WindowFigures"/> over facts loaded from the tables.
/// The 施工许可 waits at the window until its acceptance step turns yellow (受理 card) before w01 refuses it.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class PerformanceSnapshotTests(DatabaseProvider provider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private CaseApiFactory _factory = null!;
    private HttpClient _supervisor = null!;
    private string _late = null!;

    [OneTimeSetUp]
    public async Task Build()
    {
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-10T09:00:00");
        // Strict enough that a unit with a red card fails: the ranking then drafts its 监察建议书.
        var rules = _factory.Services.GetRequiredService<IOptions<ScoreRules>>().Value;
        (rules.ExcellentFrom, rules.GoodFrom, rules.PassFrom) = (101, 100, 99);
        using var applicant = await _factory.CreateClientAsync("applicant");
        using var clerk = await _factory.CreateClientAsync("clerk");
        await AddClerkAsync("clerk2", "王芳", "w02");
        using var clerk2 = await _factory.CreateClientAsync("clerk2");
        using var enterprise = await _factory.CreateClientAsync("enterprise");
        using var samr = await _factory.CreateClientAsync("samr-reviewer");
        using var samrHead = await _factory.CreateClientAsync("samr-head");
        using var fire = await _factory.CreateClientAsync("fire-reviewer");
        _supervisor = await _factory.CreateClientAsync(Role.Supervisor);

        var (early, _, _) = await applicant.SubmitAsync(FoodLicence("张三小吃"));
        var (late, _, _) = await applicant.SubmitAsync(FoodLicence("李四面馆"));
        _late = late;
        _factory.At("2026-11-10T09:30:00");
        await AcceptAndInspectAsync(clerk, samr, early);
        await AcceptAndInspectAsync(clerk, samr, late);

        _factory.At("2026-11-12T10:00:00");
        await CompleteAsync(clerk2, samr, samrHead, early);
        // Filed on Thursday 11-12; no supervisor decides by 11-19 17:30: the 11-20 sweep records the breach against samr.
        var complaint = await applicant.PostJsonAsync("/api/complaints", new { caseId = late, contact = "13800000000", body = "超过承诺时限仍未办结" });
        Assert.That(complaint.Status, Is.EqualTo(HttpStatusCode.Created), complaint.Text);
        _factory.At("2026-11-13T09:00:00");
        await RateAsync(applicant, early, 5);

        // The 施工许可 waits at the window: yellow after 4 of its 5 working days (11-23 17:30), refused on the 5th.
        _factory.At("2026-11-17T10:00:00");
        var (refused, _, _) = await enterprise.SubmitAsync(ConstructionPermit);
        await SweepAtAsync("2026-11-20T09:00:00");
        await SweepAtAsync("2026-11-24T09:00:00");
        _factory.At("2026-11-24T10:00:00");
        var (establishment, _, _) = await applicant.SubmitAsync(Establishment);
        _factory.At("2026-11-24T11:00:00");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{refused}/refuse", new { reason = "尚未取得建设工程规划许可证" })).Status, Is.EqualTo(HttpStatusCode.OK));
        _factory.At("2026-11-24T14:00:00");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{establishment}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        _factory.At("2026-11-24T14:30:00");
        var fireTask = await fire.TaskOfAsync(establishment);
        Assert.That((await fire.PostJsonAsync($"/api/cases/{establishment}/tasks/{fireTask}/claim")).Status, Is.EqualTo(HttpStatusCode.OK));
        await SweepAtAsync("2026-11-25T09:00:00");
        _factory.At("2026-11-25T10:00:00");
        await RateAsync(enterprise, refused, 1);
        _factory.At("2026-11-26T10:00:00");
        await CompleteAsync(clerk, samr, samrHead, late);
        _factory.At("2026-11-27T10:00:00");
        await RateAsync(applicant, late, 2);

        _factory.At("2026-11-30T10:00:00");
        var (december, _, _) = await applicant.SubmitAsync(FoodLicence("王五茶饮"));
        _factory.At("2026-11-30T10:10:00");
        Assert.That((await clerk2.PostJsonAsync($"/api/cases/{december}/supplement-requests", new { missingMaterials = new[] { "健康证明" } })).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await applicant.PostJsonAsync($"/api/cases/{december}/supplements", new { })).Status, Is.EqualTo(HttpStatusCode.OK));
        _factory.At("2026-11-30T10:30:00");
        await AcceptAndInspectAsync(clerk2, samr, december);
        _factory.At("2026-12-02T11:00:00");
        await CompleteAsync(clerk2, samr, samrHead, december);
        _factory.At("2026-12-03T11:00:00");
        await RateAsync(applicant, december, 3);

        await SweepAtAsync("2026-12-07T09:00:00");
        _factory.At("2026-12-07T10:00:00");
        var open = await _supervisor.GetJsonAsync("/api/supervision/violations?review=Open&pageSize=200");
        var toConfirm = open.Body!["items"]!.AsArray()
            .Where(v => v!["departmentCode"]?.GetValue<string>() is "samr" or "fire")
            .GroupBy(v => v!["departmentCode"]!.GetValue<string>()).Select(g => g.First()!["id"]!.GetValue<long>()).ToList();
        Assert.That(toConfirm, Has.Count.EqualTo(2), open.Text);
        foreach (var id in toConfirm)
            Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/violations/{id}/confirm", new { reason = "确认超时" })).Status, Is.EqualTo(HttpStatusCode.OK));

        _factory.At("2026-12-08T09:00:00");
        using var admin = await _factory.CreateClientAsync(Role.Administrator);
        var rebuilt = await admin.PostJsonAsync("/api/supervision/performance/rebuild?from=2026-11-01&to=2026-12-31");
        Assert.That(rebuilt.Status, Is.EqualTo(HttpStatusCode.OK), rebuilt.Text);
        Assert.That(rebuilt.Body!["days"]!.GetValue<int>(), Is.EqualTo(61));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _supervisor?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [TestCase("2026-11-01", "2026-12-31", TestName = "Whole months, read from month rows")]
    [TestCase("2026-11-10", "2026-12-07", TestName = "Partial months, read from day rows")]
    [TestCase("2026-11-15", "2026-12-31", TestName = "Days of November and the whole of December")]
    [TestCase("2026-01-01", "2026-12-31", TestName = "A whole year, read from its year row")]
    public async Task The_figures_read_from_snapshots_equal_a_from_scratch_recount(string from, string to)
    {
        var (first, last) = (DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
        var actual = await ReadFiguresAsync(from, to);
        var expected = await RecountAsync(first, last);

        Assert.That(actual.Select(u => u with { UnitName = null }), Is.EquivalentTo(expected));
        var samr = actual.Single(u => u.UnitCode == "samr");
        Assert.That(samr.UnitName, Is.EqualTo("市场监督管理局"));
        Assert.That(expected.Sum(u => u.Completed + u.RedCards), Is.GreaterThan(0), "the scenario has something to count");
        Assert.That(expected.Sum(u => u.ComplaintBreaches), Is.EqualTo(1), "the complaint breach of 11-20 is in every period read");

        foreach (var kind in new[] { UnitKind.Window, UnitKind.Person })
        {
            var read = await ReadFiguresAsync(from, to, kind.ToString().ToLowerInvariant());
            var recounted = await StaffRecount.OfAsync(_factory.Services, kind, first, last);
            Assert.That(read.Select(u => u with { UnitName = null }), Is.EquivalentTo(recounted), kind.ToString());
            Assert.That(recounted.Sum(u => u.Received + u.Completed + u.Rated), Is.GreaterThan(0), $"the scenario has {kind} figures to count");
        }
    }

    [Test]
    public async Task A_window_is_credited_with_the_applications_its_clerks_answered_and_the_cases_they_handed_out()
    {
        var windows = await ReadFiguresAsync("2026-11-01", "2026-12-31", "window");
        var w01 = windows.Single(u => u.UnitCode == "w01");
        var w02 = windows.Single(u => u.UnitCode == "w02");
        Assert.That((w01.Received, w01.Accepted, w01.Refused, w01.AcceptedOnTime, w01.SupplementRequests, w01.Completed), Is.EqualTo((4, 3, 1, 3, 0, 1)),
            "clerk at w01 accepted two 食品经营许可 and the 企业设立登记, refused the 施工许可, and handed out the late case");
        Assert.That((w01.YellowCards, w01.RedCards), Is.EqualTo((1, 0)), "the 施工许可's acceptance turned yellow before w01 answered it");
        Assert.That((w02.Received, w02.Accepted, w02.SupplementRequests, w02.Completed, w02.CompletedEarly), Is.EqualTo((1, 1, 1, 2, 2)),
            "clerk2 at w02 asked supplements of December's case, accepted it, and handed out both early cases");
        Assert.That((w01.AcceptanceOnTimeRatePercent, w01.UnitName), Is.EqualTo((100.00m, "w01号窗口")));
        // Ratings: the early case (5) was accepted at w01 and handed out at w02; the late one (2) and the refused one (1) are w01's; December's (3) w02's.
        Assert.That((w01.Rated, w01.Satisfied, w01.SatisfactionRatePercent), Is.EqualTo((3, 1, 33.33m)));
        Assert.That((w02.Rated, w02.Satisfied, w02.SatisfactionRatePercent), Is.EqualTo((2, 1, 50.00m)));
    }

    [Test]
    public async Task A_person_has_the_figures_of_their_own_tasks_and_window_steps_and_the_ratings_of_the_cases_they_handled()
    {
        var persons = await ReadFiguresAsync("2026-11-01", "2026-12-31", "person");
        var reviewer = persons.Single(u => u.UnitCode == "samr-reviewer");
        Assert.That((reviewer.UnitName, reviewer.Completed, reviewer.Promised), Is.EqualTo(("孙伟", 3, 3)), "three opinions, each task against its own limit");
        Assert.That(reviewer.AverageWorkingDaysUsed, Is.Not.Null);
        Assert.That((reviewer.Rated, reviewer.Satisfied), Is.EqualTo((3, 1)), "the three food licences were rated 5, 2 and 3");
        var clerk2 = persons.Single(u => u.UnitCode == "clerk2");
        Assert.That((clerk2.UnitName, clerk2.Received, clerk2.Completed, clerk2.SupplementRequests, clerk2.Rated), Is.EqualTo(("王芳", 1, 2, 1, 2)));
        var clerk = persons.Single(u => u.UnitCode == "clerk");
        Assert.That((clerk.Received, clerk.Refused, clerk.Completed, clerk.Rated, clerk.Satisfied), Is.EqualTo((4, 1, 1, 3, 1)));
        Assert.That(persons.Single(u => u.UnitCode == "fire-reviewer").Received, Is.EqualTo(1), "the fire task was claimed");
    }

    [Test]
    public async Task A_department_has_the_ratings_of_the_cases_it_led()
    {
        var departments = await ReadFiguresAsync("2026-11-01", "2026-12-31");
        var samr = departments.Single(u => u.UnitCode == "samr");
        Assert.That((samr.Rated, samr.Satisfied, samr.AverageSatisfaction, samr.SatisfactionRatePercent), Is.EqualTo((3, 1, 3.33m, 33.33m)));
        var housing = departments.Single(u => u.UnitCode == "housing");
        Assert.That((housing.Received, housing.Rated, housing.Satisfied), Is.EqualTo((1, 1, 0)), "the refused 施工许可 rated 非常不满意");
        Assert.That(housing.YellowCards, Is.EqualTo(1), "its acceptance step's card is the lead department's too");
    }

    [Test]
    public async Task The_ranking_of_windows_ranks_windows_only()
    {
        var reply = await _supervisor.GetJsonAsync("/api/supervision/rankings?unit=window&quarter=2026Q4");
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
        var ranking = reply.Body.Deserialize<PerformanceRanking>(Json)!;
        Assert.That(ranking.UnitKind, Is.EqualTo("Window"));
        Assert.That(ranking.Units.Select(u => u.UnitCode), Is.EquivalentTo(new[] { "w01", "w02" }));
        Assert.That(ranking.Units.Select(u => u.Figures.UnitKind), Is.All.EqualTo("Window"));
    }

    [Test]
    public async Task The_scenario_counts_early_and_late_completions_cards_confirmed_violations_and_complaint_breaches()
    {
        var samr = (await ReadFiguresAsync("2026-11-01", "2026-12-31")).Single(u => u.UnitCode == "samr");
        Assert.That((samr.Received, samr.Completed, samr.Promised, samr.CompletedEarly), Is.EqualTo((4, 3, 3, 2)), "企业设立登记 is led by samr too");
        Assert.That(samr.RedCards, Is.GreaterThanOrEqualTo(2), "the late case and its samr task turned red");
        Assert.That(samr.ConfirmedViolations, Is.EqualTo(1));
        Assert.That(samr.ComplaintBreaches, Is.EqualTo(1), "the complaint about samr's late case was not decided within 5 working days");
        var fire = (await ReadFiguresAsync("2026-11-01", "2026-12-31")).Single(u => u.UnitCode == "fire");
        Assert.That((fire.Received, fire.RedCards, fire.ConfirmedViolations), Is.EqualTo((0, 1, 1)));
        var reviewer = (await ReadFiguresAsync("2026-11-01", "2026-12-31", "person")).Single(u => u.UnitCode == "fire-reviewer");
        Assert.That(reviewer.RedCards, Is.EqualTo(1), "the fire task was claimed when it turned red");
    }

    [Test]
    public async Task A_month_row_is_the_sum_of_its_days_and_a_year_row_the_sum_of_its_months()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var rows = await db.PerformanceSnapshots.AsNoTracking().ToListAsync();
        Assert.That(rows.Where(r => r.PeriodKind == "Month").Select(r => r.PeriodStart).Distinct(), Is.EquivalentTo(new[] { new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1) }));
        foreach (var month in rows.Where(r => r.PeriodKind == "Month"))
        {
            var days = rows.Where(r => r.PeriodKind == "Day" && r.UnitKind == month.UnitKind && r.UnitCode == month.UnitCode
                && r.PeriodStart.Year == month.PeriodStart.Year && r.PeriodStart.Month == month.PeriodStart.Month).ToList();
            Assert.That(Counters(month), Is.EqualTo(Sum(days)), $"{month.UnitKind} {month.UnitCode} {month.PeriodStart}");
        }
        foreach (var year in rows.Where(r => r.PeriodKind == "Year"))
        {
            var months = rows.Where(r => r.PeriodKind == "Month" && r.UnitKind == year.UnitKind && r.UnitCode == year.UnitCode && r.PeriodStart.Year == year.PeriodStart.Year).ToList();
            Assert.That(Counters(year), Is.EqualTo(Sum(months)), $"{year.UnitKind} {year.UnitCode} {year.PeriodStart}");
        }
        Assert.That(rows.Count(r => r.PeriodKind == "Year"), Is.GreaterThan(0));
    }

    [Test]
    public async Task Rebuilding_a_day_replaces_its_rows()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var before = await db.PerformanceSnapshots.AsNoTracking().CountAsync();
        var builder = _factory.Services.GetRequiredService<PerformanceSnapshotBuilder>();
        await builder.RebuildAsync(new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 26), CancellationToken.None);
        Assert.That(await db.PerformanceSnapshots.AsNoTracking().CountAsync(), Is.EqualTo(before));
        var read = await ReadFiguresAsync("2026-11-01", "2026-12-31");
        Assert.That(read.Select(u => u with { UnitName = null }), Is.EquivalentTo(await RecountAsync(new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31))));
    }

    [Test]
    public async Task A_quarters_ranking_grades_every_unit_and_drafts_the_recommendation_of_a_failing_one()
    {
        var reply = await _supervisor.GetJsonAsync("/api/supervision/rankings?unit=department&quarter=2026Q4");
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
        var ranking = reply.Body.Deserialize<PerformanceRanking>(Json)!;
        Assert.That(ranking.Period, Is.EqualTo("2026年第四季度"));
        Assert.That(ranking.Units.Select(u => u.Rank), Is.EqualTo(Enumerable.Range(1, ranking.Units.Count)));
        Assert.That(ranking.Units.Select(u => u.Score), Is.Ordered.Descending);
        var samr = ranking.Units.Single(u => u.UnitCode == "samr");
        Assert.That((samr.Grade, samr.GradeName), Is.EqualTo(("Fail", "不合格")));
        Assert.That(samr.Recommendation, Does.StartWith("监察建议书").And.Contain("市场监督管理局").And.Contain("2026年第四季度").And.Contain("红牌")
            .And.Contain("投诉超期1件，扣2分"));
        Assert.That(samr.ComplaintBreachDeduction, Is.EqualTo(2m), "the default deduction per complaint breach");
        Assert.That(ranking.Units.Where(u => u.Grade != "Fail").Select(u => u.Recommendation), Is.All.Null);

        var csv = await _supervisor.GetAsync(new Uri("/api/supervision/rankings?quarter=2026Q4&format=csv", UriKind.Relative));
        var text = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        Assert.That(text, Does.StartWith("rank,unitCode,unitName,score,grade,gradeName,"));
        Assert.That(text, Does.Contain("\"监察建议书"), "the recommendation is a quoted field: it spans lines");
    }

    [Test]
    public async Task The_performance_list_is_exported_as_csv_and_bad_queries_are_400()
    {
        var csv = await _supervisor.GetAsync(new Uri("/api/supervision/performance?from=2026-11-01&to=2026-12-31&format=csv", UriKind.Relative));
        Assert.That(csv.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("unitKind,unitCode,unitName,from,to,received,completed,completionRatePercent"));
        Assert.That(lines.Skip(1).Any(l => l.StartsWith("Department,samr,市场监督管理局,2026-11-01,2026-12-31,4,3,75.00", StringComparison.Ordinal)), string.Join("\n", lines));

        var badUnit = await _supervisor.GetJsonAsync("/api/supervision/performance?unit=counter&from=2026-11-01&to=2026-11-30");
        Assert.That(badUnit.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(badUnit.Body!["errors"]!["unit"]![0]!.GetValue<string>(), Is.EqualTo("must be department, window or person"));
        Assert.That((await _supervisor.GetJsonAsync("/api/supervision/performance?from=2026-12-01&to=2026-11-30")).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await _supervisor.GetJsonAsync("/api/supervision/rankings?quarter=2026Q5")).Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await _supervisor.PostJsonAsync("/api/supervision/performance/rebuild?from=2026-11-01&to=2026-11-02")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private async Task<List<UnitPerformance>> ReadFiguresAsync(string from, string to, string unit = "department")
    {
        var reply = await _supervisor.GetJsonAsync($"/api/supervision/performance?unit={unit}&from={from}&to={to}");
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
        return reply.Body.Deserialize<List<UnitPerformance>>(Json)!;
    }

    /// <summary>
    /// The figures from scratch, case by case: every case a fact of its lead department (received, completed, its
    /// cards, confirmed violations and rating); a task's cards and violations a fact of the task's department, never received.
    /// </summary>
    private async Task<List<UnitPerformance>> RecountAsync(DateOnly first, DateOnly last)
    {
        var hours = _factory.Services.GetRequiredService<BusinessHours>();
        var due = _factory.Services.GetRequiredService<DueInstantCalculator>();
        var period = EvaluationPeriod.Between("recount", first, last, hours);
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var cases = await (from c in db.Cases join i in db.Items on c.ItemCode equals i.Code select new { Case = c, i.Kind }).AsNoTracking().ToListAsync();
        var cards = await db.CaseEvents.AsNoTracking().Where(e => e.Action == "WarningRaised").ToListAsync();
        var confirmed = await db.Violations.AsNoTracking().Where(v => v.Review == "Confirmed").ToListAsync();
        var breached = await db.Complaints.AsNoTracking().Where(c => c.BreachedAt != null && c.CaseId != null).ToListAsync();

        var facts = new List<(string Department, CaseFacts Facts)>();
        foreach (var (c, kind) in cases.Select(x => (x.Case, x.Kind)))
        {
            var caseCards = cards.Where(e => e.CaseId == c.Id && period.Contains(e.At))
                .Select(e => (Department: IsCaseLevel(e.Detail!) ? c.LeadDepartmentCode : e.Detail!.Split(':')[0], Level: e.Detail!.Split(": ")[1])).ToList();
            var caseViolations = confirmed.Where(v => v.CaseId == c.Id && v.DepartmentCode is not null && period.Contains(v.ReviewedAt!.Value)).ToList();
            var delivered = c.Status == "Delivered";
            foreach (var department in caseCards.Select(x => x.Department).Concat(caseViolations.Select(v => v.DepartmentCode!)).Append(c.LeadDepartmentCode).Distinct())
            {
                var isLead = department == c.LeadDepartmentCode;
                facts.Add((department, new CaseFacts
                {
                    // Another department's fact never counts as received or completed.
                    ReceivedAt = isLead ? c.ReceivedAt : DateTimeOffset.MinValue,
                    CompletedAt = isLead && delivered ? c.ClosedAt : null,
                    Handling = CaseFacts.HandlingOf(Enum.Parse<ItemKind>(kind)),
                    PromisedDueAt = c.DueAt,
                    WorkingDaysUsed = isLead && delivered ? due.WorkingDaysUsed(c.AcceptedAt!.Value, c.ClosedAt!.Value, CaseStateJson.Deserialize(c.State).Suspensions) : null,
                    YellowCards = caseCards.Count(x => x.Department == department && x.Level == "Yellow"),
                    RedCards = caseCards.Count(x => x.Department == department && x.Level == "Red"),
                    ConfirmedViolations = caseViolations.Count(v => v.DepartmentCode == department),
                    // A complaint about the case not decided in time: against the department leading it.
                    ComplaintBreaches = isLead ? breached.Count(b => b.CaseId == c.Id && period.Contains(b.BreachedAt!.Value)) : 0,
                    Satisfaction = isLead && c.RatedAt is { } rated && period.Contains(rated) ? c.Rating : null,
                }));
            }
        }
        return [.. facts.GroupBy(f => f.Department)
            .Select(g => UnitPerformance.Of(new EvaluatedUnit(UnitKind.Department, g.Key, null!), period, PerformanceFigures.Of(g.Select(f => f.Facts), period)))
            .Where(u => u.Received + u.Completed + u.YellowCards + u.RedCards + u.ConfirmedViolations + u.ComplaintBreaches + u.Rated > 0)];
    }

    // The case's own cards and its window steps' (受理, 办结) are the lead department's.
    private static bool IsCaseLevel(string detail) =>
        detail.StartsWith("case:", StringComparison.Ordinal)
        || detail.StartsWith(WindowStep.SubjectOf(WindowStepKind.Acceptance) + ":", StringComparison.Ordinal)
        || detail.StartsWith(WindowStep.SubjectOf(WindowStepKind.Delivery) + ":", StringComparison.Ordinal);

    private static string Counters(PerformanceSnapshotRecord r) =>
        string.Join(',', r.Received, r.Completed, r.Immediate, r.Promised, r.CompletedEarly, r.WorkingDaysUsedSum, r.WorkingDaysUsedCount,
            r.YellowCards, r.RedCards, r.ConfirmedViolations, r.ComplaintBreaches, r.SatisfactionSum, r.SatisfactionCount, r.SatisfiedCount,
            r.Accepted, r.Refused, r.AcceptedOnTime, r.SupplementRequests);

    private static string Sum(List<PerformanceSnapshotRecord> rows) =>
        string.Join(',', rows.Sum(r => r.Received), rows.Sum(r => r.Completed), rows.Sum(r => r.Immediate), rows.Sum(r => r.Promised), rows.Sum(r => r.CompletedEarly),
            rows.Sum(r => r.WorkingDaysUsedSum), rows.Sum(r => r.WorkingDaysUsedCount), rows.Sum(r => r.YellowCards), rows.Sum(r => r.RedCards),
            rows.Sum(r => r.ConfirmedViolations), rows.Sum(r => r.ComplaintBreaches), rows.Sum(r => r.SatisfactionSum), rows.Sum(r => r.SatisfactionCount), rows.Sum(r => r.SatisfiedCount),
            rows.Sum(r => r.Accepted), rows.Sum(r => r.Refused), rows.Sum(r => r.AcceptedOnTime), rows.Sum(r => r.SupplementRequests));

    private async Task AddClerkAsync(string userName, string displayName, string window)
    {
        var hash = _factory.Services.GetRequiredService<Pbkdf2PasswordHasher>().Hash(DemoUsers.Password);
        await _factory.Services.GetRequiredService<EfUserStore>().SaveAsync(
            new UserAccount(new User($"test-{userName}", userName, displayName, Role.WindowClerk) { WindowCode = window }, hash));
    }

    private static async Task RateAsync(HttpClient applicant, string caseId, int score)
    {
        var rated = await applicant.PostJsonAsync($"/api/cases/{caseId}/rating", new { score });
        Assert.That(rated.Status, Is.EqualTo(HttpStatusCode.OK), rated.Text);
    }

    private async Task SweepAtAsync(string beijing)
    {
        _factory.At(beijing);
        await _factory.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
    }

    private static async Task AcceptAndInspectAsync(HttpClient clerk, HttpClient samr, string caseId)
    {
        var accepted = await clerk.PostJsonAsync($"/api/cases/{caseId}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        var resumed = await samr.PostJsonAsync($"/api/cases/{caseId}/clock/resume");
        Assert.That(resumed.Status, Is.EqualTo(HttpStatusCode.OK), resumed.Text);
    }

    private static async Task CompleteAsync(HttpClient clerk, HttpClient samr, HttpClient samrHead, string caseId)
    {
        var task = await samr.TaskOfAsync(caseId);
        var given = await samr.PostJsonAsync($"/api/cases/{caseId}/tasks/{task}/opinion", new { verdict = "Approve", reason = "符合条件" });
        Assert.That(given.Status, Is.EqualTo(HttpStatusCode.OK), given.Text);
        var decided = await samrHead.PostJsonAsync($"/api/cases/{caseId}/decision", new { });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        var delivered = await clerk.PostJsonAsync($"/api/cases/{caseId}/deliver");
        Assert.That(delivered["status"], Is.EqualTo("Delivered"), delivered.Text);
    }

    private static object FoodLicence(string shopName) => new
    {
        itemCode = "SP-JY-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
        form = new { shopName, businessType = "餐饮服务", operatorId = "11010519491231002X", address = "云城区" },
    };

    private static object ConstructionPermit => new
    {
        itemCode = "JS-SG-001",
        applicant = new { kind = "Organisation", idNumber = "91350100M000100Y43", name = "云浮市城建开发有限公司" },
        form = new { projectName = "滨江花园3号楼", constructionUnitCode = "91350100M000100Y43", buildingHeight = 30, investment = 8_000_000, address = "云城区" },
    };

    private static object Establishment => new
    {
        itemCode = "QY-SL-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
        form = new { companyName = "云浮市张三科技有限公司", registeredCapital = 100, businessScope = "软件开发", address = "云城区", legalRepresentativeId = "11010519491231002X" },
    };
}

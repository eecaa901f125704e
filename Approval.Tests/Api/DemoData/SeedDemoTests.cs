using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.DemoData;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Workflows.Applicants;
using Approval.Workflows.Cases;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.DemoData;

/// <summary>
/// <c>seed-demo</c> on a small history (200 cases over 30 days) on real SQLite: cases stand in every stage, overdue ones
/// carry their violations and red cards, their processes go on through the ordinary use cases, supervisors see them, and
/// the same seed makes the same history.
/// </summary>
public sealed class SeedDemoTests
{
    private const string Now = "2026-11-24 10:00:00";
    private static readonly string[] Arguments = ["--cases", "200", "--days", "30", "--seed", "7"];

    private CaseApiFactory _app = null!;
    private string _output = "";
    private List<string> _generated = [];

    [OneTimeSetUp]
    public async Task Generate()
    {
        _app = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, Now);
        (var exit, _output, var error) = await SeedAsync(_app, Arguments);
        Assert.That(exit, Is.Zero, error);
        _generated = await SummaryAsync(_app);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public async Task Cases_stand_in_every_stage_from_the_window_to_delivery()
    {
        var statuses = await ReadAsync(db => db.Cases.Select(c => c.Status).Distinct().ToListAsync());

        Assert.That(await ReadAsync(db => db.Cases.CountAsync()), Is.EqualTo(200));
        Assert.That(statuses, Is.SupersetOf(new[] { "Submitted", "InReview", "Suspended", "Decided", "Delivered", "Refused" }));
        Assert.That(_output, Does.Contain("Wrote 200 cases"));
    }

    [Test]
    public async Task Received_instants_lie_on_working_days_of_the_period_and_numbers_are_unique_and_of_the_submission_day()
    {
        var cases = await ReadAsync(db => db.Cases.Select(c => new { c.Number, c.ReceivedAt }).ToListAsync());
        var hours = _app.Services.GetRequiredService<Approval.Workflows.Calendar.BusinessHours>();
        var calendar = _app.Services.GetRequiredService<Approval.Workflows.Calendar.DueInstantCalculator>().Calendar;

        Assert.That(cases.Select(c => hours.DateOf(c.ReceivedAt)), Is.All.Matches<DateOnly>(calendar.IsWorkingDay));
        Assert.That(cases.Select(c => c.ReceivedAt), Is.All.InRange(ACaseTime(Now).AddDays(-31), ACaseTime(Now)));
        // A number is of the day of submission; a supplemented application is received anew later.
        Assert.That(cases.Select(c => c.Number).Distinct().Count(), Is.EqualTo(cases.Count));
        var days = cases.Select(c => (Submitted: c.Number[..8], Received: hours.DateOf(c.ReceivedAt).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(days, Is.All.Matches<(string Submitted, string Received)>(d => string.CompareOrdinal(d.Submitted, d.Received) <= 0));
    }

    [Test]
    public async Task Applicants_have_resident_ids_and_credit_codes_whose_check_characters_are_right()
    {
        var ids = await ReadAsync(db => db.Cases.Select(c => c.ApplicantIdNumber).ToListAsync());

        Assert.That(ids, Is.All.Matches<string>(id => ResidentIdNumber.TryParse(id, out _, out _) || UnifiedSocialCreditCode.TryParse(id, out _, out _)));
        Assert.That(ids.Count(id => id.StartsWith("91", StringComparison.Ordinal)), Is.Positive, "some applicants are enterprises");
        Assert.That(ids.Distinct().Count(), Is.GreaterThan(150), "applicants vary");
    }

    [Test]
    public async Task A_red_case_carries_its_overdue_violation_and_its_warning_lines()
    {
        var red = await ReadAsync(db => db.Cases.Where(c => c.Level == "Red").Select(c => c.Id).ToListAsync());
        var overdue = await ReadAsync(db => db.Violations.Where(v => v.Kind == "OverdueCase").Select(v => v.CaseId).ToListAsync());
        var redLines = await ReadAsync(db => db.CaseEvents.Where(e => e.Action == "WarningRaised" && e.Detail == "case: Red").Select(e => e.CaseId).ToListAsync());

        Assert.That(red, Is.Not.Empty);
        Assert.That(overdue, Is.EquivalentTo(red));
        Assert.That(redLines, Is.EquivalentTo(red));
        Assert.That(await ReadAsync(db => db.Violations.Select(v => v.Kind).Distinct().ToListAsync()), Has.Member("OverdueTask").And.Member("AcceptedBySilence"));
    }

    [Test]
    public async Task An_open_review_generated_case_is_reviewed_and_decided_through_the_use_cases()
    {
        var candidates = await ReadAsync(db => db.Cases.Where(c => c.Status == "InReview" && c.ItemCode == "QY-SL-001")
            .Where(c => db.CaseTasks.Any(t => t.CaseId == c.Id && t.Status == "Open")).OrderBy(c => c.Number).Select(c => c.Id).ToListAsync());
        var departments = _app.Services.GetRequiredService<DepartmentDesk>();
        Case? @case = null;
        // One whose departments have approved so far, so the decision can be one.
        foreach (var candidate in candidates)
        {
            @case = await LoadAsync(candidate);
            if (@case.Tasks.All(t => t.Opinion is null || t.Opinion.Verdict == Verdict.Approve))
                break;
        }
        Assert.That(@case, Is.Not.Null, "an enterprise registration in review");
        var caseId = @case!.Id;

        // Each by the reviewer holding the task, if one does: the step itself refuses anyone else.
        foreach (var task in @case.Tasks.Where(t => t.IsOpen).ToList())
            @case = await departments.GiveOpinionAsync(caseId, task.Id, Actor.Reviewer(task.ClaimedBy ?? $"{task.DepartmentCode}-reviewer", task.DepartmentCode), Verdict.Approve, null);
        @case = await departments.DecideAsync(caseId, Actor.Head("samr-head", "samr"), null, null);

        Assert.That(@case.Status, Is.EqualTo(CaseStatus.Decided));
        Assert.That(@case.Decision!.Verdict, Is.AnyOf(Verdict.Approve, Verdict.ApproveWithConditions));
        Assert.That(await ReadAsync(db => db.Bookmarks.Where(b => b.InstanceId == caseId).Select(b => b.Name).ToListAsync()), Is.EqualTo(new[] { "deliver" }));
    }

    [Test]
    public async Task Supervisors_see_the_generated_cases_in_the_overview_the_lists_and_the_rankings()
    {
        using var supervisor = await _app.CreateClientAsync(Role.Supervisor);
        var open = Case.OpenStatuses.Select(s => s.ToString()).ToList();
        var openRed = await ReadAsync(db => db.Cases.CountAsync(c => open.Contains(c.Status) && c.Level == "Red"));

        var overview = await supervisor.GetFromJsonAsync<JsonObject>("/api/supervision/overview");
        var redCases = await supervisor.GetFromJsonAsync<JsonObject>("/api/supervision/cases?level=Red&pageSize=10");
        var violations = await supervisor.GetFromJsonAsync<JsonObject>("/api/supervision/violations?pageSize=5");
        var ranking = await supervisor.GetFromJsonAsync<JsonObject>("/api/supervision/rankings?quarter=2026Q4&unit=department");

        Assert.That(overview!["openCases"]!.GetValue<int>(), Is.EqualTo(await ReadAsync(db => db.Cases.CountAsync(c => open.Contains(c.Status)))));
        Assert.That(overview["casesByLevel"]!["red"]!.GetValue<int>(), Is.EqualTo(openRed).And.Positive);
        Assert.That(redCases!["total"]!.GetValue<int>(), Is.EqualTo(openRed));
        Assert.That(violations!["total"]!.GetValue<int>(), Is.EqualTo(await ReadAsync(db => db.Violations.CountAsync())));
        var units = ranking!["units"]!.AsArray();
        Assert.That(units.Select(u => u!["unitCode"]!.GetValue<string>()), Has.Member("samr"));
        Assert.That(units.Sum(u => u!["figures"]!["completed"]!.GetValue<int>()), Is.Positive, "snapshots were built for the period");
    }

    [Test]
    public async Task The_same_seed_generates_the_same_cases()
    {
        await using var again = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, Now);
        var (exit, _, error) = await SeedAsync(again, Arguments);
        Assert.That(exit, Is.Zero, error);

        Assert.That(await SummaryAsync(again), Is.EqualTo(_generated));
    }

    [Test]
    public async Task Running_the_same_seed_twice_on_one_database_is_refused()
    {
        var (exit, _, error) = await SeedAsync(_app, Arguments);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("already holds the history of --seed 7"));
    }

    [TestCase(new[] { "--days", "30" }, "--cases is required")]
    [TestCase(new[] { "--cases", "0", "--days", "30" }, "--cases must be a whole number from 1")]
    [TestCase(new[] { "--cases", "10", "--days", "many" }, "--days must be a whole number")]
    [TestCase(new[] { "--cases", "10", "--days", "5", "--colour", "red" }, "unknown argument '--colour'")]
    [TestCase(new[] { "--cases", "10", "--days", "5", "--snapshots", "maybe" }, "--snapshots must be true or false")]
    [TestCase(new[] { "--cases", "10", "--days", "0" }, "--days must be a whole number from 1")]
    public async Task Bad_arguments_are_refused_with_exit_code_2_and_the_reason(string[] arguments, string reason)
    {
        var (exit, _, error) = await SeedAsync(_app, arguments);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain(reason));
    }

    private static async Task<(int Exit, string Output, string Error)> SeedAsync(CaseApiFactory app, string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await SeedDemoCommand.RunAsync(app.Services, arguments, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    // What a case is, less the ids the engine draws at random for bookmarks (and so tasks).
    private static async Task<List<string>> SummaryAsync(CaseApiFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var cases = await db.Cases.OrderBy(c => c.Id).Select(c => new { c.Id, c.Number, c.QueryCode, c.ItemCode, c.ApplicantIdNumber, c.Status, c.Level, c.ReceivedAt, c.DueAt, c.ClosedAt }).ToListAsync();
        var events = await db.CaseEvents.GroupBy(e => e.CaseId).Select(g => new { CaseId = g.Key, Count = g.Count(), Last = g.Max(e => e.At) }).ToDictionaryAsync(g => g.CaseId);
        return [.. cases.Select(c => $"{c} {events[c.Id].Count} {events[c.Id].Last:O}")];
    }

    private async Task<Case> LoadAsync(string caseId)
    {
        await using var session = await _app.Services.GetRequiredService<ICaseSessions>().OpenAsync();
        return (await session.FindAsync(caseId))!;
    }

    [Test]
    public async Task Generated_applicants_stand_in_every_standing_the_store_keeps_their_records_and_none_excluded_got_a_promise()
    {
        var used = await ReadAsync(db => (from e in db.CaseEvents
                                          join c in db.Cases on e.CaseId equals c.Id
                                          where e.Action == "CreditStandingUsed"
                                          select new { e.CaseId, Standing = e.Reason, c.ApplicantIdNumber }).ToListAsync());
        var records = await ReadAsync(db => db.CreditRecords.Where(r => r.Id.StartsWith("gen-")).Select(r => new { r.SubjectId, r.Kind }).ToListAsync());
        var promised = await ReadAsync(db => db.CaseEvents.Where(e => e.Action == "AcceptedWithMissingMaterials").Select(e => e.CaseId).ToListAsync());

        Assert.That(used.Select(u => u.Standing).Distinct(), Is.EquivalentTo(new[] { "Good", "Fair", "Warned", "Dishonest" }), "a realistic share in each standing");
        Assert.That(used.Count(u => u.Standing == "Good"), Is.GreaterThan(used.Count / 2), "most applicants are in good standing");
        var withRecords = records.Select(r => r.SubjectId).ToHashSet();
        Assert.That(used.Where(u => u.Standing != "Good").Select(u => u.ApplicantIdNumber), Is.All.Matches<string>(withRecords.Contains),
            "the store has the record each standing came from");
        Assert.That(records.Select(r => r.Kind).Distinct(), Is.EquivalentTo(new[] { "AdministrativePenalty", "BrokenPromise", "DishonestJudgmentDebtor" }));
        var excluded = used.Where(u => u.Standing is "Warned" or "Dishonest").Select(u => u.CaseId).ToHashSet();
        Assert.That(promised, Is.Not.Empty, "容缺 happens");
        Assert.That(promised.Where(excluded.Contains), Is.Empty, "a 警示/失信 applicant was accepted the ordinary way");
        Assert.That(_output, Does.Contain("credit: "));
    }

    private async Task<T> ReadAsync<T>(Func<ApprovalDbContext, Task<T>> read)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        return await read(db);
    }

    private static DateTimeOffset ACaseTime(string beijing) => Approval.Tests.Workflows.Cases.ACase.Beijing(beijing);
}

using System.Data.Common;
using System.Globalization;
using System.Net;
using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Cases;

/// <summary>
/// Issue #13 over HTTP: the step decides who acts (another department cannot restart a clock it did not stop), the raw
/// engine API leaves a case's process alone, the applicant does not read the staff's violations, and departments'
/// opinions given at the same moment all land — on SQLite and PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class StepAccessOverHttpTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static readonly string[] Departments = ["samr", "tax", "eco", "fire", "health", "hrss"];

    private static object Application(string company) => new
    {
        itemCode = "QY-SL-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
        form = new { companyName = company, registeredCapital = 1, businessScope = "咨询", address = "云城区", legalRepresentativeId = "11010519491231002X" },
    };

    private async Task<string> InReviewAsync(string company)
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(Application(company));
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        return id;
    }

    [Test]
    public async Task A_clock_stopped_by_the_fire_department_is_restarted_by_it_alone_not_by_the_lead_nor_another_reviewer()
    {
        var id = await InReviewAsync("甲公司");
        using var fire = await Factory.CreateClientAsync("fire-reviewer");
        var suspended = await fire.PostJsonAsync($"/api/cases/{id}/clock/suspend", new { reason = "消防设计需组织专家评审", expectedDays = 5 });
        Assert.That(suspended.Status, Is.EqualTo(HttpStatusCode.OK), suspended.Text);

        foreach (var other in new[] { "tax-reviewer", "samr-reviewer", "samr-head" })
        {
            using var client = await Factory.CreateClientAsync(other);
            var resumed = await client.PostJsonAsync($"/api/cases/{id}/clock/resume");
            Assert.That(resumed.Status, Is.EqualTo(HttpStatusCode.Forbidden), $"{other}: {resumed.Text}");
            Assert.That(resumed.Text, Does.Contain("fire"), "the problem says whose clock it is");
        }
        using var housing = await Factory.CreateClientAsync("housing-reviewer");
        Assert.That((await housing.PostJsonAsync($"/api/cases/{id}/clock/resume")).Status, Is.EqualTo(HttpStatusCode.NotFound), "a department not on the case does not see it");
        using var applicant = await Factory.CreateClientAsync("applicant");
        Assert.That((await applicant.GetJsonAsync($"/api/cases/{id}")).Body!["status"]!.GetValue<string>(), Is.EqualTo("Suspended"));

        using var fireHead = await Factory.CreateClientAsync("fire-head");
        var restarted = await fireHead.PostJsonAsync($"/api/cases/{id}/clock/resume");
        Assert.That(restarted.Status, Is.EqualTo(HttpStatusCode.OK), restarted.Text);
        Assert.That(restarted.Body!["status"]!.GetValue<string>(), Is.EqualTo("InReview"));
    }

    [Test]
    public async Task The_raw_engine_api_refuses_to_move_a_cases_process_and_the_case_goes_on()
    {
        var id = await InReviewAsync("乙公司");
        using var admin = await Factory.CreateClientAsync("admin");
        var instance = await admin.GetJsonAsync($"/api/workflow-instances/{id}");
        Assert.That(instance.Status, Is.EqualTo(HttpStatusCode.OK), "the instance is readable");
        var review = instance.Body!["bookmarks"]!.AsArray().First()!["id"]!.GetValue<string>();

        // The reported way to strand a case: resume a review bookmark with an empty body, then cancel the instance.
        var resumed = await admin.PostJsonAsync($"/api/workflow-instances/{id}/bookmarks/{review}/resume", new { });
        var cancelled = await admin.PostJsonAsync($"/api/workflow-instances/{id}/cancel");
        var retried = await admin.PostJsonAsync($"/api/workflow-instances/{id}/incidents/any/retry");
        foreach (var refused in new[] { resumed, cancelled, retried })
        {
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict), refused.Text);
            Assert.That(refused.Body!["detail"]!.GetValue<string>(), Does.Contain("corrections").And.Contain(id));
        }

        foreach (var department in Departments)
        {
            using var reviewer = await Factory.CreateClientAsync($"{department}-reviewer");
            var given = await reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{await reviewer.TaskOfAsync(id)}/opinion", new { verdict = "Approve" });
            Assert.That(given.Status, Is.EqualTo(HttpStatusCode.OK), given.Text);
        }
        using var head = await Factory.CreateClientAsync("samr-head");
        var decided = await head.PostJsonAsync($"/api/cases/{id}/decision");
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        Assert.That(decided.Body!["status"]!.GetValue<string>(), Is.EqualTo("Decided"));
    }

    [Test]
    public async Task An_instance_of_no_case_is_still_moved_by_the_raw_engine_api()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var cancelled = await admin.PostJsonAsync("/api/workflow-instances/no-such-instance/cancel");
        Assert.That(cancelled.Status, Is.Not.EqualTo(HttpStatusCode.Conflict), "the refusal is for cases' processes only");
    }

    [Test]
    public async Task The_applicant_reads_their_case_but_not_the_violations_naming_the_clerk()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(Application("丙公司"));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/supplement-requests", new { missingMaterials = new[] { "章程" } })).Status, Is.EqualTo(HttpStatusCode.OK));
        // 补正不一次告知: a second request on the unchanged application is refused and recorded as the clerk's violation.
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/supplement-requests", new { missingMaterials = new[] { "股东会决议" } })).Status, Is.EqualTo(HttpStatusCode.Conflict));
        var staffView = await clerk.GetJsonAsync($"/api/cases/{id}");
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var supervised = await supervisor.GetJsonAsync($"/api/cases/{id}");
        Assert.That(supervised.Body!["violations"]!.AsArray(), Is.Not.Empty, "the staff's record is there for supervisors: " + supervised.Text);
        Assert.That(staffView.Body!["violations"]!.AsArray(), Is.Not.Empty);
        var staffTimeline = await supervisor.GetJsonAsync($"/api/cases/{id}/timeline");
        Assert.That(staffTimeline.Body!.AsArray().Select(e => e!["action"]!.GetValue<string>()), Does.Contain("ViolationRecorded"));

        var own = await applicant.GetJsonAsync($"/api/cases/{id}");
        Assert.That(own.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(own.Body!["violations"]!.AsArray(), Is.Empty, "the applicant sees the case, not the staff's disciplinary record");
        var timeline = await applicant.GetJsonAsync($"/api/cases/{id}/timeline");
        var actions = timeline.Body!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.That(actions, Does.Contain("Submitted").And.Contain("SupplementRequested"), "the applicant follows their case");
        Assert.That(actions, Does.Not.Contain("ViolationRecorded").And.Not.Contain("WarningRaised").And.Not.Contain("NoticeIssued"));
    }

    [Test]
    public async Task Opinions_given_at_the_same_moment_by_every_department_on_two_nodes_all_land_and_the_case_waits_for_one_decision()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add(await InReviewAsync($"并发公司{i}"));
        await using var second = Factory.AnotherNode();
        var reviewers = new Dictionary<string, HttpClient>();
        foreach (var (department, n) in Departments.Select((d, n) => (d, n)))
            reviewers[department] = await (n % 2 == 0 ? Factory : second).CreateClientAsync($"{department}-reviewer");
        var work = new List<(string Id, string Department, string Task)>();
        foreach (var id in ids)
            foreach (var department in Departments)
                work.Add((id, department, await reviewers[department].TaskOfAsync(id)));

        using var start = new SemaphoreSlim(0);
        var given = work.Select(async w =>
        {
            await start.WaitAsync();
            return await reviewers[w.Department].PostJsonAsync($"/api/cases/{w.Id}/tasks/{w.Task}/opinion", new { verdict = "Approve" });
        }).ToList();
        start.Release(work.Count);
        var replies = await Task.WhenAll(given);
        foreach (var client in reviewers.Values)
            client.Dispose();

        Assert.That(replies.Where(r => r.Status != HttpStatusCode.OK).Select(r => r.Text), Is.Empty, "no reviewer sees an error for doing their job");
        using var admin = await Factory.CreateClientAsync("admin");
        using var head = await Factory.CreateClientAsync("samr-head");
        foreach (var id in ids)
        {
            var saved = await admin.GetJsonAsync($"/api/cases/{id}");
            Assert.That(saved.Departments("Completed"), Is.EquivalentTo(Departments), "every opinion recorded");
            var timeline = await admin.GetJsonAsync($"/api/cases/{id}/timeline");
            Assert.That(timeline.Body!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "OpinionGiven"), Is.EqualTo(Departments.Length), "each once");
            var instance = await admin.GetJsonAsync($"/api/workflow-instances/{id}");
            Assert.That(instance.Body!["bookmarks"]!.AsArray().Select(b => b!["name"]?.GetValue<string>()), Is.EqualTo(new[] { "decision" }),
                "the process waits for the lead's decision, once");
            Assert.That((await head.PostJsonAsync($"/api/cases/{id}/decision")).Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await head.PostJsonAsync($"/api/cases/{id}/decision")).Status, Is.EqualTo(HttpStatusCode.Conflict), "decided once");
        }
    }

    // Two writers waiting for each other: the step has deleted the case's task rows (to write them anew) and waits for the
    // audit head, which another transaction holds while it asks for those rows. PostgreSQL ends the step's transaction with
    // 40P01 (its wait began first, so its deadlock check finds the cycle); the step tries again once the other ends, as after
    // any collision, instead of answering 500. SQLite has one writer: the step waits for the other transaction and goes on.
    [Test]
    public async Task An_opinion_caught_in_a_deadlock_with_another_writer_is_saved_once_the_other_ends()
    {
        var id = await InReviewAsync("丙公司");
        using var reviewer = await Factory.CreateClientAsync("tax-reviewer");
        var task = await reviewer.TaskOfAsync(id);
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var other = await connection.BeginTransactionAsync();
        var postgres = provider == DatabaseProvider.PostgreSql;
        await ScalarAsync(connection, other, postgres ? """SELECT 1 FROM "AuditHead" WHERE "Id" = 1 FOR UPDATE""" : """UPDATE "AuditHead" SET "Id" = 1 WHERE "Id" = 1""");

        var opinion = reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "Approve" });
        if (postgres)
        {
            for (var tries = 0; await LockWaitersAsync() == 0; tries++)
            {
                Assert.That(tries, Is.LessThan(1000), "the step never waited for the audit head");
                await Task.Delay(10);
            }
            await ScalarAsync(connection, other, $"""SELECT count(*) FROM (SELECT 1 FROM "CaseTasks" WHERE "CaseId" = '{id}' FOR UPDATE) AS locked""");
        }
        else
            await Task.Delay(TimeSpan.FromSeconds(1));

        // pg_stat_activity is read once per transaction (stats_fetch_consistency = cache): each look clears that snapshot.
        async Task<long> LockWaitersAsync()
        {
            const string waiting = """SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()""";
            await ScalarAsync(connection, other, "SELECT pg_stat_clear_snapshot()");
            return Convert.ToInt64(await ScalarAsync(connection, other, waiting), CultureInfo.InvariantCulture);
        }

        await other.RollbackAsync();

        var reply = await opinion;
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
        using var admin = await Factory.CreateClientAsync("admin");
        var timeline = await admin.GetJsonAsync($"/api/cases/{id}/timeline");
        Assert.That(timeline.Body!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "OpinionGiven"), Is.EqualTo(1));
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}

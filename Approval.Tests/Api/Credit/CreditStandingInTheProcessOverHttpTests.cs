using System.Net;
using Approval.Api.Credit;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Workflows.Applicants;
using Approval.Workflows.Cases;
using Approval.Workflows.Credit;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Credit;

/// <summary>
/// The standing reaching the process, over HTTP on SQLite and PostgreSQL: 容缺受理 only for an applicant in good standing
/// (a 失信 one is refused, the record named, and no 容缺 case of theirs can exist); the timeline keeps the standing the
/// acceptance used; a warned applicant's construction permit takes the extra credit review (the definition reads
/// <c>input.applicant.credit</c>); a broken promise writes a bad record by itself, and the applicant's next application
/// takes the other path. 告知承诺 (the commitment path) is in <c>CreditStandingInTheProcessOverHttpTests.Commitment.cs</c>.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public partial class CreditStandingInTheProcessOverHttpTests(DatabaseProvider provider)
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

    /// <summary>个体工商户登记 (immediate) for a walk-in person; 经营场所使用证明 (premises) may follow under a promise.</summary>
    private static object Shop(string idNumber, string name) => new
    {
        itemCode = "GT-DJ-001",
        applicant = new { kind = "Person", idNumber, name, phone = "13800000000" },
        form = new { businessName = $"云城区{name}小吃店", operatorId = idNumber, businessScope = "小吃服务", address = "云浮市云城区兴云西路8号" },
    };

    private static object Promise(string by) => new { missingMaterials = new[] { "premises" }, promisedBy = by };

    private static async Task<IReadOnlyList<(string Action, string? Reason, string? Detail)>> TimelineAsync(HttpClient client, string caseId)
    {
        var timeline = await client.GetJsonAsync($"/api/cases/{caseId}/timeline");
        Assert.That(timeline.Status, Is.EqualTo(HttpStatusCode.OK), timeline.Text);
        return [.. timeline.Body!.AsArray().Select(e => (e!["action"]!.GetValue<string>(), e["reason"]?.GetValue<string>(), e["detail"]?.GetValue<string>()))];
    }

    [Test]
    public async Task A_dishonest_applicant_is_refused_acceptance_under_a_promise_naming_the_record_and_is_accepted_the_ordinary_way()
    {
        var (subject, name) = DemoCreditRecords.Subjects[CreditStanding.Dishonest];
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await clerk.SubmitAsync(Shop(subject, name));

        Factory.At("2026-11-24T10:00:00");
        var refused = await clerk.PostJsonAsync($"/api/cases/{id}/accept", Promise("2026-11-24"));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict), refused.Text);
        Assert.That(refused["detail"], Does.Contain("Dishonest").And.Contain("（2026）粤5381执123号").And.Contain("DishonestJudgmentDebtor"));
        var unchanged = await clerk.GetJsonAsync($"/api/cases/{id}");
        Assert.That(unchanged["status"], Is.EqualTo("Submitted"), "nothing of the refused step was saved");
        Assert.That((await TimelineAsync(clerk, id)).Select(l => l.Action), Has.None.EqualTo(nameof(CaseAction.CreditStandingUsed)));

        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        var used = (await TimelineAsync(clerk, id)).Single(l => l.Action == nameof(CaseAction.CreditStandingUsed));
        Assert.That(used.Reason, Is.EqualTo("Dishonest"));
        Assert.That(used.Detail, Does.Contain("（2026）粤5381执123号"));
        Assert.That(accepted.Body!["promise"], Is.Null, "no promise was taken from a 失信 applicant");
    }

    [Test]
    public async Task A_warned_applicants_construction_permit_takes_the_credit_review_and_a_good_applicants_does_not()
    {
        var (warned, company) = DemoCreditRecords.Subjects[CreditStanding.Warned];
        using var clerk = await Factory.CreateClientAsync("clerk");
        var application = new
        {
            itemCode = "JS-SG-001",
            applicant = new { kind = "Organisation", idNumber = warned, name = company, phone = "07668888888" },
            form = new { projectName = "云浮市警示商贸仓库", constructionUnitCode = warned, buildingHeight = 20, investment = 3_000_000, address = "云浮市云城区滨江路20号" },
        };
        var (id, _, _) = await clerk.SubmitAsync(application);
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        Assert.That(accepted.Departments(), Is.EquivalentTo(new[] { "housing", "planning", "fire", "samr" }), "信用核查 by 市场监管局");
        Assert.That((await TimelineAsync(clerk, id)).Single(l => l.Action == nameof(CaseAction.CreditStandingUsed)).Reason, Is.EqualTo("Warned"));

        // The credit review is a review like the others: the lead decides once it and the others have answered.
        using var samr = await Factory.CreateClientAsync("samr-reviewer");
        var review = await samr.PostJsonAsync($"/api/cases/{id}/tasks/{await samr.TaskOfAsync(id)}/opinion",
            new { verdict = "ApproveWithConditions", reason = "承诺失信记录在有效期内，竣工验收前须补齐承诺材料" });
        Assert.That(review.Status, Is.EqualTo(HttpStatusCode.OK), review.Text);

        using var enterprise = await Factory.CreateClientAsync("enterprise");
        var (good, _, _) = await enterprise.SubmitAsync(ConstructionPermitOverHttpTests.Application(height: 30, investment: 8_000_000));
        var ordinary = await clerk.PostJsonAsync($"/api/cases/{good}/accept");
        Assert.That(ordinary.Departments(), Is.EquivalentTo(new[] { "housing", "planning", "fire" }));
        Assert.That((await TimelineAsync(clerk, good)).Single(l => l.Action == nameof(CaseAction.CreditStandingUsed)).Reason, Is.EqualTo("Good"));
    }

    [Test]
    public async Task A_broken_promise_writes_a_bad_record_with_the_case_as_evidence_and_the_next_application_takes_the_other_path()
    {
        var person = "44530219900101001" + ResidentIdNumber.CheckDigitOf("44530219900101001");
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var (first, number, _) = await clerk.SubmitAsync(Shop(person, "赵承诺"));

        Factory.At("2026-11-24T10:00:00");
        var promised = await clerk.PostJsonAsync($"/api/cases/{first}/accept", Promise("2026-11-24"));
        Assert.That(promised.Status, Is.EqualTo(HttpStatusCode.OK), promised.Text);
        Assert.That((await TimelineAsync(clerk, first)).Single(l => l.Action == nameof(CaseAction.CreditStandingUsed)).Reason, Is.EqualTo("Good"));

        // 即办件: the premises were promised for the same day; at its close of business the promise is broken.
        Factory.At("2026-11-24T17:30:00");
        var sweep = Factory.Services.GetRequiredService<AcceptanceDeadlines>();
        await sweep.TerminateBrokenPromisesAsync();
        await sweep.TerminateBrokenPromisesAsync();
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{first}"))["status"], Is.EqualTo("Terminated"));

        var standing = await supervisor.GetJsonAsync($"/api/credit/subjects/{person}");
        Assert.That(standing["standing"], Is.EqualTo("Warned"), standing.Text);
        var record = standing.Body!["records"]!.AsArray().Single()!;
        Assert.That(record["kind"]!.GetValue<string>(), Is.EqualTo("BrokenPromise"));
        Assert.That(record["evidenceCaseId"]!.GetValue<string>(), Is.EqualTo(first));
        Assert.That(record["documentNumber"]!.GetValue<string>(), Is.EqualTo(number));
        Assert.That(record["sourceDepartmentCode"]!.GetValue<string>(), Is.EqualTo("samr"));
        Assert.That(record["recordedBy"]!.GetValue<string>(), Is.EqualTo("system"));

        Factory.At("2026-11-25T09:30:00");
        var (second, _, _) = await clerk.SubmitAsync(Shop(person, "赵承诺"));
        var refused = await clerk.PostJsonAsync($"/api/cases/{second}/accept", Promise("2026-11-25"));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict), refused.Text);
        Assert.That(refused["detail"], Does.Contain("Warned").And.Contain(number).And.Contain("BrokenPromise"));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{second}/accept")).Status, Is.EqualTo(HttpStatusCode.OK), "the ordinary path is open");
        Assert.That((await TimelineAsync(clerk, second)).Single(l => l.Action == nameof(CaseAction.CreditStandingUsed)).Reason, Is.EqualTo("Warned"));

        // The first case keeps the standing it was accepted with, and the standing as of then is still Good.
        Assert.That((await TimelineAsync(clerk, first)).Single(l => l.Action == nameof(CaseAction.CreditStandingUsed)).Reason, Is.EqualTo("Good"));
        Assert.That((await supervisor.GetJsonAsync($"/api/credit/subjects/{person}?at=2026-11-24T12:00:00%2B08:00"))["standing"], Is.EqualTo("Good"));
    }

    [Test]
    public async Task The_supervisors_report_counts_the_promises_kept_broken_and_open_per_item_and_department()
    {
        using var clerk = await Factory.CreateClientAsync("clerk");
        var people = Enumerable.Range(1, 3).Select(i => $"4453021990010200{i}" + ResidentIdNumber.CheckDigitOf($"4453021990010200{i}")).ToList();
        var cases = new List<string>();
        foreach (var person in people)
            cases.Add((await clerk.SubmitAsync(Shop(person, "钱守诺"))).Id);
        Factory.At("2026-11-24T10:00:00");
        foreach (var id in cases)
            Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept", Promise("2026-11-24"))).Status, Is.EqualTo(HttpStatusCode.OK));
        // The first keeps its promise; the second breaks it; the third is still owed when the report is read before the deadline.
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{cases[0]}/promised-materials", new { materialCodes = new[] { "premises" } })).Status, Is.EqualTo(HttpStatusCode.OK));
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var before = await supervisor.GetJsonAsync("/api/supervision/promises?from=2026-11-24&to=2026-11-24");
        Assert.That(before.Status, Is.EqualTo(HttpStatusCode.OK), before.Text);
        var row = before.Body!.AsArray().Single()!;
        Assert.That((row["itemCode"]!.GetValue<string>(), row["departmentCode"]!.GetValue<string>(), row["made"]!.GetValue<int>(), row["kept"]!.GetValue<int>(), row["open"]!.GetValue<int>()),
            Is.EqualTo(("GT-DJ-001", "samr", 3, 1, 2)));

        Factory.At("2026-11-24T17:30:00");
        await Factory.Services.GetRequiredService<AcceptanceDeadlines>().TerminateBrokenPromisesAsync();
        var after = (await supervisor.GetJsonAsync("/api/supervision/promises?from=2026-11-24&to=2026-11-24")).Body!.AsArray().Single()!;
        Assert.That((after["made"]!.GetValue<int>(), after["kept"]!.GetValue<int>(), after["broken"]!.GetValue<int>(), after["open"]!.GetValue<int>()), Is.EqualTo((3, 1, 2, 0)));
        Assert.That(after["keptRate"]!.GetValue<decimal>(), Is.EqualTo(33.33m));
        Assert.That((await supervisor.GetJsonAsync("/api/supervision/promises?from=2026-11-25&to=2026-11-25")).Body!.AsArray(), Is.Empty, "none made that day");
        using var applicant = await Factory.CreateClientAsync("applicant");
        Assert.That((await applicant.GetJsonAsync("/api/supervision/promises")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}

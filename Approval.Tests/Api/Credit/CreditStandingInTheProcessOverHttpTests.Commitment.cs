using System.Net;
using Approval.Api.Credit;
using Approval.Tests.Api.WorkLists;
using Approval.Workflows.Applicants;
using Approval.Workflows.Cases;
using Approval.Workflows.Credit;
using Approval.Workflows.Notifications;
using Approval.Tests.Api.Notifications;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Credit;

/// <summary>
/// 告知承诺 as its own acceptance path, over HTTP: 个体工商户登记 (GT-DJ-001) offers it (住所申报承诺制, the premises committed
/// to and verified by 市场监管局 within 20 working days of the decision); 食品经营许可 (SP-JY-001) does not. Accepted on the
/// signed statement, decided without checking; verified afterwards: kept, a line of the timeline; false, the decision
/// revoked and a BrokenPromise record written with it, and the applicant's next application is refused both promises.
/// </summary>
public partial class CreditStandingInTheProcessOverHttpTests
{
    private const string Statement = "本人承诺对兴云西路8号经营场所享有合法使用权，该场所符合经营要求；如有不实，愿承担撤销登记等法律责任。";

    private static object Commitment(string statement = Statement) => new { commitment = new { statement } };

    private static string GoodPerson(int n) => $"4453021990010300{n}" + ResidentIdNumber.CheckDigitOf($"4453021990010300{n}");

    private async Task<string> DecidedUnderCommitmentAsync(HttpClient clerk, HttpClient samrHead, string person, string name)
    {
        var (id, _, _) = await clerk.SubmitAsync(Shop(person, name));
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept", Commitment());
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        var decided = await samrHead.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        return id;
    }

    [Test]
    public async Task Commitment_is_refused_for_an_item_that_does_not_offer_it_and_to_a_dishonest_applicant_naming_the_record()
    {
        using var clerk = await Factory.CreateClientAsync("clerk");
        Factory.At("2026-11-24T10:00:00");

        var (dishonest, name) = DemoCreditRecords.Subjects[CreditStanding.Dishonest];
        var (shop, _, _) = await clerk.SubmitAsync(Shop(dishonest, name));
        var refused = await clerk.PostJsonAsync($"/api/cases/{shop}/accept", Commitment());
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict), refused.Text);
        Assert.That(refused["detail"], Does.Contain("Dishonest").And.Contain("（2026）粤5381执123号").And.Contain("DishonestJudgmentDebtor"));
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{shop}"))["status"], Is.EqualTo("Submitted"), "nothing of the refused step was saved");

        var food = new
        {
            itemCode = "SP-JY-001",
            applicant = new { kind = "Person", idNumber = GoodPerson(1), name = "孙食品", phone = "13800000000" },
            form = new { shopName = "孙记小吃", businessType = "餐饮服务", operatorId = GoodPerson(1), area = 40, address = "云浮市云城区兴云西路9号" },
        };
        var (foodCase, _, _) = await clerk.SubmitAsync(food);
        var notOffered = await clerk.PostJsonAsync($"/api/cases/{foodCase}/accept", Commitment());
        Assert.That(notOffered.Status, Is.EqualTo(HttpStatusCode.Conflict), notOffered.Text);
        Assert.That(notOffered["detail"], Does.Contain("食品经营许可 does not offer 告知承诺"));
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{foodCase}"))["status"], Is.EqualTo("Submitted"));

        // Both promises at once, or a commitment with no statement, are refused before the domain sees them.
        var (good, _, _) = await clerk.SubmitAsync(Shop(GoodPerson(2), "周承诺"));
        var both = await clerk.PostJsonAsync($"/api/cases/{good}/accept", new { missingMaterials = new[] { "premises" }, promisedBy = "2026-11-24", commitment = new { statement = Statement } });
        Assert.That(both.Status, Is.EqualTo(HttpStatusCode.BadRequest), both.Text);
        Assert.That(both.Text, Does.Contain("commitment"));
        var blank = await clerk.PostJsonAsync($"/api/cases/{good}/accept", Commitment("  "));
        Assert.That(blank.Status, Is.EqualTo(HttpStatusCode.BadRequest), blank.Text);
        Assert.That(blank.Text, Does.Contain("commitment.statement"));
        Assert.That((await clerk.GetJsonAsync($"/api/cases/{good}"))["status"], Is.EqualTo("Submitted"));
    }

    [Test]
    public async Task A_kept_commitment_is_recorded_and_a_false_one_revokes_the_decision_writes_a_record_and_refuses_the_next_promises()
    {
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var samrHead = await Factory.CreateClientAsync("samr-head");
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        Factory.At("2026-11-24T10:00:00");
        var (honest, liar, owing) = (GoodPerson(3), GoodPerson(4), GoodPerson(5));

        // Accepted on the statement, decided at once: the verification is due 20 working days after the decision.
        var kept = await DecidedUnderCommitmentAsync(clerk, samrHead, honest, "吴守信");
        var keptCase = await clerk.GetJsonAsync($"/api/cases/{kept}");
        Assert.That(keptCase["status"], Is.EqualTo("Decided"));
        var commitment = keptCase.Body!["commitment"]!;
        Assert.That(commitment["statement"]!.GetValue<string>(), Is.EqualTo(Statement));
        Assert.That(commitment["materialCodes"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "premises" }));
        Assert.That(Instant(commitment["verificationDueAt"]), Is.EqualTo(Beijing("2026-12-22T17:30:00")), "20 working days from 11-24");
        Assert.That((await TimelineAsync(clerk, kept)).Select(l => l.Action), Does.Contain(nameof(CaseAction.AcceptedUnderCommitment)));
        Assert.That((await TimelineAsync(clerk, kept)).Single(l => l.Action == nameof(CaseAction.CreditStandingUsed)).Reason, Is.EqualTo("Good"));

        var revoked = await DecidedUnderCommitmentAsync(clerk, samrHead, liar, "郑不实");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{revoked}/deliver")).Status, Is.EqualTo(HttpStatusCode.OK), "the licence is handed out before the check");
        var (promised, _, _) = await clerk.SubmitAsync(Shop(owing, "王容缺"));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{promised}/accept", Promise("2026-11-24"))).Status, Is.EqualTo(HttpStatusCode.OK));

        var awaiting = await samrHead.RowsAsync("/api/department/awaiting-verification");
        Assert.That(awaiting.Select(r => r.Text("caseId")), Is.EquivalentTo(new[] { kept, revoked }), "待核查");

        // Only the lead department's head records it, with a finding.
        using var samrReviewer = await Factory.CreateClientAsync("samr-reviewer");
        Assert.That((await samrReviewer.PostJsonAsync($"/api/cases/{kept}/commitment-verification", new { kept = true, finding = "现场核查属实" })).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        var noFinding = await samrHead.PostJsonAsync($"/api/cases/{kept}/commitment-verification", new { kept = true });
        Assert.That(noFinding.Status, Is.EqualTo(HttpStatusCode.BadRequest), noFinding.Text);
        Assert.That(noFinding.Text, Does.Contain("finding"));

        Factory.At("2026-12-01T10:00:00");
        var verified = await samrHead.PostJsonAsync($"/api/cases/{kept}/commitment-verification", new { kept = true, finding = "现场核查：经营场所租赁合同真实有效，与承诺一致" });
        Assert.That(verified.Status, Is.EqualTo(HttpStatusCode.OK), verified.Text);
        Assert.That(verified["status"], Is.EqualTo("Decided"));
        Assert.That(verified.Body!["commitment"]!["verification"]!["kept"]!.GetValue<bool>(), Is.True);
        Assert.That((await TimelineAsync(clerk, kept)).Single(l => l.Action == nameof(CaseAction.CommitmentVerified)).Reason, Is.EqualTo("Kept"));
        Assert.That((await samrHead.PostJsonAsync($"/api/cases/{kept}/commitment-verification", new { kept = false, finding = "再次核查" })).Status,
            Is.EqualTo(HttpStatusCode.Conflict), "verified once");
        Assert.That((await supervisor.GetJsonAsync($"/api/credit/subjects/{honest}")).Body!["records"]!.AsArray(), Is.Empty, "a kept commitment writes no record");

        var sealedBefore = (await clerk.GetJsonAsync($"/api/cases/{revoked}/documents")).Body!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();
        Assert.That(sealedBefore, Is.Not.Empty, "the grant was sealed at the decision");
        var found = await samrHead.PostJsonAsync($"/api/cases/{revoked}/commitment-verification", new { kept = false, finding = "现场核查：该地址为住宅，申请人无使用权证明" });
        Assert.That(found.Status, Is.EqualTo(HttpStatusCode.OK), found.Text);
        Assert.That(found["status"], Is.EqualTo("Revoked"));
        Assert.That((await TimelineAsync(clerk, revoked)).Select(l => l.Action), Does.Contain(nameof(CaseAction.DecisionRevoked)));
        // The revoked grant and its licence stay genuine documents, but anyone checking them is told the decision no longer holds.
        using var anyone = Factory.CreateClient();
        var revokedNumber = (await clerk.GetJsonAsync($"/api/cases/{revoked}"))["number"]!;
        var toldRevoked = (await ApplicantFeedback.SmsSinkAsync(Factory))
            .Where(s => s["Kind"]!.GetValue<string>() == nameof(NotificationKind.DecisionRevoked) && s["CaseNumber"]?.GetValue<string>() == revokedNumber).ToList();
        Assert.That(toldRevoked.Select(s => s["Text"]!.GetValue<string>()), Has.One.Contains("撤销"), "the walk-in applicant is told by SMS, once");
        foreach (var document in sealedBefore)
        {
            var check = await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(revokedNumber)}&doc={document}");
            Assert.That(check["verdict"], Is.EqualTo("DecisionRevoked"), check.Text);
        }
        var keptDocument = (await clerk.GetJsonAsync($"/api/cases/{kept}/documents")).Body!.AsArray()[0]!["id"]!.GetValue<string>();
        var keptNumber = (await clerk.GetJsonAsync($"/api/cases/{kept}"))["number"]!;
        Assert.That((await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(keptNumber)}&doc={keptDocument}"))["verdict"], Is.EqualTo("Valid"));
        var standing = await supervisor.GetJsonAsync($"/api/credit/subjects/{liar}");
        Assert.That(standing["standing"], Is.EqualTo("Warned"), standing.Text);
        var record = standing.Body!["records"]!.AsArray().Single()!;
        Assert.That((record["kind"]!.GetValue<string>(), record["evidenceCaseId"]!.GetValue<string>(), record["sourceDepartmentCode"]!.GetValue<string>()),
            Is.EqualTo(("BrokenPromise", revoked, "samr")));
        Assert.That(await samrHead.RowsAsync("/api/department/awaiting-verification"), Is.Empty, "both verified");

        // The next application of the applicant whose commitment was false: neither promise, the record named.
        var (next, _, _) = await clerk.SubmitAsync(Shop(liar, "郑不实"));
        var number = (await clerk.GetJsonAsync($"/api/cases/{revoked}"))["number"];
        foreach (var promise in new[] { Commitment(), Promise("2026-12-01") })
        {
            var refused = await clerk.PostJsonAsync($"/api/cases/{next}/accept", promise);
            Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.Conflict), refused.Text);
            Assert.That(refused["detail"], Does.Contain("Warned").And.Contain(number).And.Contain("BrokenPromise"));
        }

        // The supervisors' report: 容缺 and 告知承诺 apart, for the item and department.
        await Factory.Services.GetRequiredService<AcceptanceDeadlines>().TerminateBrokenPromisesAsync();
        var report = (await supervisor.GetJsonAsync("/api/supervision/promises?from=2026-11-24&to=2026-11-24")).Body!.AsArray()
            .Select(r => (Path: r!["path"]!.GetValue<string>(), Item: r["itemCode"]!.GetValue<string>(), Department: r["departmentCode"]!.GetValue<string>(),
                Made: r["made"]!.GetValue<int>(), Kept: r["kept"]!.GetValue<int>(), Broken: r["broken"]!.GetValue<int>(), Open: r["open"]!.GetValue<int>(),
                Rate: r["keptRate"]?.GetValue<decimal>()))
            .ToList();
        Assert.That(report, Is.EqualTo(new[]
        {
            ("MissingMaterials", "GT-DJ-001", "samr", 1, 0, 1, 0, (decimal?)0m),
            ("Commitment", "GT-DJ-001", "samr", 2, 1, 1, 0, (decimal?)50m),
        }), "the 容缺 promise was broken at 11-24's close; the commitments: one kept, one false");
    }

    [Test]
    public async Task A_commitment_unverified_past_its_period_is_a_violation_of_the_lead_department_once_and_stays_to_be_verified()
    {
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var samrHead = await Factory.CreateClientAsync("samr-head");
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        Factory.At("2026-11-24T10:00:00");
        var id = await DecidedUnderCommitmentAsync(clerk, samrHead, GoodPerson(6), "冯迟核");
        var sweep = Factory.Services.GetRequiredService<AcceptanceDeadlines>();

        Factory.At("2026-12-22T17:00:00");
        Assert.That(await sweep.FlagUnverifiedCommitmentsAsync(), Is.Zero, "due at the close of 12-22");

        Factory.At("2026-12-23T09:00:00");
        Assert.That(await sweep.FlagUnverifiedCommitmentsAsync(), Is.EqualTo(1));
        Assert.That(await sweep.FlagUnverifiedCommitmentsAsync(), Is.Zero, "recorded once");
        var violations = (await supervisor.GetJsonAsync($"/api/cases/{id}")).Body!["violations"]!.AsArray()
            .Where(v => v!["kind"]!.GetValue<string>() == nameof(ViolationKind.CommitmentVerificationOverdue)).ToList();
        Assert.That(violations.Select(v => v!["departmentCode"]!.GetValue<string>()), Is.EqualTo(new[] { "samr" }));

        Assert.That((await samrHead.RowsAsync("/api/department/awaiting-verification")).Select(r => r.Text("caseId")), Is.EqualTo(new[] { id }), "still 待核查");
        Assert.That((await samrHead.CountsAsync())["awaitingVerification"], Is.EqualTo(1));
        var late = await samrHead.PostJsonAsync($"/api/cases/{id}/commitment-verification", new { kept = true, finding = "逾期核查：属实" });
        Assert.That(late.Status, Is.EqualTo(HttpStatusCode.OK), late.Text);
        Assert.That(await samrHead.RowsAsync("/api/department/awaiting-verification"), Is.Empty);
    }
}

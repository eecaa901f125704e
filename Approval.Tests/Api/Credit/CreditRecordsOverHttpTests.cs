using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Approval.Api.Credit;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Workflows.Attachments;
using Approval.Workflows.Credit;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Credit;

/// <summary>
/// The credit-record store over HTTP on SQLite and PostgreSQL: departments and administrators enter records (each wrong
/// field named), end them by repair or revocation (never deleted, every change kept with who, when, before and after),
/// and who sees a subject's standing: the applicant their own, a reviewer the applicant of a task they hold, supervisors
/// all, nobody else. The demo data has an applicant in each standing.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CreditRecordsOverHttpTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    private const string Person = "11010519491231002X";
    private const string Enterprise = "91350100M000100Y43";

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-06-01T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static object Penalty(string subjectId = Person, string department = "samr") => new
    {
        subjectId, subjectName = "张三", kind = "AdministrativePenalty", sourceDepartmentCode = department,
        documentNumber = "云市监罚〔2026〕88号", summary = "超范围经营，警告并罚款 5000 元", effectiveOn = "2026-05-20", expiresOn = "2027-05-20",
    };

    [Test]
    public async Task Demo_data_has_an_applicant_in_each_standing()
    {
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        foreach (var (standing, (id, _)) in DemoCreditRecords.Subjects)
        {
            var read = await supervisor.GetJsonAsync($"/api/credit/subjects/{id}");
            Assert.That(read.Status, Is.EqualTo(HttpStatusCode.OK), read.Text);
            Assert.That(read["standing"], Is.EqualTo(standing.ToString()), id);
        }
        var person = await supervisor.GetJsonAsync($"/api/credit/subjects/{Person}");
        Assert.That((person["standing"], person.Body!["records"]!.AsArray().Count), Is.EqualTo(("Good", 0)), "张三 has no record");
    }

    [Test]
    public async Task A_department_enters_its_own_records_each_wrong_field_is_named_and_nothing_half_written()
    {
        using var samr = await Factory.CreateClientAsync("samr-reviewer");
        var wrong = await samr.PostJsonAsync("/api/credit/records", new
        {
            subjectId = "110105194912310021", subjectName = "张三", kind = "Fine", sourceDepartmentCode = "samr", documentNumber = "X",
            summary = "事由", effectiveOn = "2026-02-30",
        });
        Assert.That(wrong.Status, Is.EqualTo(HttpStatusCode.BadRequest), wrong.Text);
        Assert.That(wrong.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "subjectId", "kind", "effectiveOn" }));
        Assert.That(wrong.Body["errors"]!["subjectId"]![0]!.GetValue<string>(), Does.Contain("check digit"));

        var another = await samr.PostJsonAsync("/api/credit/records", Penalty(department: "tax"));
        Assert.That(another.Status, Is.EqualTo(HttpStatusCode.Forbidden), "samr does not speak for the tax bureau");
        using (var clerk = await Factory.CreateClientAsync("clerk"))
            Assert.That((await clerk.PostJsonAsync("/api/credit/records", Penalty())).Status, Is.EqualTo(HttpStatusCode.Forbidden));

        var entered = await samr.PostJsonAsync("/api/credit/records", Penalty());
        Assert.That(entered.Status, Is.EqualTo(HttpStatusCode.Created), entered.Text);
        Assert.That((entered["kind"], entered["polarity"], entered.Body!["inForce"]!.GetValue<bool>()), Is.EqualTo(("AdministrativePenalty", "Bad", true)));

        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var standing = await supervisor.GetJsonAsync($"/api/credit/subjects/{Person}");
        Assert.That((standing["standing"], standing.Body!["records"]!.AsArray().Count), Is.EqualTo(("Fair", 1)), "only the valid entry was kept");
    }

    [Test]
    public async Task A_record_is_never_deleted_a_repair_or_revocation_ends_it_with_a_reason_and_every_change_is_kept()
    {
        using var samr = await Factory.CreateClientAsync("samr-head");
        var id = (await samr.PostJsonAsync("/api/credit/records", Penalty()))["id"];

        Factory.At("2026-06-02T10:00:00");
        var noReason = await samr.PostJsonAsync($"/api/credit/records/{id}/repair", new { reason = " " });
        Assert.That(noReason.Status, Is.EqualTo(HttpStatusCode.BadRequest), noReason.Text);
        Assert.That(noReason.Body!["errors"]!["reason"], Is.Not.Null);
        using (var tax = await Factory.CreateClientAsync("tax-head"))
            Assert.That((await tax.PostJsonAsync($"/api/credit/records/{id}/repair", new { reason = "x" })).Status, Is.EqualTo(HttpStatusCode.Forbidden), "another department's record");
        var repaired = await samr.PostJsonAsync($"/api/credit/records/{id}/repair", new { reason = "已缴纳罚款并完成整改（信用修复）" });
        Assert.That(repaired.Status, Is.EqualTo(HttpStatusCode.OK), repaired.Text);
        Assert.That(repaired.Body!["inForce"]!.GetValue<bool>(), Is.False);

        Factory.At("2026-06-03T10:00:00");
        using var admin = await Factory.CreateClientAsync("admin");
        Assert.That((await admin.PostJsonAsync($"/api/credit/records/{id}/revoke", new { reason = "录入错误：处罚决定已被复议撤销" })).Status, Is.EqualTo(HttpStatusCode.OK));
        var again = await admin.PostJsonAsync($"/api/credit/records/{id}/revoke", new { reason = "再次" });
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict), again.Text);
        Assert.That((await admin.PostJsonAsync("/api/credit/records/nothing/revoke", new { reason = "x" })).Status, Is.EqualTo(HttpStatusCode.NotFound));

        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var history = await supervisor.GetJsonAsync($"/api/credit/records/{id}");
        Assert.That(history.Status, Is.EqualTo(HttpStatusCode.OK), history.Text);
        var changes = history.Body!["changes"]!.AsArray();
        Assert.That(changes.Select(c => c!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "Entered", "Repaired", "Revoked" }));
        Assert.That(changes[0]!["before"], Is.Null);
        Assert.That(changes[0]!["by"]!.GetValue<string>(), Does.Contain("samr-head"));
        Assert.That(changes[1]!["before"]!["repair"], Is.Null);
        Assert.That(changes[1]!["after"]!["repair"]!["reason"]!.GetValue<string>(), Does.Contain("信用修复"));
        Assert.That(changes[2]!["after"]!["revocation"]!["by"]!.GetValue<string>(), Does.Contain("admin"));
        Assert.That(history.Body["record"]!["documentNumber"]!.GetValue<string>(), Is.EqualTo("云市监罚〔2026〕88号"), "still there");

        var asOfBefore = await supervisor.GetJsonAsync($"/api/credit/subjects/{Person}?at=2026-06-01T12:00:00%2B08:00");
        Assert.That(asOfBefore["standing"], Is.EqualTo("Fair"), "as of before the repair");
        Assert.That((await supervisor.GetJsonAsync($"/api/credit/subjects/{Person}"))["standing"], Is.EqualTo("Good"));
    }

    [Test]
    public async Task The_applicant_sees_their_own_a_reviewer_the_applicant_of_a_task_they_hold_supervisors_all_and_nobody_else_any()
    {
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        var mine = await enterprise.GetJsonAsync("/api/me/credit");
        Assert.That(mine.Status, Is.EqualTo(HttpStatusCode.OK), mine.Text);
        Assert.That((mine["subjectId"], mine["standing"]), Is.EqualTo((Enterprise, "Good")));
        Assert.That(mine.Body!["records"]!.AsArray().Single()!["kind"]!.GetValue<string>(), Is.EqualTo("ATaxpayer"));
        Assert.That((await enterprise.GetJsonAsync($"/api/credit/subjects/{Enterprise}")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await enterprise.GetJsonAsync($"/api/credit/subjects/{Person}")).Status, Is.EqualTo(HttpStatusCode.NotFound), "another applicant's");

        using var housing = await Factory.CreateClientAsync("housing-reviewer");
        using var colleague = await Factory.CreateClientAsync("housing-head");
        using var planning = await Factory.CreateClientAsync("planning-reviewer");
        using var clerk = await Factory.CreateClientAsync("clerk");
        Assert.That((await housing.GetJsonAsync($"/api/credit/subjects/{Enterprise}")).Status, Is.EqualTo(HttpStatusCode.NotFound), "no task of theirs yet");

        var (id, _, _) = await enterprise.SubmitAsync(Cases.ConstructionPermitOverHttpTests.Application(height: 30, investment: 8_000_000));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        var task = await housing.TaskOfAsync(id);
        Assert.That((await housing.PostJsonAsync($"/api/cases/{id}/tasks/{task}/claim")).Status, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await housing.GetJsonAsync($"/api/credit/subjects/{Enterprise}")).Status, Is.EqualTo(HttpStatusCode.OK), "holds the task");
        Assert.That((await colleague.GetJsonAsync($"/api/credit/subjects/{Enterprise}")).Status, Is.EqualTo(HttpStatusCode.NotFound), "a colleague who does not hold it");
        Assert.That((await planning.GetJsonAsync($"/api/credit/subjects/{Enterprise}")).Status, Is.EqualTo(HttpStatusCode.NotFound), "an unclaimed task is held by nobody");
        Assert.That((await clerk.GetJsonAsync($"/api/credit/subjects/{Enterprise}")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await clerk.GetJsonAsync($"/api/credit/records/demo-good")).Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await housing.GetJsonAsync($"/api/credit/records/demo-good")).Status, Is.EqualTo(HttpStatusCode.OK), "a record of the applicant of their task");
        using (var supervisor = await Factory.CreateClientAsync("supervisor"))
            Assert.That((await supervisor.GetJsonAsync($"/api/credit/subjects/{Person}")).Status, Is.EqualTo(HttpStatusCode.OK));

        var opinion = await housing.PostJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "Approve" });
        Assert.That(opinion.Status, Is.EqualTo(HttpStatusCode.OK), opinion.Text);
        Assert.That((await housing.GetJsonAsync($"/api/credit/subjects/{Enterprise}")).Status, Is.EqualTo(HttpStatusCode.NotFound), "the task is done: no longer theirs to see");
    }

    private static readonly byte[] Decision = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private static MultipartFormDataContent File(byte[] content, string name, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

    [Test]
    public async Task The_decision_document_is_attached_once_as_evidence_kept_by_the_orphan_sweep_and_read_by_whoever_sees_the_record()
    {
        using var samr = await Factory.CreateClientAsync("samr-reviewer");
        var id = (await samr.PostJsonAsync("/api/credit/records", Penalty()))["id"];

        using (var renamed = await samr.PostAsync(new Uri($"/api/credit/records/{id}/evidence", UriKind.Relative), File(Encoding.ASCII.GetBytes("MZ not a pdf"), "处罚决定书.pdf", "application/pdf")))
            Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the content is checked like a case's files");
        using (var tax = await Factory.CreateClientAsync("tax-reviewer"))
        using (var other = await tax.PostAsync(new Uri($"/api/credit/records/{id}/evidence", UriKind.Relative), File(Decision, "处罚决定书.pdf", "application/pdf")))
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "another department's record");
        using var attached = await samr.PostAsync(new Uri($"/api/credit/records/{id}/evidence", UriKind.Relative), File(Decision, "云市监罚〔2026〕88号 处罚决定书.pdf", "application/pdf"));
        Assert.That(attached.StatusCode, Is.EqualTo(HttpStatusCode.OK), await attached.Content.ReadAsStringAsync());
        using (var second = await samr.PostAsync(new Uri($"/api/credit/records/{id}/evidence", UriKind.Relative), File(Decision, "again.pdf", "application/pdf")))
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "attached once");

        // Two days on, the orphan sweep removes files nothing refers to: not a record's evidence.
        var root = Path.Combine(Factory.DataDirectory, "attachments");
        var twoDaysAgo = (Factory.Clock.GetUtcNow() - TimeSpan.FromDays(2)).UtcDateTime;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            System.IO.File.SetLastWriteTimeUtc(path, twoDaysAgo);
        await Factory.Services.GetRequiredService<Approval.Api.Attachments.OrphanedAttachmentSweep>().RunAsync(CancellationToken.None);

        using var supervisor = await Factory.CreateClientAsync("supervisor");
        var history = await supervisor.GetJsonAsync($"/api/credit/records/{id}");
        Assert.That(history.Body!["changes"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "Entered", "EvidenceAttached" }));
        Assert.That(history.Body["record"]!["evidence"]!["fileName"]!.GetValue<string>(), Is.EqualTo("云市监罚〔2026〕88号 处罚决定书.pdf"));
        using var download = await supervisor.GetAsync(new Uri($"/api/credit/records/{id}/evidence", UriKind.Relative));
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Decision));
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        using (var stranger = await enterprise.GetAsync(new Uri($"/api/credit/records/{id}/evidence", UriKind.Relative)))
            Assert.That(stranger.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another applicant's record");
        using var applicant = await Factory.CreateClientAsync("applicant");
        using (var own = await applicant.GetAsync(new Uri($"/api/credit/records/{id}/evidence", UriKind.Relative)))
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the applicant's own record");
    }
}

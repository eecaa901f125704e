using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Tests.Api.Cases;
using Approval.Tests.Api.WorkLists;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api;

/// <summary>A fresh installation has demo cases in every state a role wants to see, made through the domain's own steps.</summary>
public class DemoCaseSeedTests
{
    private sealed class WithDemoCases : ApprovalApiFactoryBase
    {
        public FakeTimeProvider Clock { get; } = new(PinnedNow);

        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Approval:Demo:SeedCases"] = "true" };

        protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }

    [Test]
    public async Task The_demo_cases_cover_the_window_the_reviews_an_inspection_a_refusal_and_a_delivery()
    {
        await using var factory = new WithDemoCases();
        using var supervisor = await factory.CreateClientAsync("supervisor");
        var overview = await supervisor.GetFromJsonAsync<JsonObject>("/api/supervision/overview");
        var byStatus = overview!["casesByStatus"]!.AsObject();
        Assert.That(byStatus["Submitted"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(byStatus["InReview"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(byStatus["Suspended"]!.GetValue<int>(), Is.EqualTo(1));

        using var reviewer = await factory.CreateClientAsync("fire-reviewer");
        var tasks = await reviewer.GetFromJsonAsync<JsonArray>("/api/tasks");
        Assert.That(tasks, Has.Count.EqualTo(1), "the enterprise's fire review waits");
    }

    [Test]
    public async Task The_demo_history_is_one_intact_audit_chain_with_an_entry_per_timeline_line()
    {
        await using var factory = new WithDemoCases();
        using var supervisor = await factory.CreateClientAsync("supervisor");
        var verification = await supervisor.GetJsonAsync("/api/audit/verification");

        Assert.That(verification.Body!["intact"]!.GetValue<bool>(), Is.True, verification.Text);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var lines = await db.CaseEvents.CountAsync();
        var entries = (await db.AuditEntries.Select(e => e.Kind).ToListAsync()).Count(k => k.StartsWith("CaseEvent.", StringComparison.Ordinal));
        Assert.That(lines, Is.GreaterThan(0));
        Assert.That(entries, Is.EqualTo(lines));
        Assert.That(verification.Body["entriesChecked"]!.GetValue<long>(), Is.GreaterThan(lines), "the demo users and catalog too");
    }

    [Test]
    public async Task The_delivered_demo_case_has_a_sealed_decision_that_verifies_without_signing_in()
    {
        await using var factory = new WithDemoCases();
        using var applicant = await factory.CreateClientAsync("applicant");
        var delivered = (await applicant.RowsAsync("/api/me/cases?status=Delivered")).Single();

        var documents = (await applicant.GetJsonAsync($"/api/cases/{delivered.Text("caseId")}/documents")).Body!.AsArray();
        Assert.That(documents.Select(d => d!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "GrantDecision", "Licence" }));
        using var anyone = factory.CreateClient();
        foreach (var document in documents)
        {
            var verified = await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(delivered.Text("number"))}&doc={document!["id"]}");
            Assert.That(verified["verdict"], Is.EqualTo("Valid"), verified.Text);
            Assert.That(verified["departmentCode"], Is.EqualTo("samr"));
        }
    }

    [Test]
    public async Task Every_delivered_demo_case_is_sealed_with_ECDSA_or_SM2_and_verifies_fails_when_altered_and_reports_its_revoked_seal()
    {
        await using var factory = new WithDemoCases();
        using var supervisor = await factory.CreateClientAsync("supervisor");
        var delivered = new List<(string Id, string Number)>();
        foreach (var applicantId in (string[])["11010519491231002X", "91350100M000100Y43"])
        {
            var found = await supervisor.GetJsonAsync($"/api/search/cases?applicantId={applicantId}&status=Delivered&pageSize=50");
            delivered.AddRange(found.Body!["items"]!.AsArray().Select(c => (c!["caseId"]!.GetValue<string>(), c["number"]!.GetValue<string>())));
        }
        Assert.That(delivered, Has.Count.EqualTo(2), "个体工商户登记 led by samr, 建设工程施工许可 led by housing");

        using var anyone = factory.CreateClient();
        var documents = new List<(string Number, string Id, byte[] Pdf, byte[] Signature, string Serial)>();
        var algorithms = new HashSet<string>();
        foreach (var (id, number) in delivered)
        {
            var listed = await supervisor.GetJsonAsync($"/api/cases/{id}/documents");
            Assert.That(listed.Body!.AsArray().Select(d => d!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "GrantDecision", "Licence" }), number);
            foreach (var document in listed.Body.AsArray().Select(d => d!.AsObject()))
            {
                var verified = await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(number)}&doc={document["id"]}");
                Assert.That(verified["verdict"], Is.EqualTo("Valid"), verified.Text);
                algorithms.Add(verified["algorithm"]!);
                documents.Add((number, document["id"]!.GetValue<string>(),
                    await supervisor.GetByteArrayAsync(new Uri(document["downloadUrl"]!.GetValue<string>(), UriKind.Relative)),
                    await supervisor.GetByteArrayAsync(new Uri(document["signatureUrl"]!.GetValue<string>(), UriKind.Relative)),
                    document["certificateSerial"]!.GetValue<string>()));
            }
        }
        Assert.That(algorithms, Is.EquivalentTo(new[] { "EcdsaP256Sha256", "Sm2Sm3" }), "the shipped settings seal housing with SM2, samr with ECDSA");

        foreach (var (number, _, pdf, signature, _) in documents)
        {
            Assert.That((await VerifyUploadAsync(anyone, pdf, signature))["verdict"]!.GetValue<string>(), Is.EqualTo("Valid"), number);
            var altered = (byte[])pdf.Clone();
            altered[altered.Length / 3] ^= 0x01;
            Assert.That((await VerifyUploadAsync(anyone, altered, signature))["verdict"]!.GetValue<string>(), Is.EqualTo("Altered"), number);
        }

        factory.Clock.Advance(TimeSpan.FromDays(1));
        using var admin = await factory.CreateClientAsync("admin");
        foreach (var serial in documents.Select(d => d.Serial).Distinct())
            Assert.That((await admin.PostJsonAsync($"/api/admin/seal/certificates/{serial}/revoke", new { reason = "演示：印章私钥遗失" })).Status, Is.EqualTo(HttpStatusCode.OK));
        foreach (var (number, id, _, _, _) in documents)
        {
            var verified = await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(number)}&doc={id}");
            Assert.That((verified["verdict"], verified.Body!["revoked"]!.GetValue<bool>()), Is.EqualTo(("ValidWhenSignedRevokedSince", true)), verified.Text);
        }
    }

    private static async Task<JsonObject> VerifyUploadAsync(HttpClient anyone, byte[] file, byte[] signature)
    {
        using var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(file);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "file", "decision.pdf");
        form.Add(new ByteArrayContent(signature), "signature", "decision.seal.json");
        using var response = await anyone.PostAsync(new Uri("/api/verify", UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    [Test]
    public async Task The_demo_cases_name_their_people_as_real_steps_do_display_name_and_account()
    {
        await using var factory = new WithDemoCases();
        using var supervisor = await factory.CreateClientAsync("supervisor");
        var found = await supervisor.GetFromJsonAsync<JsonObject>("/api/search/cases?applicantId=11010519491231002X&pageSize=50");
        var company = await supervisor.GetFromJsonAsync<JsonObject>("/api/search/cases?applicantId=91350100M000100Y43&pageSize=50");
        var ids = found!["items"]!.AsArray().Concat(company!["items"]!.AsArray()).Select(c => c!["caseId"]!.GetValue<string>()).ToList();
        Assert.That(ids, Has.Count.EqualTo(6));

        // Who did the steps people did, as a signed-in person is named (Actor.Of): "李敏 (clerk)"; else the system.
        var named = DemoUsers.All.Select(u => Actor.Of(u).Name).Append(StaffNames.System).ToHashSet(StringComparer.Ordinal);
        var actors = new List<string>();
        foreach (var id in ids)
        {
            var timeline = await supervisor.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/timeline");
            actors.AddRange(timeline!.Select(e => e!["actor"]!.GetValue<string>()));
        }
        Assert.That(actors.Where(a => !named.Contains(a)).Distinct(), Is.Empty, "actors named otherwise");
        Assert.That(actors, Does.Contain("李敏 (clerk)").And.Contain("张三 (applicant)").And.Contain("沈国栋 (samr-head)").And.Contain(StaffNames.System));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Seal;

/// <summary>
/// Sealed results over HTTP on SQLite and PostgreSQL: a decision is sealed when it is made (the decision, and the licence
/// when granted), the applicant downloads them on delivery, anyone verifies them at /verify without signing in (QR
/// link or upload), an administrator revokes a seal and the CRL lists it; a department may seal with SM2/SM3.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class SealedResultsOverHttpTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private async Task StartAsync(IReadOnlyDictionary<string, string>? settings = null) =>
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00", settings);

    private static object Application(string name) => new
    {
        itemCode = "GT-DJ-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { businessName = name, operatorId = "11010519491231002X", businessScope = "小吃服务", address = "云浮市云城区兴云西路8号" },
    };

    /// <summary>个体工商户登记 (an immediate item) through to the decision; delivered too unless told not to.</summary>
    private async Task<(string Id, string Number)> DecidedAsync(string verdict = "Approve", string? reason = null, bool deliver = true)
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        using var head = await Factory.CreateClientAsync("samr-head");
        var (id, number, _) = await applicant.SubmitAsync(Application("张三小吃店" + Guid.NewGuid().ToString("N")[..4]));
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        var decided = await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict, reason });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        if (deliver)
            Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/deliver")).Status, Is.EqualTo(HttpStatusCode.OK));
        return (id, number);
    }

    private static async Task<JsonObject> VerifyUploadAsync(HttpClient anyone, byte[] file, byte[]? signature, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var form = new MultipartFormDataContent();
        var pdf = new ByteArrayContent(file);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "file", "decision.pdf");
        if (signature is not null)
            form.Add(new ByteArrayContent(signature), "signature", "decision.seal.json");
        using var response = await anyone.PostAsync(new Uri("/api/verify", UriKind.Relative), form);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    [Test]
    public async Task A_delivered_case_has_a_sealed_decision_and_licence_that_anyone_verifies_and_one_changed_byte_is_altered()
    {
        await StartAsync();
        var (id, number) = await DecidedAsync();
        using var applicant = await Factory.CreateClientAsync("applicant");

        var documents = (await applicant.GetJsonAsync($"/api/cases/{id}/documents")).Body!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.That(documents.Select(d => d["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "GrantDecision", "Licence" }));

        var decision = documents[0];
        var pdf = await applicant.GetByteArrayAsync(new Uri(decision["downloadUrl"]!.GetValue<string>(), UriKind.Relative));
        var signature = await applicant.GetByteArrayAsync(new Uri(decision["signatureUrl"]!.GetValue<string>(), UriKind.Relative));
        Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(System.Text.Encoding.Latin1.GetString(pdf), Does.Contain("/FontFile2"), "the CJK font is embedded");
        Assert.That(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), Is.EqualTo(decision["sha256"]!.GetValue<string>()));

        // The QR code's link, without signing in.
        using var anyone = Factory.CreateClient();
        var byQr = await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(number)}&doc={decision["id"]}");
        Assert.That(byQr.Status, Is.EqualTo(HttpStatusCode.OK), byQr.Text);
        Assert.That(byQr["verdict"], Is.EqualTo("Valid"));
        Assert.That(byQr["departmentCode"], Is.EqualTo("samr"));
        Assert.That(byQr["caseNumber"], Is.EqualTo(number));
        Assert.That(Instant(byQr.Body!["signedAt"]), Is.EqualTo(Beijing("2026-11-24T09:00:00")));
        Assert.That(byQr.Body["chain"]!.AsArray(), Has.Count.EqualTo(3));
        Assert.That(byQr.Text, Does.Not.Contain("张三").And.Not.Contain("11010519491231002X"), "nothing of the applicant beyond the case number");
        Assert.That((await anyone.GetJsonAsync($"/api/verify?case=GT-0&doc={decision["id"]}")).Status, Is.EqualTo(HttpStatusCode.NotFound),
            "a document id is found only with its own case number");

        Assert.That((await VerifyUploadAsync(anyone, pdf, signature))["verdict"]!.GetValue<string>(), Is.EqualTo("Valid"));
        Assert.That((await VerifyUploadAsync(anyone, pdf, null))["verdict"]!.GetValue<string>(), Is.EqualTo("Valid"), "found by its bytes alone");
        var altered = (byte[])pdf.Clone();
        altered[pdf.Length / 2] ^= 0x20;
        var verified = await VerifyUploadAsync(anyone, altered, signature);
        Assert.That(verified["verdict"]!.GetValue<string>(), Is.EqualTo("Altered"));
        Assert.That(verified["unaltered"]!.GetValue<bool>(), Is.False);
        Assert.That((await VerifyUploadAsync(anyone, altered, null))["verdict"]!.GetValue<string>(), Is.EqualTo("Unknown"));
        var notASignature = await VerifyUploadAsync(anyone, pdf, "{}"u8.ToArray(), HttpStatusCode.BadRequest);
        Assert.That(notASignature["errors"]!["signature"], Is.Not.Null);
    }

    [Test]
    public async Task The_applicant_gets_the_documents_with_the_result_and_the_staff_once_decided()
    {
        await StartAsync();
        var (id, _) = await DecidedAsync(deliver: false);

        using var applicant = await Factory.CreateClientAsync("applicant");
        Assert.That((await applicant.GetJsonAsync($"/api/cases/{id}/documents")).Status, Is.EqualTo(HttpStatusCode.Conflict));
        using var clerk = await Factory.CreateClientAsync("clerk");
        var forClerk = await clerk.GetJsonAsync($"/api/cases/{id}/documents");
        Assert.That(forClerk.Status, Is.EqualTo(HttpStatusCode.OK), forClerk.Text);
        Assert.That(forClerk.Body!.AsArray(), Has.Count.EqualTo(2));
        using var stranger = await Factory.CreateClientAsync("fire-reviewer");
        Assert.That((await stranger.GetJsonAsync($"/api/cases/{id}/documents")).Status, Is.EqualTo(HttpStatusCode.NotFound), "a department not on the case");
    }

    [Test]
    public async Task A_refusal_is_sealed_as_a_refusal_decision_stating_the_appeal_route()
    {
        await StartAsync();
        var (id, number) = await DecidedAsync("Refuse", "经营场所不符合规划用途");

        using var applicant = await Factory.CreateClientAsync("applicant");
        var documents = (await applicant.GetJsonAsync($"/api/cases/{id}/documents")).Body!.AsArray();
        Assert.That(documents.Select(d => d!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "RefusalDecision" }));
        using var anyone = Factory.CreateClient();
        var verified = await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(number)}&doc={documents[0]!["id"]}");
        Assert.That(verified["verdict"], Is.EqualTo("Valid"));
        Assert.That(verified["kind"], Is.EqualTo("RefusalDecision"));
    }

    [Test]
    public async Task A_revoked_seal_is_reported_valid_when_signed_and_listed_in_the_CRL_and_the_next_decision_gets_a_new_seal()
    {
        await StartAsync();
        var (id, number) = await DecidedAsync();
        using var clerk = await Factory.CreateClientAsync("clerk");
        var document = (await clerk.GetJsonAsync($"/api/cases/{id}/documents")).Body!.AsArray()[0]!.AsObject();
        var serial = document["certificateSerial"]!.GetValue<string>();

        using var admin = await Factory.CreateClientAsync("admin");
        var certificates = (await admin.GetJsonAsync("/api/admin/seal/certificates")).Body!.AsArray();
        Assert.That(certificates.Select(c => c!["serial"]!.GetValue<string>()), Does.Contain(serial));
        Assert.That((await admin.PostJsonAsync($"/api/admin/seal/certificates/{serial}/revoke", new { })).Status, Is.EqualTo(HttpStatusCode.BadRequest),
            "a revocation states its reason");
        Factory.At("2026-11-25T10:00:00");
        var revoked = await admin.PostJsonAsync($"/api/admin/seal/certificates/{serial}/revoke", new { reason = "印章私钥遗失" });
        Assert.That(revoked.Status, Is.EqualTo(HttpStatusCode.OK), revoked.Text);

        using var anyone = Factory.CreateClient();
        var verified = await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(number)}&doc={document["id"]}");
        Assert.That(verified["verdict"], Is.EqualTo("ValidWhenSignedRevokedSince"));
        Assert.That(Instant(verified.Body!["revokedAt"]), Is.EqualTo(Beijing("2026-11-25T10:00:00")));

        using var crlResponse = await anyone.GetAsync(new Uri("/api/seal/crl", UriKind.Relative));
        Assert.That(crlResponse.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pkix-crl"));
        var crl = new Org.BouncyCastle.X509.X509CrlParser().ReadCrl(await crlResponse.Content.ReadAsByteArrayAsync());
        var envelope = JsonNode.Parse(await clerk.GetStringAsync(new Uri(document["signatureUrl"]!.GetValue<string>(), UriKind.Relative)))!;
        var issuing = new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(Convert.FromBase64String(envelope["certificates"]![1]!.GetValue<string>()));
        Assert.DoesNotThrow(() => crl.Verify(issuing.GetPublicKey()), "the CRL is signed by the CA that issued the seal");
        Assert.That(crl.GetRevokedCertificate(new Org.BouncyCastle.Math.BigInteger(serial, 16)), Is.Not.Null);

        var (nextId, nextNumber) = await DecidedAsync();
        var next = (await clerk.GetJsonAsync($"/api/cases/{nextId}/documents")).Body!.AsArray()[0]!.AsObject();
        Assert.That(next["certificateSerial"]!.GetValue<string>(), Is.Not.EqualTo(serial));
        Assert.That((await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(nextNumber)}&doc={next["id"]}"))["verdict"], Is.EqualTo("Valid"));
    }

    [Test]
    public async Task A_department_set_to_SM2_seals_with_SM2_and_SM3()
    {
        await StartAsync(new Dictionary<string, string> { ["Approval:Seal:Departments:samr"] = "Sm2Sm3" });
        var (id, number) = await DecidedAsync();
        using var applicant = await Factory.CreateClientAsync("applicant");
        var document = (await applicant.GetJsonAsync($"/api/cases/{id}/documents")).Body!.AsArray()[0]!.AsObject();
        var envelope = JsonNode.Parse(await applicant.GetStringAsync(new Uri(document["signatureUrl"]!.GetValue<string>(), UriKind.Relative)))!;
        Assert.That(envelope["algorithm"]!.GetValue<string>(), Is.EqualTo("Sm2Sm3"));
        Assert.That(envelope["digestAlgorithm"]!.GetValue<string>(), Is.EqualTo("SM3"));

        using var anyone = Factory.CreateClient();
        var verified = await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(number)}&doc={document["id"]}");
        Assert.That(verified["verdict"], Is.EqualTo("Valid"));
        Assert.That(verified["algorithm"], Is.EqualTo("Sm2Sm3"));
        using var sm2Root = await anyone.GetAsync(new Uri("/api/seal/root?algorithm=Sm2Sm3", UriKind.Relative));
        var root = new Org.BouncyCastle.X509.X509CertificateParser().ReadCertificate(await sm2Root.Content.ReadAsByteArrayAsync());
        Assert.That(root.SigAlgName, Does.Contain("SM3").IgnoreCase, "an SM2 seal chains to an SM2 root");
    }

    [Test]
    public async Task A_decision_withdrawn_by_a_correction_verifies_as_superseded_and_then_as_replaced_by_the_new_decision()
    {
        await StartAsync();
        var (id, number) = await DecidedAsync(deliver: false);
        using var clerk = await Factory.CreateClientAsync("clerk");
        var earlier = (await clerk.GetJsonAsync($"/api/cases/{id}/documents")).Body!.AsArray().Select(d => d!.AsObject()).ToList();
        var earlierPdf = await clerk.GetByteArrayAsync(new Uri(earlier[0]["downloadUrl"]!.GetValue<string>(), UriKind.Relative));
        var earlierSignature = await clerk.GetByteArrayAsync(new Uri(earlier[0]["signatureUrl"]!.GetValue<string>(), UriKind.Relative));
        string Link(JsonNode document) => $"/api/verify?case={Uri.EscapeDataString(number)}&doc={document["id"]}";

        // 纠错: the administrator withdraws the decision; until the lead decides again, the sealed grant holds no longer.
        Factory.At("2026-11-24T11:00:00");
        using var admin = await Factory.CreateClientAsync("admin");
        var reopened = await admin.PostJsonAsync($"/api/cases/{id}/corrections/reopen-decision", new { reason = "经营场所性质核定有误" });
        Assert.That(reopened.Status, Is.EqualTo(HttpStatusCode.OK), reopened.Text);
        using var anyone = Factory.CreateClient();
        var withdrawn = await anyone.GetJsonAsync(Link(earlier[0]));
        Assert.That(withdrawn["verdict"], Is.EqualTo("Superseded"), withdrawn.Text);
        Assert.That((withdrawn.Body!["unaltered"]!.GetValue<bool>(), withdrawn.Body["replacedBy"]), Is.EqualTo((true, (JsonNode?)null)), "genuine, and nothing replaces it yet");

        Factory.At("2026-11-24T14:00:00");
        using var head = await Factory.CreateClientAsync("samr-head");
        var decided = await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Refuse", reason = "经营场所不符合规划用途" });
        Assert.That(decided.Status, Is.EqualTo(HttpStatusCode.OK), decided.Text);
        var refusal = (await clerk.GetJsonAsync($"/api/cases/{id}/documents")).Body!.AsArray().Single()!.AsObject();
        Assert.That(refusal["kind"]!.GetValue<string>(), Is.EqualTo("RefusalDecision"), "the documents of the decision in force");

        foreach (var document in earlier)
        {
            var replaced = await anyone.GetJsonAsync(Link(document));
            Assert.That(replaced["verdict"], Is.EqualTo("Superseded"), replaced.Text);
            var by = replaced.Body!["replacedBy"]!;
            Assert.That((by["documentId"]!.GetValue<string>(), by["kind"]!.GetValue<string>()), Is.EqualTo((refusal["id"]!.GetValue<string>(), "RefusalDecision")),
                "a grant and its licence, both replaced by the refusal");
            Assert.That(Instant(by["signedAt"]), Is.EqualTo(Beijing("2026-11-24T14:00:00")));
            Assert.That(replaced.Text, Does.Not.Contain("张三").And.Not.Contain("11010519491231002X").And.Not.Contain("规划用途"), "nothing of the applicant or the new decision's reasons");
        }
        Assert.That((await VerifyUploadAsync(anyone, earlierPdf, earlierSignature))["verdict"]!.GetValue<string>(), Is.EqualTo("Superseded"));
        Assert.That((await VerifyUploadAsync(anyone, earlierPdf, null))["verdict"]!.GetValue<string>(), Is.EqualTo("Superseded"), "found by its bytes alone");
        var altered = (byte[])earlierPdf.Clone();
        altered[altered.Length / 2] ^= 0x20;
        Assert.That((await VerifyUploadAsync(anyone, altered, earlierSignature))["verdict"]!.GetValue<string>(), Is.EqualTo("Altered"), "altered stays altered");
        Assert.That((await anyone.GetJsonAsync(Link(refusal)))["verdict"], Is.EqualTo("Valid"));

        var page = await anyone.GetStringAsync(new Uri($"/verify?case={Uri.EscapeDataString(number)}&doc={earlier[0]["id"]}", UriKind.Relative));
        Assert.That(page, Does.Contain("已被取代").And.Contain($"doc={refusal["id"]}").And.Contain("不予行政许可决定书"));
        var english = await anyone.GetStringAsync(new Uri($"/verify?case={Uri.EscapeDataString(number)}&doc={earlier[0]["id"]}&culture=en", UriKind.Relative));
        Assert.That(english, Does.Contain("Superseded: the decision was corrected").And.Contain("This document was replaced by the Decision to refuse the licence"));
    }

    [Test]
    public async Task The_verify_page_shows_the_verdict_in_Chinese_and_in_English_without_signing_in()
    {
        await StartAsync();
        var (id, number) = await DecidedAsync();
        using var clerk = await Factory.CreateClientAsync("clerk");
        var document = (await clerk.GetJsonAsync($"/api/cases/{id}/documents")).Body!.AsArray()[0]!.AsObject();
        using var anyone = Factory.CreateClient();
        var link = $"/verify?case={Uri.EscapeDataString(number)}&doc={document["id"]}";

        var chinese = await anyone.GetStringAsync(new Uri(link, UriKind.Relative));
        Assert.That(chinese, Does.Contain("有效：文书未被篡改，印章证书有效").And.Contain("市场监督管理局").And.Contain(number));
        var english = await anyone.GetStringAsync(new Uri(link + "&culture=en", UriKind.Relative));
        Assert.That(english, Does.Contain("Valid: unaltered, sealed with a valid certificate"));
        Assert.That(english, Does.Not.Contain("张三"), "the page shows nothing of the applicant");
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Approval.Api.Identity;
using Approval.Tests.Api.Cases;

namespace Approval.Tests.Api.Seal;

/// <summary>
/// 电子印章证书 at /admin/seal over HTTP (the page's forms, as a browser posts them): an administrator reads every
/// department's certificates, issues a new seal and revokes one with its reason, through the same services as
/// /api/admin/seal; the public verification page is in everyone's navigation.
/// </summary>
public sealed partial class SealCertificatePageTests
{
    private ApprovalApiFactory _factory = null!;

    [SetUp]
    public void Start() => _factory = new ApprovalApiFactory();

    [TearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>A browser-like client: the sign-in cookie, and the page's antiforgery token on every form it posts.</summary>
    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = _factory.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = DemoUsers.Password })).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<(HttpStatusCode Status, string Html)> PostFormAsync(HttpClient client, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri("/admin/seal", UriKind.Relative));
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        using var response = await client.PostAsync(new Uri($"/admin/seal?handler={handler}", UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Row(string html, string serial) =>
        Regex.Match(html, $"<tr id=\"{serial}\"[^>]*>.*?</tr>", RegexOptions.Singleline).Value;

    [Test]
    public async Task An_administrator_issues_a_department_a_seal_in_its_algorithm_and_revokes_it_stating_why()
    {
        using var admin = await SignedInAsync("admin");
        using var api = await _factory.CreateClientAsync("admin");
        var empty = await admin.GetStringAsync(new Uri("/admin/seal", UriKind.Relative));
        Assert.That(empty, Does.Contain("data-testid=\"certificates-none\""));

        // housing seals with SM2 by the shipped settings: "as configured" gives it an SM2 seal, the one it seals with now.
        var (issuedStatus, issued) = await PostFormAsync(admin, "Issue", new Dictionary<string, string> { ["departmentCode"] = "housing", ["algorithm"] = "" });
        Assert.That(issuedStatus, Is.EqualTo(HttpStatusCode.OK), issued);
        var certificate = (await api.GetJsonAsync("/api/admin/seal/certificates")).Body!.AsArray().Single()!;
        var serial = certificate["serial"]!.GetValue<string>();
        Assert.That((certificate["departmentCode"]!.GetValue<string>(), certificate["algorithm"]!.GetValue<string>()), Is.EqualTo(("housing", "Sm2Sm3")));
        Assert.That(issued, Does.Contain($"签发新印章证书 {serial}"));
        var row = Row(issued, serial);
        Assert.That(row, Does.Contain("data-state=\"InUse\"").And.Contain("SM2 / SM3").And.Contain(serial));

        // An ECDSA seal for the same department: listed, but not the one it seals with (its configured algorithm is SM2).
        var (_, both) = await PostFormAsync(admin, "Issue", new Dictionary<string, string> { ["departmentCode"] = "housing", ["algorithm"] = "EcdsaP256Sha256" });
        var ecdsa = (await api.GetJsonAsync("/api/admin/seal/certificates")).Body!.AsArray().Single(c => c!["serial"]!.GetValue<string>() != serial)!;
        Assert.That(Row(both, ecdsa["serial"]!.GetValue<string>()), Does.Contain("data-state=\"Earlier\"").And.Contain("ECDSA P-256"));

        var (withoutReason, refused) = await PostFormAsync(admin, "Revoke", new Dictionary<string, string> { ["serial"] = serial, ["reason"] = " " });
        Assert.That(withoutReason, Is.EqualTo(HttpStatusCode.UnprocessableEntity), refused);
        Assert.That(refused, Does.Contain("<code>reason</code>").And.Contain("吊销须说明理由"));
        Assert.That((await api.GetJsonAsync("/api/admin/seal/certificates")).Body!.AsArray().Single(c => c!["serial"]!.GetValue<string>() == serial)!["revokedAt"],
            Is.Null, "nothing revoked without a reason");
        var (unknown, _) = await PostFormAsync(admin, "Revoke", new Dictionary<string, string> { ["serial"] = "00ff", ["reason"] = "遗失" });
        Assert.That(unknown, Is.EqualTo(HttpStatusCode.NotFound));

        _factory.Clock.Advance(TimeSpan.FromHours(2));
        var (revokedStatus, revoked) = await PostFormAsync(admin, "Revoke", new Dictionary<string, string> { ["serial"] = serial, ["reason"] = "印章私钥遗失" });
        Assert.That(revokedStatus, Is.EqualTo(HttpStatusCode.OK), revoked);
        Assert.That(revoked, Does.Contain("data-testid=\"done\""));
        Assert.That(Row(revoked, serial), Does.Contain("data-state=\"Revoked\"").And.Contain("印章私钥遗失").And.Contain("(admin)"));
        var listed = (await api.GetJsonAsync("/api/admin/seal/certificates")).Body!.AsArray().Single(c => c!["serial"]!.GetValue<string>() == serial)!;
        Assert.That((listed["revocationReason"]!.GetValue<string>(), CaseHttp.Instant(listed["revokedAt"])), Is.EqualTo(("印章私钥遗失", _factory.Clock.GetUtcNow())));

        using var crl = await _factory.CreateClient().GetAsync(new Uri("/api/seal/crl?algorithm=Sm2Sm3", UriKind.Relative));
        var list = new Org.BouncyCastle.X509.X509CrlParser().ReadCrl(await crl.Content.ReadAsByteArrayAsync());
        Assert.That(list.GetRevokedCertificate(new Org.BouncyCastle.Math.BigInteger(serial, 16)), Is.Not.Null, "the page's revocation is published");
    }

    [Test]
    public async Task The_certificate_page_is_the_administrators_and_its_English_names_the_states()
    {
        using var supervisor = await SignedInAsync("supervisor");
        using var denied = await supervisor.GetAsync(new Uri("/admin/seal", UriKind.Relative));
        Assert.That(await denied.Content.ReadAsStringAsync(), Does.Not.Contain("data-testid=\"issue\""));

        using var admin = await SignedInAsync("admin");
        await PostFormAsync(admin, "Issue", new Dictionary<string, string> { ["departmentCode"] = "samr", ["algorithm"] = "" });
        var english = await admin.GetStringAsync(new Uri("/admin/seal?culture=en", UriKind.Relative));
        Assert.That(english, Does.Contain("Seal certificates").And.Contain("In use").And.Contain("ECDSA P-256 / SHA-256").And.Contain("Issue a new seal"));
        Assert.That(await admin.GetStringAsync(new Uri("/admin", UriKind.Relative)), Does.Contain("href=\"/admin/seal\""));
    }

    [Test]
    public async Task Anyone_finds_the_public_verification_page_in_the_navigation_signed_in_or_not()
    {
        using var visitor = _factory.CreateClient();
        foreach (var path in (string[])["/portal", "/verify", "/account/sign-in"])
            Assert.That(await visitor.GetStringAsync(new Uri(path, UriKind.Relative)), Does.Contain("<a href=\"/verify\" data-testid=\"nav-verify\">公开验证</a>"), path);
        Assert.That(await visitor.GetStringAsync(new Uri("/portal?culture=en", UriKind.Relative)), Does.Contain("Verify a document"));
        foreach (var userName in (string[])["applicant", "clerk", "samr-reviewer", "supervisor", "admin"])
        {
            using var signedIn = await SignedInAsync(userName);
            var home = await signedIn.GetStringAsync(new Uri("/", UriKind.Relative));
            Assert.That(home, Does.Contain("data-testid=\"nav-verify\""), userName);
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.Identity;

namespace Approval.Tests.Api.Identity;

/// <summary>Without a configured key, one is generated into the data folder once, so tokens survive a restart.</summary>
public class SigningKeyTests
{
    private string _dataDirectory = null!;

    [SetUp]
    public void SetUp() => _dataDirectory = Path.Combine(Path.GetTempPath(), "approval-tests", Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dataDirectory))
            Directory.Delete(_dataDirectory, recursive: true);
    }

    [Test]
    public async Task A_token_issued_before_a_restart_is_accepted_after_it()
    {
        string token;
        await using (var before = new SharedDataFactory(_dataDirectory))
        {
            using var client = before.CreateClient();
            var issued = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "Demo@2026" });
            token = (await issued.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        }
        var keyFile = Path.Combine(_dataDirectory, TokenSigningKey.FileName);
        Assert.That(File.Exists(keyFile), Is.True);
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(keyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));

        await using var after = new SharedDataFactory(_dataDirectory);
        using var restarted = after.CreateClient();
        restarted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.That((await restarted.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_sign_in_cookie_set_before_a_restart_is_accepted_after_it()
    {
        string cookie;
        await using (var before = new SharedDataFactory(_dataDirectory))
        {
            using var client = before.CreateClient(new() { HandleCookies = false });
            var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "Demo@2026" });
            cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        }

        await using var after = new SharedDataFactory(_dataDirectory);
        using var restarted = after.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", cookie);
        Assert.That((await restarted.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task A_configured_key_is_used_and_no_key_file_is_written()
    {
        await using var factory = new SharedDataFactory(_dataDirectory, signingKey: "a configured key of thirty-two bytes or more");
        using var client = factory.CreateClient();
        var issued = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "Demo@2026" });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(File.Exists(Path.Combine(_dataDirectory, TokenSigningKey.FileName)), Is.False);
    }

    [Test]
    public void A_configured_key_too_short_for_hmac_sha256_stops_the_start_without_showing_it()
    {
        using var factory = new SharedDataFactory(_dataDirectory, signingKey: "short-secret");
        var failure = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());
        Assert.That(failure!.Message, Does.Contain("Approval:Auth:SigningKey").And.Not.Contain("short-secret"));
    }

    private sealed class SharedDataFactory(string dataDirectory, string? signingKey = null) : ApprovalApiFactoryBase
    {
        protected override IReadOnlyDictionary<string, string> Settings
        {
            get
            {
                var settings = new Dictionary<string, string> { ["Approval:DataDirectory"] = dataDirectory };
                if (signingKey is not null)
                    settings["Approval:Auth:SigningKey"] = signingKey;
                return settings;
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approval.Api.Persistence;
using Approval.Api.Webhooks;
using Approval.Tests.Api.Cases;
using Approval.Tests.Api.MachineClients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Webhooks;

/// <summary>
/// Outgoing signed webhooks, the push counterpart of a department's event feed: an administrator subscribes the department's
/// system (here a loopback listener), and the delivery run sends the department's timeline lines, each once and in order,
/// signed with the configured secret; a failing receiver gets them again after a back-off and the cursor waits for a 2xx; a
/// suspended subscription gets nothing; another department's lines never go out — on SQLite and PostgreSQL. Each test
/// subscribes at its own path of the one receiver, so the tests sharing the application do not see one another's requests.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public partial class WebhookTests(DatabaseProvider provider) : OutsideSystemFixture(provider)
{
    private const string Secret = "hk-5e1c-samr";

    private Receiver HookReceiver => (Receiver)Outside;

    private protected override IDisposable StartOutside() => Receiver.Start();

    private protected override Dictionary<string, string> Settings => new()
    {
        ["Approval:DepartmentSystems:AllowedHosts:0"] = "127.0.0.1",
        ["Approval:DepartmentSystems:RequestTimeout"] = "00:00:05",
        ["Approval:DepartmentSystems:Secrets:samr-hook"] = Secret,
    };

    [Test]
    public async Task A_subscription_receives_its_departments_case_lines_once_in_order_signed_and_no_other_departments()
    {
        var subscription = await SubscribeAsync("samr", "in-order");
        var (ours, number) = await SamrCaseAsync();
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        var (theirs, _, _) = await enterprise.SubmitAsync(ConstructionPermitOverHttpTests.Application(height: 30, investment: 5_000_000));
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var sentAt = Factory.Clock.GetUtcNow().ToUnixTimeSeconds();

        await RunAsync();
        await RunAsync();

        var requests = HookReceiver.At("in-order");
        Assert.That(requests, Has.Count.EqualTo(1), "one batch, and nothing again on the second run");
        var request = requests.Single();
        var timestamp = request.Headers["X-Approval-Timestamp"];
        Assert.That(timestamp, Is.EqualTo(sentAt.ToString(CultureInfo.InvariantCulture)));
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}.{request.Body}")));
        Assert.That(request.Headers["X-Approval-Signature"], Is.EqualTo(expected), "HMAC-SHA256 of timestamp.body with the configured secret");
        Assert.That(request.Headers["Content-Type"], Does.StartWith("application/json"));

        var batch = JsonNode.Parse(request.Body)!;
        Assert.That(batch["subscriptionId"]!.GetValue<long>(), Is.EqualTo(subscription));
        Assert.That(batch["departmentCode"]!.GetValue<string>(), Is.EqualTo("samr"));
        var events = batch["events"]!.AsArray().Select(e => e!).ToList();
        Assert.That(events.Select(e => e["caseId"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { ours }), $"housing's case {theirs} is not samr's");
        Assert.That(events.Select(e => e["caseNumber"]!.GetValue<string>()).Distinct(), Is.EqualTo(new[] { number }));
        Assert.That(events.Select(e => e["action"]!.GetValue<string>()).Take(2), Is.EqualTo(new[] { "Submitted", "Accepted" }));
        var ids = events.Select(e => e["id"]!.GetValue<long>()).ToList();
        Assert.That(ids, Is.Ordered.Ascending.And.Unique);
        Assert.That(events[0]["at"]!.GetValue<string>(), Does.EndWith("+08:00"), "times as the API writes them");

        // The same lines as the department's pull feed gives after the subscription's starting point.
        using var samr = await Factory.CreateClientAsync("samr-reviewer");
        var feed = await samr.GetJsonAsync($"/api/departments/samr/events?after={ids[0] - 1}&limit=500");
        Assert.That(feed.Body!["events"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()), Is.EqualTo(ids));
        var listed = (await Admin.GetJsonAsync("/api/admin/webhooks")).Body!.AsArray().Single(s => s!["id"]!.GetValue<long>() == subscription)!;
        Assert.That(listed["cursor"]!.GetValue<long>(), Is.EqualTo(ids[^1]));
        Assert.That(listed["secretName"]!.GetValue<string>(), Is.EqualTo("samr-hook"));
        Assert.That(listed.ToJsonString(), Does.Not.Contain(Secret), "the secret is named, never stored or shown");
    }

    [Test]
    public async Task A_failing_receiver_gets_the_lines_again_after_a_back_off_and_the_cursor_waits_for_a_2xx()
    {
        var subscription = await SubscribeAsync("samr", "failing");
        var start = await CursorAsync(subscription);
        HookReceiver.Answer("failing", HttpStatusCode.InternalServerError);
        await SamrCaseAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));

        await RunAsync();
        Assert.That(HookReceiver.At("failing"), Has.Count.EqualTo(1));
        var failed = await SubscriptionAsync(subscription);
        Assert.That(failed["cursor"]!.GetValue<long>(), Is.EqualTo(start), "a 500 does not move the cursor");
        Assert.That(failed["failures"]!.GetValue<int>(), Is.EqualTo(1));

        await RunAsync();
        Assert.That(HookReceiver.At("failing"), Has.Count.EqualTo(1), "not before the back-off (a minute after the first failure)");

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunAsync();
        var requests = HookReceiver.At("failing");
        Assert.That(requests, Has.Count.EqualTo(2));
        var first = JsonNode.Parse(requests[0].Body)!["events"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()).ToList();
        var again = JsonNode.Parse(requests[1].Body)!["events"]!.AsArray().Select(e => e!["id"]!.GetValue<long>()).ToList();
        Assert.That(again, Is.EqualTo(first), "the same lines again");
        var delivered = await SubscriptionAsync(subscription);
        Assert.That(delivered["cursor"]!.GetValue<long>(), Is.EqualTo(first[^1]));
        Assert.That(delivered["failures"]!.GetValue<int>(), Is.EqualTo(0));

        var attempts = (await Admin.GetJsonAsync($"/api/admin/webhooks/{subscription}/deliveries")).Body!.AsArray()
            .Select(a => $"{a!["attempt"]}:{a["statusCode"]}:{a["firstEventId"]}-{a["lastEventId"]}").ToList();
        Assert.That(attempts, Is.EqualTo(new[] { $"2:200:{first[0]}-{first[^1]}", $"1:500:{first[0]}-{first[^1]}" }), "newest first");
    }

    [Test]
    public async Task A_suspended_subscription_gets_nothing_until_resumed_and_then_what_it_missed()
    {
        var subscription = await SubscribeAsync("samr", "suspended");
        var suspended = await Admin.PostJsonAsync($"/api/admin/webhooks/{subscription}/suspend");
        Assert.That(suspended.Status, Is.EqualTo(HttpStatusCode.OK), suspended.Text);
        Assert.That(suspended.Body!["paused"]!.GetValue<bool>(), Is.True);
        var (ours, _) = await SamrCaseAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));

        await RunAsync();
        Assert.That(HookReceiver.At("suspended"), Is.Empty);

        Assert.That((await Admin.PostJsonAsync($"/api/admin/webhooks/{subscription}/resume")).Status, Is.EqualTo(HttpStatusCode.OK));
        await RunAsync();
        var events = JsonNode.Parse(HookReceiver.At("suspended").Single().Body)!["events"]!.AsArray();
        Assert.That(events.Select(e => e!["caseId"]!.GetValue<string>()), Does.Contain(ours));

        Assert.That((await Admin.SendJsonAsync(HttpMethod.Delete, $"/api/admin/webhooks/{subscription}", null)).Status, Is.EqualTo(HttpStatusCode.NoContent));
        await SamrCaseAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await RunAsync();
        Assert.That(HookReceiver.At("suspended"), Has.Count.EqualTo(1), "removed: nothing more");
        Assert.That((await Admin.PostJsonAsync($"/api/admin/webhooks/{subscription}/resume")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>An administrator's subscribing, pausing and removing are in the audit trail, as the other admin settings are;
    /// the delivery job's lease and cursor, moved on every run, are not.</summary>
    [Test]
    public async Task Subscribing_pausing_and_removing_are_audited_and_the_deliveries_bookkeeping_is_not()
    {
        var before = await AuditSequenceAsync();
        var subscription = await SubscribeAsync("samr", "audited");
        await SamrCaseAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await RunAsync();
        Assert.That(HookReceiver.At("audited"), Is.Not.Empty, "a delivery ran and moved the cursor");
        Assert.That((await Admin.PostJsonAsync($"/api/admin/webhooks/{subscription}/suspend")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Admin.SendJsonAsync(HttpMethod.Delete, $"/api/admin/webhooks/{subscription}", null)).Status, Is.EqualTo(HttpStatusCode.NoContent));

        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var entries = await db.AuditEntries.Where(e => e.Sequence > before && e.Kind.StartsWith("WebhookSubscriptions.")).OrderBy(e => e.Sequence).ToListAsync();
        Assert.That(entries.Select(e => $"{e.Kind} {e.Actor}"), Is.EqualTo(new[]
        {
            "WebhookSubscriptions.Added admin", "WebhookSubscriptions.Modified admin", "WebhookSubscriptions.Deleted admin",
        }), "the delivery's saves are not entries");
        Assert.That(entries[1].Payload, Does.Contain("\"Paused\":true"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// <summary>/admin/webhooks over HTTP, its forms posted as a browser posts them: an administrator subscribes a system (a
    /// refused address named with its reason), sees its deliveries with their status, pauses and removes it.</summary>
    [Test]
    public async Task The_administrators_page_subscribes_lists_the_latest_deliveries_pauses_and_removes_and_names_a_refused_field()
    {
        using var browser = Factory.CreateClient();
        (await browser.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = Approval.Api.Identity.DemoUsers.Password })).EnsureSuccessStatusCode();
        async Task<(HttpStatusCode Status, string Html)> PostAsync(string handler, params (string Name, string Value)[] fields)
        {
            var token = AntiforgeryToken().Match(await browser.GetStringAsync(new Uri("/admin/webhooks", UriKind.Relative))).Groups[1].Value;
            using var form = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).Append(new("__RequestVerificationToken", token)));
            using var response = await browser.PostAsync(new Uri($"/admin/webhooks?handler={handler}", UriKind.Relative), form);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        string Row(string html, long id) => Regex.Match(html, $"<tr data-subscription=\"{id}\">.*?</tr>", RegexOptions.Singleline).Value;

        var refused = await PostAsync("Subscribe", ("departmentCode", "samr"), ("url", "https://records.example.org/hooks"), ("secretName", "samr-hook"));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(refused.Html, Does.Contain("data-field=\"url\"").And.Contain("records.example.org"));

        var before = (await Admin.GetJsonAsync("/api/admin/webhooks")).Body!.AsArray().Select(s => s!["id"]!.GetValue<long>()).ToHashSet();
        var subscribed = await PostAsync("Subscribe", ("departmentCode", "samr"), ("url", HookReceiver.Url + "page/"), ("secretName", "samr-hook"), ("eventKinds", "Accepted"), ("eventKinds", "Decided"));
        Assert.That(subscribed.Status, Is.EqualTo(HttpStatusCode.OK), "redirected to the list");
        Assert.That(subscribed.Html, Does.Contain("data-testid=\"done\""));
        var id = (await Admin.GetJsonAsync("/api/admin/webhooks")).Body!.AsArray().Select(s => s!["id"]!.GetValue<long>()).Single(i => !before.Contains(i));
        var row = Row(subscribed.Html, id);
        Assert.That(row, Does.Contain(HookReceiver.Url + "page/").And.Contain("samr-hook").And.Contain("Accepted, Decided").And.Not.Contain(Secret));

        await SamrCaseAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await RunAsync();
        Assert.That(HookReceiver.At("page"), Is.Not.Empty);
        row = Row(await browser.GetStringAsync(new Uri("/admin/webhooks", UriKind.Relative)), id);
        Assert.That(Regex.Count(row, "data-delivery="), Is.EqualTo(1), row);
        Assert.That(row, Does.Contain(">200<"), "the receiver's status");

        var paused = await PostAsync("Pause", ("id", id.ToString(CultureInfo.InvariantCulture)));
        Assert.That(Row(paused.Html, id), Does.Contain("data-testid=\"resume\""));
        Assert.That((await SubscriptionAsync(id))["paused"]!.GetValue<bool>(), Is.True);

        var removed = await PostAsync("Remove", ("id", id.ToString(CultureInfo.InvariantCulture)));
        Assert.That(removed.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Row(removed.Html, id), Is.Empty);
        Assert.That((await PostAsync("Remove", ("id", id.ToString(CultureInfo.InvariantCulture)))).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_subscription_to_some_event_kinds_gets_only_those()
    {
        var added = await Admin.PostJsonAsync("/api/admin/webhooks", new { departmentCode = "samr", url = HookReceiver.Url + "kinds/", secretName = "samr-hook", eventKinds = new[] { "Accepted" } });
        Assert.That(added.Status, Is.EqualTo(HttpStatusCode.Created), added.Text);
        var (ours, _) = await SamrCaseAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await RunAsync();
        var events = JsonNode.Parse(HookReceiver.At("kinds").Single().Body)!["events"]!.AsArray();
        Assert.That(events.Select(e => $"{e!["caseId"]}:{e["action"]}"), Is.EqualTo(new[] { $"{ours}:Accepted" }));
    }

    [Test]
    public async Task Bad_subscriptions_are_refused_naming_each_field_and_only_administrators_manage_them()
    {
        var bad = await Admin.PostJsonAsync("/api/admin/webhooks",
            new { departmentCode = "nope", url = "http://records.example.org/hook", secretName = "not-configured", eventKinds = new[] { "Nope" } });
        Assert.That(bad.Status, Is.EqualTo(HttpStatusCode.BadRequest), bad.Text);
        Assert.That(bad.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "departmentCode", "url", "secretName", "eventKinds" }));
        Assert.That(bad.Body["errors"]!["url"]!.ToJsonString(), Does.Contain("https"));

        var offList = await Admin.PostJsonAsync("/api/admin/webhooks", new { departmentCode = "samr", url = "https://records.example.org/hook", secretName = "samr-hook" });
        Assert.That(offList.Status, Is.EqualTo(HttpStatusCode.BadRequest), offList.Text);
        Assert.That(offList.Body!["errors"]!["url"]!.ToJsonString(), Does.Contain("records.example.org").And.Contain("allow-list"));
        var empty = await Admin.PostJsonAsync("/api/admin/webhooks", new { });
        Assert.That(empty.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "departmentCode", "url", "secretName" }));
        Assert.That((await Admin.GetJsonAsync("/api/admin/webhooks")).Body!.AsArray().Select(s => s!["url"]!.GetValue<string>()),
            Has.None.Contains("records.example.org"), "nothing half-written");

        using var reviewer = await Factory.CreateClientAsync("samr-reviewer");
        using var anonymous = Factory.CreateClient();
        var body = new { departmentCode = "samr", url = HookReceiver.Url + "not-admin/", secretName = "samr-hook" };
        Assert.That((await reviewer.PostJsonAsync("/api/admin/webhooks", body)).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await reviewer.GetJsonAsync("/api/admin/webhooks")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await anonymous.PostJsonAsync("/api/admin/webhooks", body)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Two_nodes_running_the_delivery_at_once_send_a_subscriptions_lines_once()
    {
        await SubscribeAsync("samr", "two-nodes");
        HookReceiver.Answer("two-nodes", HttpStatusCode.OK, TimeSpan.FromSeconds(1));
        await SamrCaseAsync();
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));
        await using var otherNode = Factory.AnotherNode();
        var other = otherNode.Services.GetRequiredService<WebhookDelivery>();

        // The receiver takes a second to answer, so without the lease the second node would send the same lines meanwhile.
        await Task.WhenAll(RunAsync(), other.RunAsync(CancellationToken.None));
        await Task.WhenAll(RunAsync(), other.RunAsync(CancellationToken.None));

        Assert.That(HookReceiver.At("two-nodes"), Has.Count.EqualTo(1));
    }

    private async Task<long> AuditSequenceAsync()
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Sequence) ?? 0;
    }

    private async Task<long> SubscribeAsync(string department, string path)
    {
        var added = await Admin.PostJsonAsync("/api/admin/webhooks", new { departmentCode = department, url = HookReceiver.Url + path + "/", secretName = "samr-hook" });
        Assert.That(added.Status, Is.EqualTo(HttpStatusCode.Created), added.Text);
        return added.Body!["id"]!.GetValue<long>();
    }

    private async Task<JsonNode> SubscriptionAsync(long id) =>
        (await Admin.GetJsonAsync("/api/admin/webhooks")).Body!.AsArray().Single(s => s!["id"]!.GetValue<long>() == id)!;

    private async Task<long> CursorAsync(long id) => (await SubscriptionAsync(id))["cursor"]!.GetValue<long>();

    /// <summary>An enterprise application samr reviews, submitted and accepted: lines on samr's timeline.</summary>
    private async Task<(string Id, string Number)> SamrCaseAsync()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, number, _) = await applicant.SubmitAsync(MachineClientTests.EnterpriseApplication);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        return (id, number);
    }

    // The job Hangfire runs every minute, run here at once (the test application has no Hangfire server).
    private Task<int> RunAsync() => Factory.Services.GetRequiredService<WebhookDelivery>().RunAsync(CancellationToken.None);

    /// <summary>A department's system on loopback: records each request by its first path segment, answers 200 unless told otherwise.</summary>
    private sealed class Receiver : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentDictionary<string, ConcurrentQueue<(HttpStatusCode Status, TimeSpan Delay)>> _answers = new();
        private readonly ConcurrentQueue<(string Path, Request Request)> _received = new();

        public sealed record Request(IReadOnlyDictionary<string, string?> Headers, string Body);

        public string Url { get; private init; } = "";

        public static Receiver Start()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var receiver = new Receiver { Url = $"http://127.0.0.1:{port}/hooks/" };
            receiver._listener.Prefixes.Add(receiver.Url);
            receiver._listener.Start();
            _ = receiver.ServeAsync();
            return receiver;
        }

        public List<Request> At(string path) => [.. _received.Where(r => r.Path == path).Select(r => r.Request)];

        public void Answer(string path, HttpStatusCode status, TimeSpan? delay = null) => _answers.GetOrAdd(path, _ => new()).Enqueue((status, delay ?? TimeSpan.Zero));

        private async Task ServeAsync()
        {
            while (true)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k], StringComparer.OrdinalIgnoreCase);
                var path = context.Request.Url!.AbsolutePath["/hooks/".Length..].Trim('/');
                _received.Enqueue((path, new Request(headers, body)));
                var (status, delay) = _answers.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next : (HttpStatusCode.OK, TimeSpan.Zero);
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay);
                context.Response.StatusCode = (int)status;
                context.Response.Close();
            }
        }

        public void Dispose() => _listener.Close();
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Api.DepartmentSystems;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Tests.Api.MachineClients;
using Approval.Tests.Engine;

namespace Approval.Tests.Api.DepartmentSystems;

/// <summary>
/// Departments with their own systems take part in processes over HTTP: <c>Elsa.FlowSendHttpRequest</c> calls a system (here a
/// loopback listener standing for the fire department's) on an allow-listed host with a configured key, taking the port of the
/// status it answers; a failure nobody routed is an incident that a retry sends again; <c>Elsa.HttpEndpoint</c> waits until
/// the department's system calls back, with its machine client's token or a signed body, once.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public partial class DepartmentSystemTests(DatabaseProvider provider) : OutsideSystemFixture(provider)
{
    private const string ApiKey = "k-7f3a";
    private const string CallbackSecret = "cb-91d2";
    private int _definitions;

    private LoopbackSystem FireSystem => (LoopbackSystem)Outside;

    private protected override IDisposable StartOutside() => LoopbackSystem.Start();

    private protected override Dictionary<string, string> Settings => new()
    {
        ["Approval:DepartmentSystems:AllowedHosts:0"] = "127.0.0.1",
        ["Approval:DepartmentSystems:RequestTimeout"] = "00:00:02",
        ["Approval:DepartmentSystems:Secrets:fire-system-key"] = ApiKey,
        ["Approval:DepartmentSystems:Secrets:fire-callback-key"] = CallbackSecret,
        ["Approval:DepartmentSystems:Callbacks:fire-review:Department"] = "samr",
        ["Approval:DepartmentSystems:Callbacks:fire-review:SigningSecret"] = "fire-callback-key",
    };

    [Test]
    public async Task The_department_system_gets_the_request_with_the_configured_key_and_its_answer_takes_the_status_port_into_a_variable()
    {
        FireSystem.Answer(HttpStatusCode.OK, """{"permit":"XF-2026-001"}""");
        var id = await StartAsync(await DefineAsync(
            Flow.Activities(Flow.Start(), Request(FireSystem.Url + "reviews", ("method", "POST"), ("content", new JsonObject { ["caseNumber"] = "YF-1" }),
                    ("contentType", "application/json"), ("requestHeaders", new JsonObject { ["X-Api-Key"] = "secret:fire-system-key" }),
                    ("expectedStatusCodes", new JsonArray(200, 404))),
                Flow.Event("accepted", "accepted"), Flow.Event("unknown", "unknown")),
            Flow.Connections(Flow.Connect("start", "http"), Flow.Connect("http", "accepted", "200"), Flow.Connect("http", "unknown", "404")),
            [new JsonObject { ["id"] = "answer-id", ["name"] = "answer", ["typeName"] = "Object" }]));

        var instance = await InstanceAsync(id);
        var received = FireSystem.Received.Single();
        Assert.Multiple(() =>
        {
            Assert.That(received.Method, Is.EqualTo("POST"));
            Assert.That(received.Path, Is.EqualTo("/fire/reviews"));
            Assert.That(received.Headers["X-Api-Key"], Is.EqualTo(ApiKey), "the secret named by the definition, from configuration");
            Assert.That(received.Headers["Idempotency-Key"], Does.StartWith($"{id}:"), "the instance and its execution");
            Assert.That(JsonNode.Parse(received.Body)!["caseNumber"]!.GetValue<string>(), Is.EqualTo("YF-1"));
            Assert.That(instance["variables"]!["answer"]!["permit"]!.GetValue<string>(), Is.EqualTo("XF-2026-001"));
            Assert.That(instance["output"]!["http"]!["permit"]!.GetValue<string>(), Is.EqualTo("XF-2026-001"));
            Assert.That(BookmarkNames(instance), Is.EqualTo(new[] { "accepted" }), "the 200 port was taken");
            Assert.That(instance.ToJsonString(), Does.Not.Contain(ApiKey), "the key is never part of the instance");
        });
    }

    [Test]
    public async Task An_unexpected_status_nobody_routed_is_an_incident_and_its_retry_sends_the_request_again_with_the_same_idempotency_key()
    {
        FireSystem.Answer(HttpStatusCode.ServiceUnavailable, "");
        FireSystem.Answer(HttpStatusCode.OK, """{"ok":true}""");
        var id = await StartAsync(await DefineAsync(
            Flow.Activities(Flow.Start(), Request(FireSystem.Url + "reviews", ("expectedStatusCodes", "200")), Flow.Event("accepted", "accepted")),
            Flow.Connections(Flow.Connect("start", "http"), Flow.Connect("http", "accepted", "200"))));

        var faulted = await InstanceAsync(id);
        Assert.That(faulted["status"]!.GetValue<string>(), Is.EqualTo("Faulted"));
        var incident = faulted["incidents"]!.AsArray().Single()!;
        Assert.That(incident["message"]!.GetValue<string>(), Does.Contain("503"));
        Assert.That(FireSystem.Received, Has.Count.EqualTo(1), "no silent retry");

        var retried = await Admin.PostJsonAsync($"/api/workflow-instances/{id}/incidents/{incident["id"]!.GetValue<string>()}/retry");
        Assert.That(retried.Status, Is.EqualTo(HttpStatusCode.OK), retried.Text);
        Assert.That(BookmarkNames(retried.Body!), Is.EqualTo(new[] { "accepted" }));
        var sent = FireSystem.Received.ToList();
        Assert.That(sent, Has.Count.EqualTo(2));
        Assert.That(sent[1].Headers["Idempotency-Key"], Is.EqualTo(sent[0].Headers["Idempotency-Key"]), "the same attempt, for the system to drop a duplicate");
    }

    [Test]
    public async Task Failed_to_connect_and_Timeout_take_Elsas_ports_when_the_definition_routes_them()
    {
        var closed = ClosedPortUrl();
        var down = await StartAsync(await DefineAsync(
            Flow.Activities(Flow.Start(), Request(closed), Flow.Event("down", "down")),
            Flow.Connections(Flow.Connect("start", "http"), Flow.Connect("http", "down", SendHttpRequestActivity.FailedToConnect))));
        Assert.That(BookmarkNames(await InstanceAsync(down)), Is.EqualTo(new[] { "down" }));

        FireSystem.Answer(HttpStatusCode.OK, "{}", delay: TimeSpan.FromSeconds(4));
        var slow = await StartAsync(await DefineAsync(
            Flow.Activities(Flow.Start(), Request(FireSystem.Url + "slow"), Flow.Event("late", "late")),
            Flow.Connections(Flow.Connect("start", "http"), Flow.Connect("http", "late", SendHttpRequestActivity.TimedOut))));
        Assert.That(BookmarkNames(await InstanceAsync(slow)), Is.EqualTo(new[] { "late" }));
    }

    [Test]
    public async Task A_host_off_the_allow_list_is_named_at_upload_when_literal_and_the_request_is_not_sent_when_computed()
    {
        var literal = await UploadAsync(Flow.Activities(Flow.Start(), Request("http://records.example.org/api")), Flow.Connections(Flow.Connect("start", "http")));
        Assert.That(literal.Status, Is.EqualTo(HttpStatusCode.BadRequest), literal.Text);
        var error = literal.Body!["definitionErrors"]!.AsArray().Single()!;
        Assert.That(error["code"]!.GetValue<string>(), Is.EqualTo("HostNotAllowed"));
        Assert.That(error["parameters"]!["host"]!.GetValue<string>(), Is.EqualTo("records.example.org"));

        var port = new Uri(FireSystem.Url).Port;
        var computed = Flow.Js("http", "Elsa.FlowSendHttpRequest", "url", $"return 'http://localhost:{port}/fire/x'");
        var id = await StartAsync(await DefineAsync(Flow.Activities(Flow.Start(), computed), Flow.Connections(Flow.Connect("start", "http"))));
        var instance = await InstanceAsync(id);
        Assert.That(instance["incidents"]!.AsArray().Single()!["message"]!.GetValue<string>(), Does.Contain($"'localhost:{port}'"));
        Assert.That(FireSystem.Received, Is.Empty);
    }

    [Test]
    public async Task A_credential_written_in_a_definition_an_unknown_secret_and_an_unconfigured_callback_path_are_refused_at_upload()
    {
        var reply = await UploadAsync(Flow.Activities(Flow.Start(),
                Request(FireSystem.Url, ("authorization", "Bearer eyJhbGciOi"), ("requestHeaders", new JsonObject { ["X-Trace"] = "secret:nope" })),
                Flow.Activity("callback", "Elsa.HttpEndpoint", ("path", "/nowhere"))),
            Flow.Connections(Flow.Connect("start", "http"), Flow.Connect("http", "callback")));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest), reply.Text);
        var codes = reply.Body!["definitionErrors"]!.AsArray().Select(e => $"{e!["activityId"]}:{e["code"]}:{e["parameters"]!["input"]}").ToList();
        Assert.That(codes, Is.EquivalentTo(new[]
        {
            "http:CredentialInDefinition:authorization", "http:SecretUnknown:requestHeaders.X-Trace", "callback:CallbackPathUnknown:path",
        }));

        // A key a script computes is no better than one written out: refused when the request would be sent.
        var computed = Request(FireSystem.Url + "reviews");
        computed["requestHeaders"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = "return { 'X-Api-Key': 'plain-key' }" } };
        var id = await StartAsync(await DefineAsync(Flow.Activities(Flow.Start(), computed), Flow.Connections(Flow.Connect("start", "http"))));
        Assert.That((await InstanceAsync(id))["incidents"]!.AsArray().Single()!["message"]!.GetValue<string>(), Does.Contain("requestHeaders.X-Api-Key").And.Contain("secret:NAME"));
        Assert.That(FireSystem.Received, Is.Empty);
    }

    [Test]
    public async Task The_departments_system_resumes_the_waiting_process_once_with_its_token_and_no_one_else_can()
    {
        var id = await StartAsync(await DefineAsync(CallbackFlow(), Flow.Connections(Flow.Connect("start", "callback"), Flow.Connect("callback", "after")), Reply()));
        var secret = await Admin.IssueClientAsync("samr-inspection", "市场监管局审批系统", "samr");
        using var system = await Factory.CreateMachineClientAsync("samr-inspection", secret);
        var taxSecret = await Admin.IssueClientAsync("tax-levy", "税务局系统", "tax");
        using var tax = await Factory.CreateMachineClientAsync("tax-levy", taxSecret);
        using var anonymous = Factory.CreateClient();
        var url = $"/api/workflow-callbacks/fire-review?instanceId={id}";

        Assert.That((await anonymous.PostJsonAsync(url, new { passed = true })).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await tax.PostJsonAsync(url, new { passed = true })).Status, Is.EqualTo(HttpStatusCode.Forbidden), "another department's system");
        Assert.That((await Admin.PostJsonAsync(url, new { passed = true })).Status, Is.EqualTo(HttpStatusCode.Forbidden), "a person, not the department's system");
        Assert.That((await system.PostJsonAsync("/api/workflow-callbacks/fire-review?instanceId=nope", new { })).Status, Is.EqualTo(HttpStatusCode.NotFound));

        var first = await system.PostJsonAsync(url, new { passed = true, inspector = "李四" });
        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.Text);
        var second = await system.PostJsonAsync(url, new { passed = false });
        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.Conflict), second.Text);
        Assert.That(second.Body!["detail"]!.GetValue<string>(), Does.Contain("already given"));

        var instance = await InstanceAsync(id);
        Assert.That(instance["variables"]!["reply"]!["inspector"]!.GetValue<string>(), Is.EqualTo("李四"), "the first call's body, not the second's");
        Assert.That(BookmarkNames(instance), Is.EqualTo(new[] { "after" }));
    }

    [Test]
    public async Task A_signed_callback_resumes_the_process_and_a_wrong_or_stale_signature_is_refused()
    {
        var id = await StartAsync(await DefineAsync(CallbackFlow(), Flow.Connections(Flow.Connect("start", "callback"), Flow.Connect("callback", "after")), Reply()));
        using var anonymous = Factory.CreateClient();
        var body = """{"passed":true,"inspector":"王五"}""";
        var now = Factory.Clock.GetUtcNow().ToUnixTimeSeconds();

        Assert.That((await SignedAsync(anonymous, id, body, now, "wrong-secret")).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        var stale = await SignedAsync(anonymous, id, body, now - 600, CallbackSecret);
        Assert.That(stale.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(stale.Body!["detail"]!.GetValue<string>(), Does.Contain("replayed"));
        var good = await SignedAsync(anonymous, id, body, now, CallbackSecret);
        Assert.That(good.Status, Is.EqualTo(HttpStatusCode.OK), good.Text);
        Assert.That((await SignedAsync(anonymous, id, body, now, CallbackSecret)).Status, Is.EqualTo(HttpStatusCode.Conflict), "the same call sent again");
        Assert.That((await InstanceAsync(id))["variables"]!["reply"]!["inspector"]!.GetValue<string>(), Is.EqualTo("王五"));
    }

    /// <summary>Elsa's structured Elsa.SendHttpRequest: an activity per expected status code and per failure, none of them connected.</summary>
    [Test]
    public async Task The_structured_send_http_request_runs_the_activity_of_the_status_or_failure_and_a_failure_without_one_is_an_incident()
    {
        JsonObject Structured(string url) => new()
        {
            ["id"] = "http", ["type"] = "Elsa.SendHttpRequest",
            ["url"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = url } },
            ["requestHeaders"] = new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Object", ["value"] = """{"X-Api-Key":"secret:fire-system-key"}""" } },
            ["expectedStatusCodes"] = new JsonArray(
                new JsonObject { ["statusCode"] = 201, ["activity"] = Flow.Event("filed", "filed") },
                new JsonObject { ["statusCode"] = 409, ["activity"] = Flow.Event("duplicate", "duplicate") }),
            ["failedToConnect"] = Flow.Event("down", "down"),
        };
        async Task<JsonNode> RunAsync(string url) =>
            await InstanceAsync(await StartAsync(await DefineAsync(Flow.Activities(Flow.Start(), Structured(url), Flow.Event("after", "after")),
                Flow.Connections(Flow.Connect("start", "http"), Flow.Connect("http", "after")))));

        FireSystem.Answer(HttpStatusCode.Created, """{"permit":"XF-7"}""");
        var filed = await RunAsync(FireSystem.Url + "reviews");
        Assert.That(BookmarkNames(filed), Is.EqualTo(new[] { "filed" }), "the 201 case's activity runs, and the request waits for it before going on");
        Assert.That(FireSystem.Received.Single().Headers["X-Api-Key"], Is.EqualTo(ApiKey), "secrets from configuration, as in the flow form");

        Assert.That(BookmarkNames(await RunAsync(ClosedPortUrl())), Is.EqualTo(new[] { "down" }), "failedToConnect's activity");

        FireSystem.Answer(HttpStatusCode.InternalServerError, "");
        var unmatched = await RunAsync(FireSystem.Url + "reviews");
        Assert.That(unmatched["status"]!.GetValue<string>(), Is.EqualTo("Faulted"), "no unmatchedStatusCode activity: an incident, not a silent completion");
        Assert.That(unmatched["incidents"]!.AsArray().Single()!["message"]!.GetValue<string>(), Does.Contain("answered 500, not one of 201, 409"));

        var offList = await UploadAsync(Flow.Activities(Flow.Start(), Structured("http://records.example.org/api")), Flow.Connections(Flow.Connect("start", "http")));
        Assert.That(offList.Body!["definitionErrors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()), Is.EqualTo(new[] { "HostNotAllowed" }));
    }

    private static JsonArray CallbackFlow()
    {
        var callback = Flow.Activity("callback", "Elsa.HttpEndpoint", ("path", "/fire-review"));
        callback["parsedContent"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "reply-id" } };
        return Flow.Activities(Flow.Start(), callback, Flow.Event("after", "after"));
    }

    private static JsonArray Reply() => [new JsonObject { ["id"] = "reply-id", ["name"] = "reply", ["typeName"] = "Object" }];

    private static async Task<Reply> SignedAsync(HttpClient client, string instanceId, string body, long timestamp, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflow-callbacks/fire-review?instanceId={instanceId}");
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.Add(CallbackSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(CallbackSignature.SignatureHeader, CallbackSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.StartsWith('{') ? JsonNode.Parse(text) : null, text);
    }

    private static JsonObject Request(string url, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = Flow.Activity("http", "Elsa.FlowSendHttpRequest", [("url", url), .. inputs]);
        activity["parsedContent"] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = "answer-id" } };
        return activity;
    }

    // Each test its own definition id, so tests never publish over each other's.
    private async Task<Reply> UploadAsync(JsonArray activities, JsonArray connections, JsonArray? variables = null)
    {
        var definition = JsonNode.Parse(Flow.Definition(activities, connections, variables))!;
        definition["definitionId"] = $"department-system-{Interlocked.Increment(ref _definitions)}";
        using var content = new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Admin.PostAsync(new Uri("/api/workflow-definitions", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.StartsWith('{') || text.StartsWith('[') ? JsonNode.Parse(text) : null, text);
    }

    private async Task<string> DefineAsync(JsonArray activities, JsonArray connections, JsonArray? variables = null)
    {
        var uploaded = await UploadAsync(activities, connections, variables);
        Assert.That(uploaded.Status, Is.EqualTo(HttpStatusCode.Created), uploaded.Text);
        return uploaded["definitionId"];
    }

    private async Task<string> StartAsync(string definitionId)
    {
        FireSystem.Received.Clear();
        var started = await Admin.PostJsonAsync("/api/workflow-instances", new { definitionId });
        Assert.That(started.Status, Is.EqualTo(HttpStatusCode.Created), started.Text);
        return started["id"];
    }

    private async Task<JsonNode> InstanceAsync(string id)
    {
        var instance = await Admin.GetJsonAsync($"/api/workflow-instances/{id}");
        Assert.That(instance.Status, Is.EqualTo(HttpStatusCode.OK), instance.Text);
        return instance.Body!;
    }

    private static string[] BookmarkNames(JsonNode instance) => [.. instance["bookmarks"]!.AsArray().Select(b => b!["name"]!.GetValue<string>())];

    private static string ClosedPortUrl()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}/fire/";
    }

    /// <summary>The fire department's system on loopback: answers what it is told to, in order (200 with <c>{}</c> when told nothing).</summary>
    private sealed class LoopbackSystem : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(HttpStatusCode Status, string Body, TimeSpan Delay)> _answers = new();

        public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string?> Headers, string Body);

        public string Url { get; private init; } = "";
        public ConcurrentQueue<Request> Received { get; } = new();

        public static LoopbackSystem Start()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var system = new LoopbackSystem { Url = $"http://127.0.0.1:{port}/fire/" };
            system._listener.Prefixes.Add(system.Url);
            system._listener.Start();
            _ = system.ServeAsync();
            return system;
        }

        public void Answer(HttpStatusCode status, string body, TimeSpan? delay = null) => _answers.Enqueue((status, body, delay ?? TimeSpan.Zero));

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
                // Each request on its own, so a slow answer does not hold up the next.
                _ = Task.Run(() => AnswerAsync(context));
            }
        }

        private async Task AnswerAsync(HttpListenerContext context)
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k], StringComparer.OrdinalIgnoreCase);
            Received.Enqueue(new Request(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body));
            var (status, answer, delay) = _answers.TryDequeue(out var next) ? next : (HttpStatusCode.OK, "{}", TimeSpan.Zero);
            try
            {
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay);
                context.Response.StatusCode = (int)status;
                if (answer.Length > 0)
                {
                    context.Response.ContentType = "application/json";
                    var bytes = Encoding.UTF8.GetBytes(answer);
                    await context.Response.OutputStream.WriteAsync(bytes);
                }
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The caller gave up waiting (a timeout): nothing to answer.
            }
        }

        public void Dispose() => _listener.Close();
    }
}

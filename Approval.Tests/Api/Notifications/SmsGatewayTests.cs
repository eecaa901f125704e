using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Api.Notifications.Sms;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Notifications.ApplicantFeedback;

namespace Approval.Tests.Api.Notifications;

/// <summary>
/// The generic HTTP SMS gateway (<c>Approval:Sms:Sender</c> <c>Http</c>) against a tiny gateway on loopback: the configured body
/// template filled and escaped, the configured headers, a failure retried after the backoff, and each SMS sent once.
/// </summary>
public class SmsGatewayTests
{
    private LoopbackGateway _gateway = null!;
    private CaseApiFactory _factory = null!;

    [SetUp]
    public async Task Start()
    {
        _gateway = LoopbackGateway.Start();
        _factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T09:00:00", new Dictionary<string, string>
        {
            ["Approval:Sms:Sender"] = "Http",
            ["Approval:Sms:Http:Url"] = _gateway.Url,
            ["Approval:Sms:Http:BodyTemplate"] = """{"mobile":"{phone}","content":"{text}","outId":"{id}","case":"{caseNumber}"}""",
            ["Approval:Sms:Http:Headers:X-Api-Key"] = "test-key",
            ["Approval:Sms:MaxAttempts"] = "3",
        });
    }

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
        _gateway?.Dispose();
    }

    [Test]
    public async Task The_gateway_gets_each_SMS_once_as_configured_and_a_refused_one_is_retried_after_a_minute()
    {
        using var applicant = await _factory.CreateClientAsync("applicant");
        await AskForSmsAsync(applicant);
        var outbox = _factory.Services.GetRequiredService<SmsOutbox>();
        _gateway.Answers.Enqueue(HttpStatusCode.ServiceUnavailable);

        var (id, number, queryCode) = await applicant.SubmitAsync(Food);
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.Zero, "the gateway answered 503");
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.Zero, "not due again before the backoff");
        Assert.That(_gateway.Received, Has.Count.EqualTo(1));

        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.Zero);
        Assert.That(_gateway.Received, Has.Count.EqualTo(2), "the refused attempt and the accepted one; none after");

        var request = _gateway.Received.Last();
        Assert.That(request.ContentType, Does.StartWith("application/json"));
        Assert.That(request.ApiKey, Is.EqualTo("test-key"));
        var body = JsonNode.Parse(request.Body)!;
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var row = await db.Notifications.SingleAsync(n => n.CaseId == id);
        Assert.That(body["mobile"]!.GetValue<string>(), Is.EqualTo(Phone));
        Assert.That(body["content"]!.GetValue<string>(), Does.Contain(number).And.Contain(queryCode).And.StartWith("【政务服务】"));
        Assert.That(body["outId"]!.GetValue<string>(), Is.EqualTo(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), "the gateway can drop a duplicate by the row's id");
        Assert.That(body["case"]!.GetValue<string>(), Is.EqualTo(number));
        Assert.That((row.SmsAttempts, row.SmsDueAt, row.SmsSentAt), Is.EqualTo((2, (DateTimeOffset?)null, (DateTimeOffset?)_factory.Clock.GetUtcNow())));
    }

    [Test]
    public async Task An_SMS_the_gateway_keeps_refusing_is_given_up_after_the_configured_attempts_and_stays_in_the_inbox()
    {
        using var applicant = await _factory.CreateClientAsync("applicant");
        await AskForSmsAsync(applicant);
        var outbox = _factory.Services.GetRequiredService<SmsOutbox>();
        for (var i = 0; i < 5; i++)
            _gateway.Answers.Enqueue(HttpStatusCode.InternalServerError);

        var (id, _, _) = await applicant.SubmitAsync(Food);
        for (var minute = 0; minute < 10; minute++)
        {
            await outbox.DeliverAsync(CancellationToken.None);
            _factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.That(_gateway.Received, Has.Count.EqualTo(3), "Approval:Sms:MaxAttempts");
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var row = await db.Notifications.SingleAsync(n => n.CaseId == id);
        Assert.That((row.SmsAttempts, row.SmsDueAt, row.SmsSentAt), Is.EqualTo((3, (DateTimeOffset?)null, (DateTimeOffset?)null)));
        await ToldOnceAsync(applicant, id, "CaseReceived");
    }

    [Test]
    public void A_form_body_is_url_encoded_and_a_JSON_body_escaped()
    {
        var message = new SmsMessage(42, Phone, "办件 \"A&B\" 已受理\n", "20261124-000001", "CaseAccepted");
        var form = HttpSmsGateway.Body(new HttpSmsGatewayOptions { Format = SmsBodyFormat.Form, BodyTemplate = "to={phone}&msg={text}&ref={id}" }, message);
        Assert.That(form.Headers.ContentType!.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
        var pairs = form.ReadAsStringAsync().Result.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.That(pairs, Is.EqualTo(new Dictionary<string, string> { ["to"] = Phone, ["msg"] = message.Text, ["ref"] = "42" }));

        var json = HttpSmsGateway.Body(new HttpSmsGatewayOptions(), message);
        var parsed = JsonNode.Parse(json.ReadAsStringAsync().Result)!;
        Assert.That((parsed["phone"]!.GetValue<string>(), parsed["content"]!.GetValue<string>(), parsed["outId"]!.GetValue<string>()), Is.EqualTo((Phone, message.Text, "42")));
    }

    /// <summary>A gateway on a free loopback port: records each request and answers the queued status codes, then 200.</summary>
    private sealed class LoopbackGateway : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();

        public sealed record Request(string ContentType, string? ApiKey, string Body);

        public string Url { get; private init; } = "";
        public ConcurrentQueue<HttpStatusCode> Answers { get; } = new();
        public ConcurrentQueue<Request> Received { get; } = new();

        public static LoopbackGateway Start()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var gateway = new LoopbackGateway { Url = $"http://127.0.0.1:{port}/sms/send/" };
            gateway._listener.Prefixes.Add(gateway.Url);
            gateway._listener.Start();
            _ = gateway.ServeAsync();
            return gateway;
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                Received.Enqueue(new Request(context.Request.ContentType ?? "", context.Request.Headers["X-Api-Key"], await reader.ReadToEndAsync()));
                context.Response.StatusCode = (int)(Answers.TryDequeue(out var status) ? status : HttpStatusCode.OK);
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            _stop.Dispose();
        }
    }
}

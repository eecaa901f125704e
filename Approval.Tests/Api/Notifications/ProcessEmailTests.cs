using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Api.Notifications;
using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Tests.Api.Cases;
using Approval.Tests.Engine;
using Approval.Workflows.Applicants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Notifications;

/// <summary>
/// <c>Elsa.SendEmail</c> through the e-mail outbox, on SQLite and PostgreSQL: the step writes its e-mail as an outbox row in
/// the transaction that saves it — through the workflow runtime and in a case's process — and the outbox job sends it (to
/// a loopback SMTP listener) from the configured sender to every recipient; a step that lost the concurrency race and ran
/// again writes one; a computed address that is not one is an incident its retry runs again; attachments and literal bad
/// addresses are refused at upload, by name.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ProcessEmailTests(DatabaseProvider provider) : OutsideSystemFixture(provider)
{
    private const string Sender = "approval@service-center.example";
    private int _definitions;

    private SmtpCapture Smtp => (SmtpCapture)Outside;

    private protected override IDisposable StartOutside() => new SmtpCapture();

    private protected override Dictionary<string, string> Settings => new()
    {
        ["Approval:Smtp:Host"] = "127.0.0.1",
        ["Approval:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Approval:Smtp:From"] = Sender,
        ["Approval:Smtp:Timeout"] = "00:00:05",
    };

    [Test]
    public async Task The_e_mail_is_in_the_outbox_with_the_step_and_the_outbox_job_sends_it_once_to_every_recipient_from_the_configured_sender()
    {
        var mail = SendEmail("mail",
            ("to", Js("return ['li.si@applicant.example', 'wang.wu@applicant.example']")),
            ("cc", "fire@departments.example"),
            ("bcc", """["archive@service-center.example"]"""),
            ("subject", "消防审查已开始（fire review started）"),
            ("body", "<p>您的申请已进入<b>消防审查</b>。</p>"));
        var id = await StartAsync(await DefineAsync(Flow.Activities(Flow.Start(), mail, Flow.Event("after", "after")),
            Flow.Connections(Flow.Connect("start", "mail"), Flow.Connect("mail", "after"))));

        var row = (await RowsOfAsync(id)).Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Kind, Is.EqualTo(ProcessEmail.Kind));
            Assert.That(row.EmailDueAt, Is.EqualTo(Factory.Clock.GetUtcNow()), "due at once, committed with the step");
            Assert.That(row.EmailSentAt, Is.Null, "nothing sent from inside the step");
        });
        var rowId = row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Smtp.Messages.Where(m => m.Headers["X-Approval-Notification"] == rowId), Is.Empty);

        // The fixture's other tests leave their e-mails due too: this row's message is the one naming it.
        var outbox = Factory.Services.GetRequiredService<EmailOutbox>();
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.Positive);
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.Zero, "nothing left due");
        var sent = Smtp.Messages.Single(m => m.Headers["X-Approval-Notification"] == rowId);
        Assert.That((await RowsOfAsync(id)).Single().EmailSentAt, Is.EqualTo(Factory.Clock.GetUtcNow()));
        Assert.Multiple(() =>
        {
            Assert.That(sent.From, Is.EqualTo(Sender), "no 'from' in the definition: the configured sender");
            Assert.That(sent.To, Is.EquivalentTo(new[]
            {
                "li.si@applicant.example", "wang.wu@applicant.example", "fire@departments.example", "archive@service-center.example",
            }), "to, cc and bcc all receive it");
            Assert.That(sent.Headers["To"], Does.Contain("li.si@applicant.example").And.Contain("wang.wu@applicant.example"));
            Assert.That(sent.Headers["Cc"], Does.Contain("fire@departments.example"));
            Assert.That(sent.Headers.ContainsKey("Bcc"), Is.False, "a blind copy is not in the headers");
            Assert.That(sent.Headers["Subject"], Is.EqualTo("消防审查已开始（fire review started）"));
            Assert.That(sent.Headers.GetValueOrDefault("Content-Type"), Does.StartWith("text/html"), "Elsa's body is HTML");
            Assert.That(sent.Body, Is.EqualTo("<p>您的申请已进入<b>消防审查</b>。</p>"));
        });
    }

    [Test]
    public async Task A_step_run_again_after_losing_the_race_to_another_save_writes_its_e_mail_once()
    {
        var mail = SendEmail("mail", ("from", "fire-office@departments.example"), ("to", "li.si@applicant.example"), ("subject", "复查"), ("body", "<p>复查</p>"));
        var id = await StartAsync(await DefineAsync(Flow.Activities(Flow.Start(), Flow.Event("go", "go"), mail, Flow.Event("after", "after")),
            Flow.Connections(Flow.Connect("start", "go"), Flow.Connect("go", "mail"), Flow.Connect("mail", "after"))));

        var store = Factory.Services.GetRequiredService<EfWorkflowStore>();
        var racing = new SavedFirstByAnotherNode(store);
        var runtime = new WorkflowRuntime(Factory.Services.GetRequiredService<WorkflowEngine>(), store, racing,
            Factory.Services.GetRequiredService<IWorkflowTimerScheduler>());
        var run = await runtime.ResumeByNameAsync(id, "go");

        Assert.That(racing.Lost.Single().StagedEffects, Has.Count.EqualTo(1), "the losing run had staged its e-mail");
        Assert.That(run.Instance.Bookmarks.Select(b => b.Name), Is.EqualTo(new[] { "after" }));
        var row = (await RowsOfAsync(id)).Single();
        Assert.That(ProcessEmail.Envelope.FromJson(row.EmailEnvelope!).From, Is.EqualTo("fire-office@departments.example"));
    }

    [Test]
    public async Task A_computed_address_that_is_not_one_is_an_incident_naming_the_input_its_retry_runs_again_and_nothing_is_written()
    {
        var mail = SendEmail("mail", ("to", Js("return '李四（no address）'")), ("subject", "x"));
        var id = await StartAsync(await DefineAsync(Flow.Activities(Flow.Start(), mail), Flow.Connections(Flow.Connect("start", "mail"))));

        var faulted = await InstanceAsync(id);
        Assert.That(faulted["status"]!.GetValue<string>(), Is.EqualTo("Faulted"));
        var incident = faulted["incidents"]!.AsArray().Single()!;
        Assert.That(incident["message"]!.GetValue<string>(), Does.Contain("input 'to'").And.Contain("李四（no address）"));

        var retried = await Admin.PostJsonAsync($"/api/workflow-instances/{id}/incidents/{incident["id"]!.GetValue<string>()}/retry");
        Assert.That(retried.Status, Is.EqualTo(HttpStatusCode.OK), retried.Text);
        var incidents = retried.Body!["incidents"]!.AsArray();
        Assert.That((incidents.Count, incidents.Count(i => i!["resolvedAt"] is null)), Is.EqualTo((2, 1)), "run again: the first resolved, the same address a new incident");
        Assert.That(await RowsOfAsync(id), Is.Empty, "a step that faulted writes no e-mail");
    }

    [Test]
    public async Task Attachments_and_literal_addresses_that_are_not_ones_are_refused_at_upload_naming_each_input()
    {
        var mail = SendEmail("mail", ("to", "li.si@applicant.example, not-an-address"), ("cc", "@nowhere"),
            ("subject", "材料"), ("attachments", """["https://files.example/permit.pdf"]"""));
        var reply = await UploadAsync(Flow.Activities(Flow.Start(), mail), Flow.Connections(Flow.Connect("start", "mail")));

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.BadRequest), reply.Text);
        var errors = reply.Body!["definitionErrors"]!.AsArray()
            .Select(e => $"{e!["activityId"]}:{e["code"]}:{e["parameters"]!["input"]}:{e["parameters"]!["address"]}").ToList();
        Assert.That(errors, Is.EquivalentTo(new[]
        {
            "mail:EmailAttachmentsUnsupported:attachments:", "mail:EmailAddressInvalid:to:not-an-address", "mail:EmailAddressInvalid:cc:@nowhere",
        }));
        Assert.That(reply.Text, Does.Contain("attachments are not sent"), "the reason, in the client's language");
    }

    [Test]
    public async Task In_a_cases_process_the_e_mail_is_committed_with_the_acceptance()
    {
        // 个体工商户登记's process, e-mailing the applicant as it starts (at acceptance) before the lead department decides.
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Approval.Tests.Workflows.Process.ProcessHarness.WorkflowsFolder, "individual-business.json")))!;
        var root = definition["root"]!;
        root["activities"]!.AsArray().Add(SendEmail("mail", ("to", "applicant@applicant.example"), ("subject", "已受理（accepted）"), ("body", "<p>已受理</p>")));
        var start = root["connections"]!.AsArray().Single(c => c!["source"]!["activity"]!.GetValue<string>() == "start")!;
        start["target"]!["activity"] = "mail";
        root["connections"]!.AsArray().Add(Flow.Connect("mail", "decision"));
        var uploaded = await PostDefinitionAsync(definition);
        Assert.That(uploaded.Status, Is.EqualTo(HttpStatusCode.Created), uploaded.Text);

        using var clerk = await Factory.CreateClientAsync("clerk");
        var person = "44530219900101002" + ResidentIdNumber.CheckDigitOf("44530219900101002");
        var (caseId, _, _) = await clerk.SubmitAsync(new
        {
            itemCode = "GT-DJ-001",
            applicant = new { kind = "Person", idNumber = person, name = "钱受理", phone = "13800000000" },
            form = new { businessName = "云城区钱受理小吃店", operatorId = person, businessScope = "小吃服务", address = "云浮市云城区兴云西路9号" },
        });
        await using (var db = await NewContextAsync())
            Assert.That(await db.Notifications.CountAsync(n => n.Kind == ProcessEmail.Kind && n.Body == "<p>已受理</p>"), Is.Zero, "no process before acceptance");

        var accepted = await clerk.PostJsonAsync($"/api/cases/{caseId}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        string instanceId;
        await using (var db = await NewContextAsync())
            instanceId = (await db.Cases.Where(c => c.Id == caseId).Select(c => c.WorkflowInstanceId).SingleAsync())!;
        var row = (await RowsOfAsync(instanceId)).Single();
        Assert.That((row.Title, ProcessEmail.Envelope.FromJson(row.EmailEnvelope!).To), Is.EqualTo(("已受理（accepted）", (IReadOnlyList<string>)["applicant@applicant.example"])));
    }

    private static JsonObject SendEmail(string id, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = Flow.Activity(id, SendEmailActivity.Type);
        foreach (var (name, value) in inputs)
            activity[name] = value is JsonObject expression ? expression
                : new JsonObject { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        return activity;
    }

    private static JsonObject Js(string script) =>
        new() { ["typeName"] = "Object", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = script } };

    private async Task<List<NotificationRecord>> RowsOfAsync(string instanceId)
    {
        await using var db = await NewContextAsync();
        var recipient = $"process:{instanceId}";
        return await db.Notifications.Where(n => n.Recipient == recipient).ToListAsync();
    }

    private Task<ApprovalDbContext> NewContextAsync() =>
        Factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();

    // Each test its own definition id, so tests never publish over each other's.
    private Task<Reply> UploadAsync(JsonArray activities, JsonArray connections)
    {
        var definition = JsonNode.Parse(Flow.Definition(activities, connections))!;
        definition["definitionId"] = $"process-email-{Interlocked.Increment(ref _definitions)}";
        return PostDefinitionAsync(definition);
    }

    private async Task<Reply> PostDefinitionAsync(JsonNode definition)
    {
        using var content = new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Admin.PostAsync(new Uri("/api/workflow-definitions", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.StartsWith('{') || text.StartsWith('[') ? JsonNode.Parse(text) : null, text);
    }

    private async Task<string> DefineAsync(JsonArray activities, JsonArray connections)
    {
        var uploaded = await UploadAsync(activities, connections);
        Assert.That(uploaded.Status, Is.EqualTo(HttpStatusCode.Created), uploaded.Text);
        return uploaded["definitionId"];
    }

    private async Task<string> StartAsync(string definitionId)
    {
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

    /// <summary>
    /// The EF workflow store, where another node saves the instance (as it found it) just before this node's first save:
    /// that save then loses the revision check for real, and the runtime runs the step again on the fresh state.
    /// </summary>
    private sealed class SavedFirstByAnotherNode(EfWorkflowStore store) : IWorkflowInstanceStore
    {
        public List<RunResult> Lost { get; } = [];

        public async Task UpdateAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default)
        {
            if (Lost.Count == 0)
            {
                var other = (await store.FindAsync(instance.Id, cancellationToken))!;
                await store.UpdateAsync(other, new RunResult(), cancellationToken);
                try
                {
                    await store.UpdateAsync(instance, result, cancellationToken);
                }
                catch (WorkflowConcurrencyException)
                {
                    Lost.Add(result);
                    throw;
                }
                Assert.Fail("the save after another node's should have lost the race");
            }
            await store.UpdateAsync(instance, result, cancellationToken);
        }

        public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default) => store.FindAsync(instanceId, cancellationToken);
        public Task InsertAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default) => store.InsertAsync(instance, result, cancellationToken);
        public Task<string?> FindInstanceIdByBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default) => store.FindInstanceIdByBookmarkAsync(bookmarkId, cancellationToken);
        public Task<IReadOnlyList<BookmarkReference>> FindBookmarksByNameAsync(string name, CancellationToken cancellationToken = default) => store.FindBookmarksByNameAsync(name, cancellationToken);
        public Task<IReadOnlyList<BookmarkReference>> FindDueTimersAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) => store.FindDueTimersAsync(dueBy, max, cancellationToken);
    }
}

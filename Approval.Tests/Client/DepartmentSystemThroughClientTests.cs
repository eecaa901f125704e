using System.Net;
using Approval.Api.Persistence;
using Approval.Client;
using Approval.Tests.Api.Cases;
using Approval.Tests.Api.MachineClients;

namespace Approval.Tests.Client;

/// <summary>
/// The README's department system, end to end: 市场监管局's own system signs in with its client credential through the
/// generated <see cref="ApprovalApiClient"/> alone, lists its department's tasks, claims one, gives its opinion and
/// follows the case's events until the lead's head has decided. The applicant, the window and the other departments take
/// their steps with the test helpers.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class DepartmentSystemThroughClientTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_department_system_works_its_task_and_follows_the_case_to_its_decision_through_the_typed_client_only()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var secret = await admin.IssueClientAsync("samr-erp", "市场监管局审批系统", "samr");
        using var applicant = await Factory.CreateClientAsync("applicant");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (caseId, number, _) = await applicant.SubmitAsync(MachineClientTests.EnterpriseApplication);
        Factory.At("2026-11-24T10:00:00");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{caseId}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        Factory.At("2026-11-24T11:00:00");

        // The department system: its own HttpClient, signed in and kept signed in by ClientCredentialHandler.
        var baseAddress = Factory.Server.BaseAddress;
        using var http = new HttpClient(new ClientCredentialHandler(new ClientCredential("samr-erp", secret), baseAddress, Factory.Server.CreateHandler(), Factory.Clock))
        {
            BaseAddress = baseAddress,
        };
        var api = new ApprovalApiClient(http);

        var me = await api.GetSignedInUserAsync();
        Assert.That((me.UserName, me.Role, me.DepartmentCode), Is.EqualTo(("client:samr-erp", "DepartmentReviewer", "samr")));

        var unclaimed = await api.ListDepartmentTasksAsync(view: "Unclaimed");
        var task = unclaimed.Items.Single(t => t.CaseId == caseId);
        Assert.That(task.CaseNumber, Is.EqualTo(number));
        var claimed = await api.ClaimTaskAsync(caseId, task.TaskId);
        Assert.That(claimed.Tasks.Single(t => t.Id == task.TaskId).ClaimedBy, Is.EqualTo("client:samr-erp"));

        // Past the token's 15 minutes: the handler signs in again by itself.
        Factory.At("2026-11-25T09:30:00");
        var answered = await api.GiveOpinionAsync(caseId, task.TaskId, new OpinionRequest { Verdict = "Approve", Reason = "名称、住所、经营范围符合登记规定" });
        Assert.That(answered.Tasks.Single(t => t.Id == task.TaskId).Status, Is.EqualTo("Completed"));

        // The other departments and the lead's head, as people.
        foreach (var department in (string[])["tax", "eco", "fire", "health", "hrss"])
        {
            using var reviewer = await Factory.CreateClientAsync($"{department}-reviewer");
            var theirs = await reviewer.TaskOfAsync(caseId);
            Assert.That((await reviewer.PostJsonAsync($"/api/cases/{caseId}/tasks/{theirs}/opinion", new { verdict = "Approve" })).Status, Is.EqualTo(HttpStatusCode.OK));
        }
        using var head = await Factory.CreateClientAsync("samr-head");
        Assert.That((await head.PostJsonAsync($"/api/cases/{caseId}/decision", new { verdict = "Approve" })).Status, Is.EqualTo(HttpStatusCode.OK));
        Factory.Clock.Advance(TimeSpan.FromSeconds(5));

        // Following the case's events, page by page, from the start.
        var actions = new List<string>();
        long cursor = 0;
        for (var pages = 0; pages < 20; pages++)
        {
            var page = await api.ListDepartmentEventsAsync("samr", after: cursor, limit: 10);
            actions.AddRange(page.Events.Where(e => e.CaseId == caseId).Select(e => e.Action));
            cursor = page.Next;
            if (!page.More)
                break;
        }
        Assert.That(actions[0], Is.EqualTo("Submitted"));
        Assert.That(actions, Does.Contain("TaskClaimed").And.Contain("OpinionGiven"));
        Assert.That(actions[^1], Is.EqualTo("Decided"));
        Assert.That((await api.ListDepartmentEventsAsync("samr", after: cursor)).Events, Is.Empty, "nothing after the decision yet");

        // What the system may not do, it is told so in the client's own exception.
        var refused = Assert.ThrowsAsync<ApprovalApiException<ProblemDetails>>(() => api.ListDepartmentEventsAsync("fire"));
        Assert.That(refused!.StatusCode, Is.EqualTo(403));
    }
}

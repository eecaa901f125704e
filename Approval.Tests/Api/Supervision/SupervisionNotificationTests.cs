using System.Net;
using Approval.Api.Engine;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// Correction notices and complaints notify the people they concern, in the transaction of the step (one inbox row per
/// person per step), over HTTP with the fake clock on SQLite and PostgreSQL. Besides the demo users there are a second
/// samr reviewer and a second supervisor, so "the reviewers concerned" and "every supervisor" can be told apart.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class SupervisionNotificationTests(DatabaseProvider provider)
{
    private CaseApiFactory _factory = null!;
    private HttpClient _supervisor = null!;
    private HttpClient _applicant = null!;
    private string _caseId = null!;
    private string _caseNumber = null!;

    [SetUp]
    public async Task Start()
    {
        // Tuesday 2026-11-24, 10:00 Beijing.
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");
        _supervisor = await _factory.CreateClientAsync("supervisor");
        _applicant = await _factory.CreateClientAsync("applicant");
        (_caseId, _caseNumber, _) = await _applicant.SubmitAsync(SupervisionScenarios.Enterprise);
        var users = _factory.Services.GetRequiredService<EfUserStore>();
        await users.SaveAsync(
        [
            new UserAccount(new User("samr-reviewer-2", "samr-reviewer-2", "周敏", Role.DepartmentReviewer) { DepartmentCode = "samr" }, "-"),
            new UserAccount(new User("supervisor-2", "supervisor-2", "孙正", Role.Supervisor), "-"),
        ]);
    }

    [TearDown]
    public async Task Stop()
    {
        _supervisor?.Dispose();
        _applicant?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task An_issued_notice_notifies_the_department_s_head_and_the_reviewer_holding_its_task_and_the_answer_the_issuing_supervisor()
    {
        using var clerk = await _factory.CreateClientAsync("clerk");
        using var samr = await _factory.CreateClientAsync("samr-reviewer");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{_caseId}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await samr.PostJsonAsync($"/api/cases/{_caseId}/tasks/{await samr.TaskOfAsync(_caseId)}/claim")).Status, Is.EqualTo(HttpStatusCode.OK));

        var id = await IssueAsync(dueInWorkingDays: 2);

        var issued = await InboxAsync("NoticeIssued");
        Assert.That(issued.Select(n => n.Recipient), Is.EquivalentTo(new[] { "samr-head", "samr-reviewer" }), "samr-reviewer-2 holds nothing of the case");
        Assert.That(issued, Has.All.Matches<NotificationRecord>(n => n.CaseId == _caseId && n.CaseNumber == _caseNumber
            && n.Title.Contains("督办通知", StringComparison.Ordinal) && n.Title.Contains("Correction notice", StringComparison.Ordinal)
            && n.Body.Contains($"#{id}", StringComparison.Ordinal) && n.EmailDueAt != null));
        var inbox = await samr.GetJsonAsync("/api/me/notifications");
        Assert.That(inbox.Body!["items"]!.AsArray().Select(i => i!["kind"]!.GetValue<string>()), Does.Contain("NoticeIssued"), "the reviewer reads it in their inbox");

        _factory.At("2026-11-25T09:00:00");
        Assert.That((await samr.PostJsonAsync($"/api/supervision/notices/{id}/answer", new { answer = "已完成审查并告知申请人" })).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await samr.PostJsonAsync($"/api/supervision/notices/{id}/answer", new { answer = "再答" })).Status, Is.EqualTo(HttpStatusCode.Conflict));

        var answered = await InboxAsync("NoticeAnswered");
        Assert.That(answered.Select(n => n.Recipient), Is.EqualTo(new[] { "supervisor" }), "the supervisor who issued it, once: the refused second answer notified no one");
        Assert.That(answered[0].Body, Does.Contain("已完成审查并告知申请人"));
    }

    [Test]
    public async Task An_unanswered_notice_escalates_to_the_head_and_supervisors()
    {
        var id = await IssueAsync(dueInWorkingDays: 1);

        _factory.At("2026-11-25T18:00:00");
        await SweepAsync();
        var overdue = await InboxAsync("NoticeEscalated");
        Assert.That(overdue.Select(n => n.Recipient), Is.EquivalentTo(new[] { "samr-head", "supervisor" }), "overdue: the head, and the supervisor who issued it");
        Assert.That(overdue, Has.All.Matches<NotificationRecord>(n => n.Title.Contains("已逾期", StringComparison.Ordinal)));

        _factory.At("2026-11-27T09:00:00");
        await SweepAsync();
        await SweepAsync();
        var escalated = (await InboxAsync("NoticeEscalated")).Skip(overdue.Count).ToList();
        Assert.That(escalated.Select(n => n.Recipient), Is.EquivalentTo(new[] { "samr-head", "supervisor", "supervisor-2" }),
            "escalated a working day later: the head and every supervisor, once though swept twice");
        Assert.That(escalated, Has.All.Matches<NotificationRecord>(n => n.Title.Contains($"#{id}", StringComparison.Ordinal) && n.Title.Contains("escalated", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_complaint_notifies_supervisors_its_transfer_the_department_and_its_outcome_the_complainant()
    {
        var filed = await _applicant.PostJsonAsync("/api/complaints", new { caseId = _caseId, contact = "13800000000", body = "窗口人员要求提交目录外材料" });
        var id = filed.Body!["id"]!.GetValue<long>();
        Assert.That((await InboxAsync("ComplaintFiled")).Select(n => n.Recipient), Is.EquivalentTo(new[] { "supervisor", "supervisor-2" }));

        _factory.At("2026-11-26T10:00:00");
        Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/transfer", new { departmentCode = "samr", dueInWorkingDays = 3 })).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await InboxAsync("ComplaintTransferred")).Select(n => n.Recipient), Is.EquivalentTo(new[] { "samr-head", "samr-reviewer", "samr-reviewer-2" }));

        Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/resolve", new { outcome = "经核查属实，已责令窗口改正" })).Status, Is.EqualTo(HttpStatusCode.OK));
        var outcome = await InboxAsync("ComplaintDecided");
        Assert.That(outcome.Select(n => (n.Recipient, n.CaseNumber)), Is.EqualTo(new[] { ("applicant", (string?)_caseNumber) }));
        Assert.That(outcome[0].Body, Does.Contain("经核查属实，已责令窗口改正"));
        var read = await _applicant.GetJsonAsync("/api/me/notifications");
        Assert.That(read.Body!["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>()), Has.Some.Contains("已办结"));
    }

    [Test]
    public async Task A_declined_general_complaint_tells_the_complainant_why()
    {
        var filed = await _applicant.PostJsonAsync("/api/complaints", new { contact = "13800000000", body = "大厅停车难" });
        var id = filed.Body!["id"]!.GetValue<long>();

        Assert.That((await _supervisor.PostJsonAsync($"/api/supervision/complaints/{id}/decline", new { reason = "不属于行政审批监察范围" })).Status, Is.EqualTo(HttpStatusCode.OK));

        var outcome = (await InboxAsync("ComplaintDecided")).Single();
        Assert.That((outcome.Recipient, outcome.CaseId, outcome.CaseNumber), Is.EqualTo(("applicant", (string?)null, (string?)null)));
        Assert.That(outcome.Body, Does.Contain("不属于行政审批监察范围"));
    }

    private async Task<long> IssueAsync(int dueInWorkingDays)
    {
        var issued = await _supervisor.PostJsonAsync("/api/supervision/notices", new
        {
            caseId = _caseId, departmentCode = "samr", kind = "CorrectionNotice", subject = "请说明受理延误原因", body = "该件已超过承诺时限，请核查并整改。", dueInWorkingDays,
        });
        Assert.That(issued.Status, Is.EqualTo(HttpStatusCode.Created), issued.Text);
        return issued.Body!["id"]!.GetValue<long>();
    }

    private async Task<List<NotificationRecord>> InboxAsync(string kind)
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == kind).OrderBy(n => n.Id).ToListAsync();
    }

    private Task<DeadlineSweep> SweepAsync() => _factory.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
}

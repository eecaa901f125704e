using System.Text.Json.Nodes;
using Approval.Api.Identity;
using Approval.Api.Notifications;
using Approval.Api.Persistence;
using Approval.Tests.Api.Notifications;
using Approval.Tests.Workflows.Cases;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Approval.Workflows.People;

namespace Approval.Tests.Workflows.Notifications;

/// <summary>
/// Warning levels that rise as the (fake) clock passes notify the people concerned, once per rise, into their inboxes
/// on a real database: the holder or the department's reviewers, their heads at red, supervisors when the case is red.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class WarningNotificationTests(DatabaseProvider provider) : CaseServicesFixture(provider)
{
    private readonly SmtpCapture _smtp = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Approval:Smtp:Host"] = "127.0.0.1",
        ["Approval:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Approval:Smtp:Timeout"] = "00:00:05",
    };

    [OneTimeTearDown]
    public void StopSmtp() => _smtp.Dispose();
    [SetUp]
    public async Task SeedUsers()
    {
        await using var db = await Services.Database.OpenAsync();
        // The demo users, and a second tax reviewer: an unclaimed task goes to every reviewer of its department.
        foreach (var user in DemoUsers.All.Append(new("tax-reviewer-2", "tax-reviewer-2", "王芳", Approval.Workflows.People.Role.DepartmentReviewer) { DepartmentCode = "tax" }))
        {
            db.Users.Add(new UserRecord
            {
                Id = user.Id, UserName = user.UserName, DisplayName = user.DisplayName, Role = user.Role.ToString(),
                DepartmentCode = user.DepartmentCode, WindowCode = user.WindowCode, PasswordHash = "-", Email = $"{user.UserName}@approval.example",
            });
        }
        await db.SaveChangesAsync();
        _smtp.Messages.Clear();
    }

    [Test]
    public async Task Prompt_goes_to_the_holder_or_the_department_s_reviewers_red_adds_heads_and_the_case_s_red_the_lead_head_and_supervisors()
    {
        var id = (await Services.Intake.SubmitAsync(new Application(DemoCatalog.EnterpriseEstablishment.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new JsonObject { ["companyName"] = "甲公司", ["registeredCapital"] = 10, ["businessScope"] = "咨询", ["address"] = "云城区", ["legalRepresentativeId"] = "11010519491231002X" }),
            "applicant-1", null)).Case.Id;
        Services.At("2026-11-24T14:00:00");
        var accepted = await Services.Window.AcceptAsync(id, Actor.Clerk("clerk"));
        var fireTask = accepted.Tasks.Single(t => t.DepartmentCode == "fire");
        await Services.Departments.ClaimAsync(id, fireTask.Id, Actor.Reviewer("fire-reviewer", "fire"));

        // Tasks of 5 working days: 提示 after 3 days used (11-27 17:30).
        Services.At("2026-11-27T17:30:00");
        await Services.Watch.SweepAsync();
        var prompts = await InboxAsync();
        Assert.That(prompts.Select(n => n.Recipient), Is.EquivalentTo(new[]
        {
            "samr-reviewer", "tax-reviewer", "tax-reviewer-2", "eco-reviewer", "fire-reviewer", "health-reviewer", "hrss-reviewer",
        }), "one prompt per task: its holder, or every reviewer of its department; no head, no supervisor");
        Assert.That(prompts, Has.All.Matches<NotificationRecord>(n => n.CaseId == id && n.Kind == "WarningRaised" && n.ReadAt == null));
        Assert.That(prompts.Single(n => n.Recipient == "fire-reviewer").Title, Does.Contain("提示").And.Contain("prompt"));
        await Services.Watch.SweepAsync();
        Assert.That(await InboxAsync(), Has.Count.EqualTo(prompts.Count), "a second sweep notifies no one again");

        // 黄牌 after 4 days used (11-30 17:30): the same people again.
        Services.At("2026-11-30T17:30:00");
        await Services.Watch.SweepAsync();
        var yellow = (await InboxAsync()).Skip(prompts.Count).ToList();
        Assert.That(yellow.Select(n => n.Recipient), Is.EquivalentTo(prompts.Select(n => n.Recipient)));
        Assert.That(yellow, Has.All.Matches<NotificationRecord>(n => n.Title.Contains("黄牌", StringComparison.Ordinal)));

        // Tasks red past 12-01 17:30: holder or reviewers, and each department's head; the case turns only yellow: no one hears of that.
        Services.At("2026-12-02T09:00:00");
        await Services.Watch.SweepAsync();
        var red = (await InboxAsync()).Skip(prompts.Count + yellow.Count).ToList();
        Assert.That(red.Select(n => n.Recipient), Is.EquivalentTo(new[]
        {
            "samr-reviewer", "samr-head", "tax-reviewer", "tax-reviewer-2", "tax-head", "eco-reviewer", "eco-head",
            "fire-reviewer", "fire-head", "health-reviewer", "health-head", "hrss-reviewer", "hrss-head",
        }));
        Assert.That(red, Has.All.Matches<NotificationRecord>(n => n.Title.Contains("红牌", StringComparison.Ordinal)));

        // The case red past 12-15 17:30: its lead department's head and every supervisor.
        Services.At("2026-12-16T09:00:00");
        await Services.Watch.SweepAsync();
        var caseRed = (await InboxAsync()).Skip(prompts.Count + yellow.Count + red.Count).ToList();
        Assert.That(caseRed.Select(n => n.Recipient), Is.EquivalentTo(new[] { "samr-head", "supervisor" }));
        Assert.That(caseRed[0].Title, Does.Contain("红牌").And.Contain(accepted.Number).And.Contain("Case"));
        Assert.That(caseRed[0].CreatedAt, Is.EqualTo(ACase.Beijing("2026-12-16T09:00:00")));
        await Services.Watch.SweepAsync();
        Assert.That(await InboxAsync(), Has.Count.EqualTo(prompts.Count + yellow.Count + red.Count + caseRed.Count), "nothing left to rise, no one notified again");
    }

    [Test]
    public async Task A_warning_whose_commit_fails_leaves_no_inbox_row_and_the_next_sweep_notifies_once()
    {
        var id = await AcceptedEstablishmentAsync();
        Services.At("2026-11-27T17:30:00");
        var (clock, notices) = (Services.Get<CaseClock>(), Services.Get<WarningNotices>());

        Assert.ThrowsAsync<CaseConflictException>(() => Services.Commands.ExecuteAsync(id, async step =>
        {
            step.Notify(await notices.ForAsync(step.Case, step.Case.ObserveClocks(clock.Due, clock.Now)));
            // Someone else saves the case meanwhile: this unit of work loses the race at its commit.
            await Services.Commands.ExecuteAsync(id, _ => Task.CompletedTask, CancellationToken.None);
        }, CancellationToken.None));

        Assert.That(await InboxAsync(), Is.Empty, "the rise was not saved: no one hears of it");
        Assert.That(Services.Outbox.Wakes, Is.Zero, "nothing to e-mail");
        await Services.Watch.SweepAsync();
        var prompts = await InboxAsync();
        Assert.That(prompts, Has.Count.EqualTo(7), "the sweep saves the rise and its notifications together");
        Assert.That(Services.Outbox.Wakes, Is.EqualTo(1));
    }

    [Test]
    public async Task A_committed_warning_gives_each_recipient_one_inbox_row_and_one_e_mail_even_when_delivery_runs_twice()
    {
        await AcceptedEstablishmentAsync();
        Services.At("2026-11-27T17:30:00");
        await Services.Watch.SweepAsync();
        var rows = await InboxAsync();
        Assert.That(rows.Select(r => r.Recipient).ToList(), Is.Unique.And.Count.EqualTo(7));

        var outbox = Services.Get<EmailOutbox>();
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.EqualTo(7));
        Assert.That(await outbox.DeliverAsync(CancellationToken.None), Is.Zero, "a second delivery finds nothing due");
        await Services.Watch.SweepAsync();

        Assert.That(_smtp.Messages.SelectMany(m => m.To), Is.EquivalentTo(rows.Select(r => $"{r.Recipient}@approval.example")));
        Assert.That(await InboxAsync(), Has.Count.EqualTo(7));
        Assert.That((await InboxAsync()).Select(r => r.EmailSentAt), Is.All.EqualTo(ACase.Beijing("2026-11-27T17:30:00")));
    }

    // 企业设立登记 accepted on Tuesday 11-24 at 14:00: six tasks of 5 working days, prompted after 3 (11-27 17:30).
    private async Task<string> AcceptedEstablishmentAsync()
    {
        var id = (await Services.Intake.SubmitAsync(new Application(DemoCatalog.EnterpriseEstablishment.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new JsonObject { ["companyName"] = "甲公司", ["registeredCapital"] = 10, ["businessScope"] = "咨询", ["address"] = "云城区", ["legalRepresentativeId"] = "11010519491231002X" }),
            "applicant-1", null)).Case.Id;
        Services.At("2026-11-24T14:00:00");
        await Services.Window.AcceptAsync(id, Actor.Clerk("clerk"));
        return id;
    }

    private async Task<List<NotificationRecord>> InboxAsync()
    {
        await using var db = await Services.Database.OpenAsync();
        return await db.Notifications.OrderBy(n => n.Id).ToListAsync();
    }
}

using Approval.Workflows.People;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Tests.Persistence;
using Approval.Tests.Workflows.Cases;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Approval.Tests.Workflows.Notifications;

/// <summary>
/// Result feedback in the domain's own steps, on real SQLite: a step with no HTTP endpoint yet (a termination by the
/// administration) tells the applicant too, every account of the applicant hears of it, and the database keeps one row per
/// recipient per event whoever tries to write a second.
/// </summary>
public class ApplicantNoticeTests
{
    private CaseServices _services = null!;

    [SetUp]
    public async Task Start()
    {
        _services = await CaseServices.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T09:00:00");
        await using var db = await _services.Get<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        foreach (var (name, id) in new[] { ("zhangsan", "11010519491231002X"), ("zhangsan-mobile", "11010519491231002x"), ("lisi", "110105194912310029") })
            db.Users.Add(new UserRecord { Id = name, UserName = name, DisplayName = name, Role = "Applicant", ApplicantIdNumber = id, PasswordHash = "-" });
        await db.SaveChangesAsync();
    }

    [TearDown]
    public async Task Stop() => await _services.DisposeAsync();

    private async Task<string> SubmitAsync() => (await _services.Intake.SubmitAsync(new Application(DemoCatalog.FoodBusinessLicense.Code,
        new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
        new JsonObject { ["shopName"] = "张三小吃", ["businessType"] = "餐饮服务", ["operatorId"] = "11010519491231002X", ["address"] = "云城区1号" }), "zhangsan", null)).Case.Id;

    private async Task<List<NotificationRecord>> RowsAsync(string caseId)
    {
        await using var db = await _services.Get<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        return await db.Notifications.Where(n => n.CaseId == caseId).OrderBy(n => n.Id).ToListAsync();
    }

    [Test]
    public async Task A_case_terminated_by_the_administration_tells_every_account_of_its_applicant_why()
    {
        var id = await SubmitAsync();
        await _services.Commands.ExecuteAsync(id, step =>
        {
            step.Case.Terminate("samr-head", "申请人主体资格已注销", _services.Get<CaseClock>());
            return Task.CompletedTask;
        }, CancellationToken.None);

        var rows = await RowsAsync(id);
        Assert.That(rows.Select(r => (r.Recipient, r.Kind)), Is.EqualTo(new[]
        {
            ("zhangsan", "CaseReceived"), ("zhangsan-mobile", "CaseReceived"), ("zhangsan", "CaseTerminated"), ("zhangsan-mobile", "CaseTerminated"),
        }), "both accounts of the resident ID (its X either way), not another applicant's");
        Assert.That(rows.Last().Body, Does.Contain("申请人主体资格已注销"));
        Assert.That(_services.Outbox.Wakes, Is.GreaterThanOrEqualTo(2), "the outbox is woken after each commit that told someone");
    }

    [Test]
    public async Task A_second_row_for_the_same_recipient_and_event_is_refused_by_the_database()
    {
        var id = await SubmitAsync();
        var told = (await RowsAsync(id)).First();
        await using var db = await _services.Get<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        db.Notifications.Add(new NotificationRecord { Recipient = told.Recipient, Kind = told.Kind, CaseId = id, Title = "again", Body = "again", EventKey = told.EventKey });
        Assert.That(() => db.SaveChangesAsync(), Throws.InstanceOf<DbUpdateException>());
    }

    [Test]
    public async Task Staff_steps_on_a_case_tell_its_applicant_nothing()
    {
        var id = await SubmitAsync();
        await _services.Window.AcceptAsync(id, Actor.Clerk("clerk"));
        await _services.Departments.ResumeClockAsync(id, Actor.Reviewer("samr-reviewer", "samr")); // the on-site inspection done: the review task opens
        var before = (await RowsAsync(id)).Count(r => r.Recipient == "zhangsan");
        var task = (await _services.LoadAsync(id)).Tasks.Single(t => t.IsOpen);
        await _services.Departments.ClaimAsync(id, task.Id, Actor.Reviewer("samr-reviewer", "samr"));
        await _services.Departments.ReleaseAsync(id, task.Id, Actor.Reviewer("samr-reviewer", "samr"));
        Assert.That((await RowsAsync(id)).Count(r => r.Recipient == "zhangsan"), Is.EqualTo(before));
    }
}

using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Tests.Workflows.Notifications;
using Approval.Workflows.Notifications;
using Approval.Workflows.Supervision;
using Approval.Workflows.People;

namespace Approval.Tests.Workflows.Cases;

/// <summary>
/// A stopped clock moves no warning level (Art. 45), so a special procedure running past the length told to the applicant
/// would go unseen: the lead department is told once, and someone resumes the clock or explains.
/// </summary>
public class SuspensionOverrunTests
{
    private static ACase Suspended(int? expectedDays)
    {
        var a = ACase.ForItem(ACase.FoodLicense, "2026-11-24T10:00:00");
        a.Case.Accept("clerk", a.Clock);
        a.At("2026-11-25T09:00:00");
        a.Case.SuspendClock("reviewer", "现场核查", expectedDays, a.Clock);
        return a;
    }

    [Test]
    public void A_suspension_past_its_expected_working_days_tells_the_lead_department_once()
    {
        var a = Suspended(2);
        // 2 working days from 11-25: the close of business of 11-27.
        Assert.That(a.Case.NextClockThreshold(a.Clock.Due, a.Clock.Now), Is.EqualTo(ACase.Beijing("2026-11-27T17:30:00").AddTicks(1)));
        a.At("2026-11-27T17:30:00");
        Assert.That(a.Case.ObserveClocks(a.Clock.Due, a.Clock.Now), Is.Empty, "the last expected day is not over");

        a.At("2026-11-30T09:00:00");
        var rise = a.Case.ObserveClocks(a.Clock.Due, a.Clock.Now).Single();
        Assert.That((rise.SuspensionOverrun, rise.DepartmentCode, rise.IsCase), Is.EqualTo((true, "samr", false)));
        Assert.That(a.Case.Timeline[^1].Action, Is.EqualTo(CaseAction.SuspensionOverrun));
        Assert.That(a.Case.ObserveClocks(a.Clock.Due, a.Clock.Now), Is.Empty, "once");
        Assert.That(a.Case.NextClockThreshold(a.Clock.Due, a.Clock.Now), Is.Null, "nothing more to wait for while stopped");
        Assert.That(a.Case.Violations, Is.Empty, "a reminder, not a breach");
    }

    [Test]
    public void Resuming_in_time_ends_the_watch()
    {
        var a = Suspended(2);
        a.At("2026-11-26T15:00:00");
        a.Case.ResumeClock("reviewer", a.Clock);
        Assert.That(a.Case.ExpectedSuspension, Is.Null);
        a.At("2026-12-01T09:00:00");
        Assert.That(a.Case.ObserveClocks(a.Clock.Due, a.Clock.Now).Where(r => r.SuspensionOverrun), Is.Empty);
    }

    [Test]
    public void A_suspension_without_an_expected_length_is_not_watched()
    {
        var a = Suspended(null);
        Assert.That(a.Case.NextClockThreshold(a.Clock.Due, a.Clock.Now), Is.Null);
    }

    [Test]
    public async Task The_lead_department_s_reviewers_and_heads_hear_of_it()
    {
        var a = Suspended(2);
        var notices = await new WarningNotices(new NamedStaff()).ForAsync(a.Case,
            [new WarningRise(null, "samr", null, WarningLevel.Prompt, a.Clock.Now, SuspensionOverrun: true)]);
        Assert.That(notices.Select(n => n.Recipient), Is.EqualTo(new[] { "samr-reviewer", "samr-head" }));
        Assert.That(notices[0].Title, Does.Contain("特别程序超出预计时间"));
    }
}

/// <summary>The 食品经营许可 on-site inspection (expected 5 working days in its definition) swept on a real database.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class SuspensionOverrunSweepTests(DatabaseProvider provider) : CaseServicesFixture(provider)
{
    [Test]
    public async Task An_inspection_nobody_reported_done_is_swept_and_notified()
    {
        var application = new Application(DemoCatalog.FoodBusinessLicense.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new JsonObject { ["shopName"] = "张三小吃", ["businessType"] = "餐饮服务", ["operatorId"] = "11010519491231002X", ["area"] = 45, ["address"] = "云城区1号" });
        var id = (await Services.Intake.SubmitAsync(application, "applicant-1", null)).Case.Id;
        var accepted = await Services.Window.AcceptAsync(id, Actor.Clerk("clerk"));
        Assert.That(accepted.ExpectedSuspension, Is.Not.Null, "the definition tells the applicant how long the inspection takes");

        await using (var users = await Services.Database.OpenAsync())
        {
            users.Users.Add(new UserRecord { Id = "u-1", UserName = "samr-reviewer", DisplayName = "王芳", Role = "DepartmentReviewer", DepartmentCode = "samr", PasswordHash = "-" });
            await users.SaveChangesAsync();
        }

        Services.At("2026-12-31T09:00:00");
        Assert.That(await Services.Watch.SweepAsync(), Is.EqualTo(1));
        Assert.That(await Services.Watch.SweepAsync(), Is.Zero, "once");
        var overrun = await Services.LoadAsync(id);
        Assert.That(overrun.Status, Is.EqualTo(CaseStatus.Suspended));
        Assert.That(overrun.Timeline.Count(e => e.Action == CaseAction.SuspensionOverrun), Is.EqualTo(1));
        await using var db = await Services.Database.OpenAsync();
        Assert.That(db.Notifications.Where(n => n.CaseId == id && n.Title.Contains("特别程序超出预计时间")).Select(n => n.Recipient), Is.EqualTo(new[] { "samr-reviewer" }));
    }
}

using System.Text.Json.Nodes;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Approval.Workflows.People;

namespace Approval.Tests.Workflows.Cases;

/// <summary>Warning levels move as the (fake) clock passes, swept from the next-threshold index, on a real database.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ClockWatchTests(DatabaseProvider provider) : CaseServicesFixture(provider)
{
    [Test]
    public async Task Tasks_go_prompt_then_red_the_case_yellow_by_its_overdue_steps_then_red_past_its_own_limit()
    {
        var application = new Application(DemoCatalog.EnterpriseEstablishment.Code, new Applicant(ApplicantKind.Person, "11010519491231002X", "张三"),
            new JsonObject { ["companyName"] = "甲公司", ["registeredCapital"] = 10, ["businessScope"] = "咨询", ["address"] = "云城区", ["legalRepresentativeId"] = "11010519491231002X" });
        var id = (await Services.Intake.SubmitAsync(application, "applicant-1", null)).Case.Id;
        Services.At("2026-11-24T14:00:00");
        await Services.Window.AcceptAsync(id, Actor.Clerk("clerk"));
        var watch = Services.Watch;
        Assert.That(Services.Alarms.Armed.Where(a => a.CaseId == id).Select(a => a.At), Does.Contain(ACase.Beijing("2026-12-01T17:30:00")).And.Contain(ACase.Beijing("2026-11-27T17:30:00")),
            "the acceptance window's end at intake, the tasks' first prompt after acceptance");

        // Tasks of 5 working days: 提示 after 3 days used (11-27 17:30), 黄牌 after 4 (11-30), 红牌 past 12-01 17:30.
        Services.At("2026-11-27T17:29:00");
        Assert.That(await watch.SweepAsync(), Is.Zero, "nothing has come due: the index says so");
        Services.At("2026-11-27T17:30:00");
        Assert.That(await watch.SweepAsync(), Is.EqualTo(1));
        var prompted = await Services.LoadAsync(id);
        Assert.That(prompted.Tasks.Select(t => t.Level), Is.All.EqualTo(WarningLevel.Prompt));
        Assert.That(prompted.Level, Is.EqualTo(WarningLevel.Green));
        Assert.That(await watch.SweepAsync(), Is.Zero, "a second sweep finds nothing more to do");

        Services.At("2026-11-30T17:30:00");
        await watch.SweepAsync();
        Assert.That((await Services.LoadAsync(id)).Tasks.Select(t => t.Level), Is.All.EqualTo(WarningLevel.Yellow));

        // Woken exactly at the instant stored for the red cards (a tick past the due instant, kept by every provider).
        await using (var stored = await Services.Database.OpenAsync())
            Services.Clock.SetUtcNow((await stored.Cases.Where(c => c.Id == id).Select(c => c.NextDeadlineAt).SingleAsync())!.Value);
        await watch.SweepAsync();
        Assert.That((await Services.LoadAsync(id)).Tasks.Select(t => t.Level), Is.All.EqualTo(WarningLevel.Red), "red at the very instant the index named");

        Services.At("2026-12-02T09:00:00");
        await watch.SweepAsync();
        var overdueTasks = await Services.LoadAsync(id);
        Assert.That(overdueTasks.Tasks.Select(t => t.Level), Is.All.EqualTo(WarningLevel.Red));
        Assert.That(overdueTasks.Level, Is.EqualTo(WarningLevel.Yellow), "a step overdue makes the case yellow though its own limit is far");
        Assert.That(overdueTasks.Violations.Count(v => v.Kind == ViolationKind.OverdueTask), Is.EqualTo(6));

        // The case's 15 working days end 12-15 17:30.
        Services.At("2026-12-16T09:00:00");
        await watch.SweepAsync();
        var overdue = await Services.LoadAsync(id);
        Assert.That(overdue.Level, Is.EqualTo(WarningLevel.Red));
        Assert.That(overdue.Violations.Count(v => v.Kind == ViolationKind.OverdueCase), Is.EqualTo(1));
        Assert.That(overdue.Timeline.Count(e => e.Action == CaseAction.WarningRaised), Is.EqualTo(6 + 6 + 6 + 2), "prompt, yellow and red per task; yellow and red for the case");

        await using var db = await Services.Database.OpenAsync();
        Assert.That(await db.Cases.Where(c => c.Id == id).Select(c => c.NextDeadlineAt).SingleAsync(), Is.Null, "nothing left to rise");
    }
}

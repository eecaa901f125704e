using System.Net;
using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// The supervision hall's figures of the day (<see cref="SupervisionTodayCounts"/>), in the published figures' form:
/// 办结率 = cases completed today ÷ cases received today, whenever the completed ones were received (so it passes 100%
/// when yesterday's are handed out today); 提前办结率 = promised cases completed before their due instant ÷ promised cases
/// completed; the open cases of each window; the last days' counts. Cases go through the real HTTP steps.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class SupervisionTodayTests(DatabaseProvider provider)
{
    private const string PersonId = "11010519491231002X";

    [Test]
    public async Task Completed_over_received_of_the_day_passes_100_percent_when_yesterdays_cases_are_handed_out_today()
    {
        // Monday 2026-11-23: two immediate applications (个体工商户登记) received, not answered.
        await using var factory = await CaseApiFactory.StartAsync(provider, "2026-11-23T10:00:00");
        using var clerk = await factory.CreateClientAsync("clerk");
        using var reviewer = await factory.CreateClientAsync("samr-reviewer");
        using var head = await factory.CreateClientAsync("samr-head");
        var (first, _, _) = await clerk.SubmitAsync(Immediate("云城区甲小吃店"));
        var (second, _, _) = await clerk.SubmitAsync(Immediate("云城区乙小吃店"));

        // Tuesday: both handed out; a food licence (承诺件) received and handed out the same day, long before its limit;
        // one more immediate application received and accepted, still open at window w01.
        factory.At("2026-11-24T09:30:00");
        foreach (var id in new[] { first, second })
            await CompleteImmediateAsync(clerk, head, id);
        var (promised, _, _) = await clerk.SubmitAsync(new
        {
            itemCode = "SP-JY-001",
            applicant = new { kind = "Person", idNumber = PersonId, name = "张三" },
            form = new { shopName = "张三小吃店", businessType = "餐饮服务", operatorId = PersonId, address = "云城区" },
        });
        await Ok(clerk.PostJsonAsync($"/api/cases/{promised}/accept", new { }));
        await Ok(reviewer.PostJsonAsync($"/api/cases/{promised}/clock/resume"));
        await Ok(reviewer.PostJsonAsync($"/api/cases/{promised}/tasks/{await reviewer.TaskOfAsync(promised)}/opinion", new { verdict = "Approve" }));
        await Ok(head.PostJsonAsync($"/api/cases/{promised}/decision", new { verdict = "Approve" }));
        await Ok(clerk.PostJsonAsync($"/api/cases/{promised}/deliver"));
        var (open, _, _) = await clerk.SubmitAsync(Immediate("云城区丙小吃店"));
        await Ok(clerk.PostJsonAsync($"/api/cases/{open}/accept", new { }));

        factory.At("2026-11-24T16:00:00");
        var today = await factory.Services.GetRequiredService<SupervisionTodayCounts>().ReadAsync(CancellationToken.None);

        Assert.That((today.Day, today.Received, today.Completed), Is.EqualTo((new DateOnly(2026, 11, 24), 2, 3)));
        Assert.That(today.CompletionRate.ToString(), Is.EqualTo("150.00%"), "three completed of two received today");
        Assert.That((today.Promised, today.CompletedEarly, today.EarlyCompletionRate.ToString()), Is.EqualTo((1, 1, "100.00%")), "immediate cases are not promised ones");
        Assert.That(today.OpenCasesByWindow.Select(w => (w.WindowCode, w.Total, w.Levels.Green)), Is.EqualTo(new[] { ("w01", 1, 1) }));
        Assert.That(today.LastDays, Has.Count.EqualTo(SupervisionTodayCounts.TrendDays));
        Assert.That(today.LastDays.TakeLast(2).Select(d => (d.Day, d.Received, d.Completed)),
            Is.EqualTo(new[] { (new DateOnly(2026, 11, 23), 2, 0), (new DateOnly(2026, 11, 24), 2, 3) }));

        // The past days are kept from the day's first read, today's figures and the windows counted on every read: a case
        // received later today shows at once. The next day, today becomes a past day with everything it ended with.
        factory.At("2026-11-24T16:30:00");
        var (later, _, _) = await clerk.SubmitAsync(Immediate("云城区丁小吃店"));
        await Ok(clerk.PostJsonAsync($"/api/cases/{later}/accept", new { }));
        var again = await factory.Services.GetRequiredService<SupervisionTodayCounts>().ReadAsync(CancellationToken.None);
        Assert.That((again.Received, again.Completed, again.LastDays[^1].Received), Is.EqualTo((3, 3, 3)));
        Assert.That(again.OpenCasesByWindow.Select(w => (w.WindowCode, w.Total)), Is.EqualTo(new[] { ("w01", 2) }));
        Assert.That(again.LastDays.SkipLast(1), Is.EqualTo(today.LastDays.SkipLast(1)));

        factory.At("2026-11-25T09:00:00");
        var tomorrow = await factory.Services.GetRequiredService<SupervisionTodayCounts>().ReadAsync(CancellationToken.None);
        Assert.That((tomorrow.Day, tomorrow.Received, tomorrow.Completed), Is.EqualTo((new DateOnly(2026, 11, 25), 0, 0)));
        Assert.That(tomorrow.LastDays, Has.Count.EqualTo(SupervisionTodayCounts.TrendDays));
        Assert.That(tomorrow.LastDays.TakeLast(3).Select(d => (d.Day, d.Received, d.Completed)),
            Is.EqualTo(new[] { (new DateOnly(2026, 11, 23), 2, 0), (new DateOnly(2026, 11, 24), 3, 3), (new DateOnly(2026, 11, 25), 0, 0) }));
    }

    [Test]
    public async Task A_day_without_a_case_received_has_no_completion_rate_rather_than_zero()
    {
        await using var factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");
        var today = await factory.Services.GetRequiredService<SupervisionTodayCounts>().ReadAsync(CancellationToken.None);
        Assert.That((today.Received, today.Completed, today.CompletionRate.ToString(), today.EarlyCompletionRate.ToString()), Is.EqualTo((0, 0, "—", "—")));
        Assert.That(today.OpenCasesByWindow, Is.Empty);
    }

    private static object Immediate(string businessName) => new
    {
        itemCode = "GT-DJ-001",
        applicant = new { kind = "Person", idNumber = PersonId, name = "张三" },
        form = new { businessName, operatorId = PersonId, businessScope = "小吃服务", address = "云浮市云城区兴云西路8号" },
    };

    private static async Task CompleteImmediateAsync(HttpClient clerk, HttpClient head, string id)
    {
        await Ok(clerk.PostJsonAsync($"/api/cases/{id}/accept", new { }));
        await Ok(head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" }));
        await Ok(clerk.PostJsonAsync($"/api/cases/{id}/deliver"));
    }

    private static async Task Ok(Task<Reply> step)
    {
        var reply = await step;
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Text);
    }
}

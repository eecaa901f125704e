using System.Net;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api;

/// <summary>
/// Administrators keep the working-day calendar (domain.md §4): a year they save is in force at once — for the
/// calendar questions and for every due instant computed after it — survives a restart, and reaches other nodes.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CalendarEditingTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2027-12-24T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    /// <summary>
    /// A schedule of 2037 — past the provisional years — as the State Council might publish it (a made-up one: the
    /// real notice is years away): the statutory days off, and a make-up working day.
    /// </summary>
    private static object Schedule2037 => ScheduleOf(2037, new { date = "2037-02-07", name = "春节", isOffDay = false });

    /// <summary>A whole year's schedule: the statute's days off for <paramref name="year"/>, and the <paramref name="extra"/> days.</summary>
    internal static object ScheduleOf(int year, params object[] extra) => new
    {
        days = Approval.Workflows.Calendar.StatutoryHolidays.Provisional(year).Days
            .Select(d => (object)new { date = d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), name = d.Name, isOffDay = true })
            .Concat(extra).ToArray(),
    };

    [Test]
    public async Task Adding_a_year_answers_its_holidays_where_the_year_was_unknown()
    {
        using var anonymous = Factory.CreateClient();
        Assert.That((await anonymous.GetJsonAsync("/api/calendar/days/2037-01-01")).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await anonymous.GetJsonAsync("/api/calendar/years/2037")).Status, Is.EqualTo(HttpStatusCode.NotFound));

        using var admin = await Factory.CreateClientAsync("admin");
        var saved = await admin.PutJsonAsync("/api/calendar/years/2037", Schedule2037);
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
        Assert.That(saved["origin"], Is.EqualTo("Administrator"));

        var day = await anonymous.GetJsonAsync("/api/calendar/days/2037-01-01");
        Assert.That(day.Status, Is.EqualTo(HttpStatusCode.OK), day.Text);
        Assert.That(day["kind"], Is.EqualTo("Holiday"));
        Assert.That(day["holidayName"], Is.EqualTo("元旦"));
        Assert.That(day["origin"], Is.EqualTo("Administrator"));
        Assert.That((await anonymous.GetJsonAsync("/api/calendar/days/2037-02-07"))["kind"], Is.EqualTo("MakeUpWorkingDay"));

        var year = await anonymous.GetJsonAsync("/api/calendar/years/2037");
        Assert.That(year["origin"], Is.EqualTo("Administrator"));
        Assert.That(Instant(year.Body!["updatedAt"]), Is.EqualTo(Beijing("2027-12-24T09:00:00")));
        Assert.That(year.Body["days"]!.AsArray().Select(d => d!["date"]!.GetValue<string>()), Does.Contain("2037-01-01").And.Contain("2037-02-07"));
        Assert.That((await anonymous.GetJsonAsync("/api/calendar/years/2026"))["origin"], Is.EqualTo("Official"));
        var years = (await anonymous.GetJsonAsync("/api/calendar/years")).Body!.AsArray();
        Assert.That(years.Single(y => y!["year"]!.GetValue<int>() == 2037)!["origin"]!.GetValue<string>(), Is.EqualTo("Administrator"));
        Assert.That(years.Single(y => y!["year"]!.GetValue<int>() == 2046)!["origin"]!.GetValue<string>(), Is.EqualTo("Provisional"), "the provisional years reach ten past the last schedule");
    }

    [Test]
    public async Task A_case_accepted_after_the_edit_is_due_by_the_edited_calendar()
    {
        using var enterprise = await Factory.CreateClientAsync("enterprise");
        using var clerk = await Factory.CreateClientAsync("clerk");
        var (id, _, _) = await enterprise.SubmitAsync(ConstructionPermitOverHttpTests.Application(height: 30, investment: 8_000_000));

        // Ten working days from Friday 2027-12-24 reach into 2028, provisional in the shipped calendar. The notice
        // saved here bridges Friday 2027-12-31 to 元旦 (Saturday) and its day in lieu, Monday 01-03.
        using var admin = await Factory.CreateClientAsync("admin");
        var saved = await admin.PutJsonAsync("/api/calendar/years/2028", ScheduleOf(2028, new { date = "2027-12-31", name = "元旦", isOffDay = true }));
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);

        Factory.At("2027-12-24T10:00:00");
        var accepted = await clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        // 12-27..12-30 are four; 12-31 and Monday 01-03 are off; 01-04..01-07, 01-10 and 01-11 are the other six.
        Assert.That(Instant(accepted.Body!["dueAt"]), Is.EqualTo(Beijing("2028-01-11T17:30:00")));
        var housing = accepted.Body["tasks"]!.AsArray().Single(t => t!["departmentCode"]!.GetValue<string>() == "housing")!;
        Assert.That(Instant(housing["dueAt"]), Is.EqualTo(Beijing("2028-01-06T17:30:00")), "housing's 7 days skip 12-31 and 01-03 too");
    }

    [Test]
    public async Task A_saved_year_is_in_force_after_a_restart_and_on_another_node_after_its_refresh()
    {
        // The other node is running before the edit: it learns of it on its next refresh.
        await using var otherNode = Factory.AnotherNode();
        using var onOtherNode = otherNode.CreateClient();
        Assert.That((await onOtherNode.GetJsonAsync("/api/calendar/days/2037-01-01")).Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity));

        using var admin = await Factory.CreateClientAsync("admin");
        Assert.That((await admin.PutJsonAsync("/api/calendar/years/2037", Schedule2037)).Status, Is.EqualTo(HttpStatusCode.OK));

        Factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var seen = await Eventually(async () => (await onOtherNode.GetJsonAsync("/api/calendar/days/2037-01-01")).Status == HttpStatusCode.OK);
        Assert.That(seen, Is.True, "the other node reloads the calendar years every 5 minutes");

        // A node started after the edit loads it at start-up.
        await using var restarted = Factory.AnotherNode();
        using var onRestarted = restarted.CreateClient();
        Assert.That((await onRestarted.GetJsonAsync("/api/calendar/years/2037"))["origin"], Is.EqualTo("Administrator"));
    }

    [Test]
    public async Task Only_an_administrator_edits_the_calendar()
    {
        using var anonymous = Factory.CreateClient();
        Assert.That((await anonymous.PutJsonAsync("/api/calendar/years/2037", Schedule2037)).Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        foreach (var user in new[] { "clerk", "supervisor", "samr-head", "applicant" })
        {
            using var client = await Factory.CreateClientAsync(user);
            var response = await client.PutJsonAsync("/api/calendar/years/2037", Schedule2037);
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Forbidden), user);
        }
        Assert.That((await anonymous.GetJsonAsync("/api/calendar/years/2037")).Status, Is.EqualTo(HttpStatusCode.NotFound), "nothing was saved");
    }

    [Test]
    public async Task A_bad_schedule_is_a_400_naming_every_field_and_changes_nothing()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var response = await admin.PutJsonAsync("/api/calendar/years/2031", new
        {
            days = new object[]
            {
                new { date = "2031-01-01", name = "元旦", isOffDay = true },
                new { date = "2031-01-01", name = "元旦", isOffDay = true },
                new { date = "2032-05-01", name = "劳动节", isOffDay = true },
                new { date = "2031-10-01", name = "", isOffDay = true },
            },
        });
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest), response.Text);
        Assert.That(response.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EquivalentTo(new[] { "days[1].date", "days[2].date", "days[3].name" }));

        var empty = await admin.PutJsonAsync("/api/calendar/years/2031", new { });
        Assert.That(empty.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(empty.Body!["errors"]!["days"], Is.Not.Null);

        using var anonymous = Factory.CreateClient();
        Assert.That((await anonymous.GetJsonAsync("/api/calendar/years/2031"))["origin"], Is.EqualTo("Provisional"), "nothing was saved");
    }

    [Test]
    public async Task A_year_without_its_statutory_holidays_is_a_400_naming_what_it_lacks_and_is_never_in_force()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        var response = await admin.PutJsonAsync("/api/calendar/years/2027", new
        {
            days = new object[]
            {
                new { date = "2027-01-01", name = "元旦", isOffDay = true },
                new { date = "2027-10-01", name = "国庆节", isOffDay = true },
            },
        });
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.BadRequest), response.Text);
        var reason = response.Body!["errors"]!["days"]!.AsArray().Single()!.GetValue<string>();
        Assert.That(reason, Does.Contain("春节 (2027-02-05, 2027-02-06, 2027-02-07, 2027-02-08)").And.Contain("清明节").And.Contain("国庆节 (2027-10-02, 2027-10-03)"));

        using var anonymous = Factory.CreateClient();
        Assert.That((await anonymous.GetJsonAsync("/api/calendar/years/2027"))["origin"], Is.EqualTo("Provisional"));
        Assert.That((await anonymous.GetJsonAsync("/api/calendar/days/2027-02-08"))["kind"], Is.EqualTo("Holiday"));
    }

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
                return true;
            await Task.Delay(50);
        }
        return false;
    }
}

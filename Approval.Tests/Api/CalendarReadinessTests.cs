using System.Net;
using Approval.Api.Calendar;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api;

/// <summary>
/// From 1 November the State Council's schedule for next year is awaited: while next year is missing or provisional,
/// /health is Degraded with the reason and the administrators are reminded in their inbox once a week.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CalendarReadinessTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-10-30T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private async Task<string> HealthAsync()
    {
        using var client = Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    private Task<int> RemindAsync() => Factory.Services.GetRequiredService<CalendarReminders>().RemindAsync(CancellationToken.None);

    private static async Task<List<string>> RemindersAsync(HttpClient admin) =>
        [.. (await admin.GetJsonAsync("/api/me/notifications?pageSize=200")).Body!["items"]!.AsArray()
            .Where(n => n!["kind"]!.GetValue<string>() == "CalendarYearPending").Select(n => n!["title"]!.GetValue<string>())];

    [Test]
    public async Task Health_is_degraded_from_1_november_while_next_year_is_provisional_and_healthy_once_it_is_saved()
    {
        Assert.That(await HealthAsync(), Is.EqualTo("Healthy"), "in October next year's schedule is not yet awaited");

        Factory.At("2026-11-01T00:00:00");
        var degraded = await HealthAsync();
        Assert.That(degraded, Does.StartWith("Degraded\ncalendar: 2027 年节假日安排尚未录入"));
        Assert.That(degraded, Does.Contain("PUT /api/calendar/years/2027").And.Contain("without 调休"));

        using var admin = await Factory.CreateClientAsync("admin");
        var saved = await admin.PutJsonAsync("/api/calendar/years/2027", CalendarEditingTests.ScheduleOf(2027));
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
        Assert.That(await HealthAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Administrators_are_reminded_once_a_week_from_1_november_until_next_year_is_saved()
    {
        using var admin = await Factory.CreateClientAsync("admin");
        Assert.That(await RemindAsync(), Is.Zero, "October");

        Factory.At("2026-11-02T09:00:00"); // a Monday
        var reminded = await RemindAsync();
        Assert.That(reminded, Is.GreaterThan(0));
        Assert.That(await RemindAsync(), Is.Zero, "the same day: the week's reminder is in");
        var titles = await RemindersAsync(admin);
        Assert.That(titles, Has.Count.EqualTo(1));
        Assert.That(titles[0], Does.Contain("2027"));

        Factory.At("2026-11-08T20:00:00"); // Sunday, same week
        Assert.That(await RemindAsync(), Is.Zero);
        Factory.At("2026-11-09T09:00:00"); // next Monday
        Assert.That(await RemindAsync(), Is.EqualTo(reminded));
        Assert.That(await RemindersAsync(admin), Has.Count.EqualTo(2));

        var saved = await admin.PutJsonAsync("/api/calendar/years/2027", CalendarEditingTests.ScheduleOf(2027));
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
        Factory.At("2026-11-16T09:00:00");
        Assert.That(await RemindAsync(), Is.Zero, "2027 is in");
    }
}

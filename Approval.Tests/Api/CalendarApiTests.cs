using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approval.Tests.Api;

/// <summary>Clerks ask the calendar over HTTP which dates are working days and when limits end.</summary>
public class CalendarApiTests
{
    private static ApprovalApiFactory _factory = null!;
    private static HttpClient _client = null!;

    [OneTimeSetUp]
    public static void Start()
    {
        _factory = new ApprovalApiFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public static async Task Stop()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_holiday_is_answered_with_its_name()
    {
        var day = await _client.GetFromJsonAsync<JsonObject>("/api/calendar/days/2026-10-01");
        Assert.That(day!["isWorkingDay"]!.GetValue<bool>(), Is.False);
        Assert.That(day["kind"]!.GetValue<string>(), Is.EqualTo("Holiday"));
        Assert.That(day["holidayName"]!.GetValue<string>(), Is.EqualTo("国庆节"));
    }

    [Test]
    public async Task Adding_working_days_across_national_day_gives_the_date_and_the_close_of_business()
    {
        var added = await _client.GetFromJsonAsync<JsonObject>("/api/calendar/working-days/add?from=2026-09-30&days=1");
        Assert.That(added!["date"]!.GetValue<string>(), Is.EqualTo("2026-10-08"));
        Assert.That(DateTimeOffset.Parse(added["dueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(new DateTimeOffset(2026, 10, 8, 17, 30, 0, TimeSpan.FromHours(8))));
    }

    [Test]
    public async Task A_malformed_date_is_a_400_naming_the_field()
    {
        var response = await _client.GetAsync(new Uri("/api/calendar/working-days/add?from=30/09/2026&days=1", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(problem!["errors"]!["from"], Is.Not.Null);
    }

    [Test]
    public async Task A_year_without_a_schedule_is_a_422_saying_so()
    {
        var response = await _client.GetAsync(new Uri("/api/calendar/days/2035-05-01", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), Does.Contain("2035"));
    }

    [Test]
    public async Task Working_days_between_two_dates_are_counted()
    {
        var counted = await _client.GetFromJsonAsync<JsonObject>("/api/calendar/working-days/count?from=2026-09-21&to=2026-10-26");
        Assert.That(counted!["workingDays"]!.GetValue<int>(), Is.EqualTo(20));
    }
}

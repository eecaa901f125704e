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
    public async Task A_year_past_the_provisional_ones_is_a_422_saying_so()
    {
        var response = await _client.GetAsync(new Uri("/api/calendar/days/2037-05-01", UriKind.Relative));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(), Does.Contain("2037"));
    }

    [Test]
    public async Task New_year_2027_is_a_holiday_of_a_provisional_year_not_a_working_day_of_an_official_one()
    {
        var day = await _client.GetFromJsonAsync<JsonObject>("/api/calendar/days/2027-01-01");
        Assert.That(day!["kind"]!.GetValue<string>(), Is.EqualTo("Holiday"));
        Assert.That(day["holidayName"]!.GetValue<string>(), Is.EqualTo("元旦"));
        Assert.That(day["origin"]!.GetValue<string>(), Is.EqualTo("Provisional"));
        Assert.That((await _client.GetFromJsonAsync<JsonObject>("/api/calendar/days/2026-10-01"))!["origin"]!.GetValue<string>(), Is.EqualTo("Official"));

        var added = await _client.GetFromJsonAsync<JsonObject>("/api/calendar/working-days/add?from=2026-12-28&days=5");
        Assert.That(added!["date"]!.GetValue<string>(), Is.EqualTo("2027-01-05"));
        Assert.That(added["provisional"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task The_years_are_listed_with_their_origin_and_2027_to_2036_are_provisional()
    {
        var years = (await _client.GetFromJsonAsync<JsonArray>("/api/calendar/years"))!
            .ToDictionary(y => y!["year"]!.GetValue<int>(), y => y!["origin"]!.GetValue<string>());
        Assert.That(years[2026], Is.EqualTo("Official"));
        Assert.That(Enumerable.Range(2027, 10).Select(y => years[y]), Is.All.EqualTo("Provisional"));
        Assert.That(years.Keys, Does.Not.Contain(2037));

        var year = await _client.GetFromJsonAsync<JsonObject>("/api/calendar/years/2030");
        Assert.That(year!["origin"]!.GetValue<string>(), Is.EqualTo("Provisional"));
        Assert.That(year["days"]!.AsArray().Select(d => d!["name"]!.GetValue<string>()), Does.Contain("清明节").And.Contain("中秋节"));
    }

    [Test]
    public async Task Working_days_between_two_dates_are_counted()
    {
        var counted = await _client.GetFromJsonAsync<JsonObject>("/api/calendar/working-days/count?from=2026-09-21&to=2026-10-26");
        Assert.That(counted!["workingDays"]!.GetValue<int>(), Is.EqualTo(20));
    }
}

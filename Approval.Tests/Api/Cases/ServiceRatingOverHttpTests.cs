using System.Net;
using Approval.Api.Persistence;

namespace Approval.Tests.Api.Cases;

/// <summary>
/// 满意度评价 over HTTP: the applicant who owns a case rates it once it is refused or delivered, with an optional
/// comment; the case shows the rating and the windows that answered and delivered it, and the timeline has the rating.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ServiceRatingOverHttpTests(DatabaseProvider provider)
{
    private CaseApiFactory _factory = null!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task The_applicant_rates_a_refused_application_once_and_the_rating_is_on_its_timeline()
    {
        using var applicant = await _factory.CreateClientAsync("applicant");
        using var clerk = await _factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(FoodLicence);

        var tooEarly = await applicant.PostJsonAsync($"/api/cases/{id}/rating", new { score = 5 });
        Assert.That(tooEarly.Status, Is.EqualTo(HttpStatusCode.Conflict), tooEarly.Text);
        Assert.That(tooEarly["detail"], Does.Contain("delivered or it is refused"));

        _factory.At("2026-11-24T10:00:00");
        var refused = await clerk.PostJsonAsync($"/api/cases/{id}/refuse", new { reason = "不属于本机关职权范围" });
        Assert.That(refused["acceptingWindowCode"], Is.EqualTo("w01"), "the clerk's window answered the application");

        _factory.At("2026-11-24T10:30:00");
        var rated = await applicant.PostJsonAsync($"/api/cases/{id}/rating", new { score = 4, comment = "告知清楚" });
        Assert.That(rated.Status, Is.EqualTo(HttpStatusCode.OK), rated.Text);
        Assert.That(rated.Body!["rating"]!["score"]!.GetValue<int>(), Is.EqualTo(4));
        Assert.That(rated.Body!["rating"]!["name"]!.GetValue<string>(), Is.EqualTo("满意"));

        var again = await applicant.PostJsonAsync($"/api/cases/{id}/rating", new { score = 1 });
        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict), again.Text);
        Assert.That(again["detail"], Does.Contain("already been rated"));

        var timeline = (await applicant.GetJsonAsync($"/api/cases/{id}/timeline")).Body!.AsArray();
        var line = timeline.Single(e => e!["action"]!.GetValue<string>() == "Rated")!;
        Assert.That((line["detail"]!.GetValue<string>(), line["reason"]!.GetValue<string>()), Is.EqualTo(("4 满意", "告知清楚")));
        Assert.That(timeline.Single(e => e!["action"]!.GetValue<string>() == "Refused")!["windowCode"]!.GetValue<string>(), Is.EqualTo("w01"));
    }

    [Test]
    public async Task Only_the_applicant_who_owns_the_case_rates_it()
    {
        using var applicant = await _factory.CreateClientAsync("applicant");
        using var enterprise = await _factory.CreateClientAsync("enterprise");
        using var clerk = await _factory.CreateClientAsync("clerk");
        var (id, _, _) = await applicant.SubmitAsync(FoodLicence);
        await clerk.PostJsonAsync($"/api/cases/{id}/refuse", new { reason = "不属于本机关职权范围" });

        Assert.That((await enterprise.PostJsonAsync($"/api/cases/{id}/rating", new { score = 1 })).Status, Is.EqualTo(HttpStatusCode.NotFound), "another applicant's case is not there for them");
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{id}/rating", new { score = 5 })).Status, Is.EqualTo(HttpStatusCode.Forbidden), "staff do not rate");
        Assert.That((await applicant.GetJsonAsync($"/api/cases/{id}")).Body!["rating"], Is.Null);
    }

    // Out of range is 400; too long is 422 like every value past its limit (see Approval.Api/README, "Bad input").
    [TestCase(0, null, "score", HttpStatusCode.BadRequest)]
    [TestCase(6, null, "score", HttpStatusCode.BadRequest)]
    [TestCase(null, null, "score", HttpStatusCode.BadRequest)]
    [TestCase(3, 501, "comment", HttpStatusCode.UnprocessableEntity)]
    public async Task A_rating_out_of_range_or_too_long_is_refused_with_the_field(int? score, int? commentLength, string field, HttpStatusCode status)
    {
        using var applicant = await _factory.CreateClientAsync("applicant");
        var (id, _, _) = await applicant.SubmitAsync(FoodLicence);
        var reply = await applicant.PostJsonAsync($"/api/cases/{id}/rating", new { score, comment = commentLength is { } n ? new string('好', n) : null });
        Assert.That(reply.Status, Is.EqualTo(status), reply.Text);
        Assert.That(reply.Body!["errors"]!.AsObject().Select(e => e.Key), Is.EqualTo(new[] { field }));
    }

    private static object FoodLicence => new
    {
        itemCode = "SP-JY-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
        form = new { shopName = "张三小吃", businessType = "餐饮服务", operatorId = "11010519491231002X", address = "云城区" },
    };
}

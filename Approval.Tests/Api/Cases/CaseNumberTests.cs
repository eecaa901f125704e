using Approval.Api.Persistence;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Cases;

/// <summary>
/// Case numbers (办件编号) are the service center's date and the day's serial, counted per day by the database: submissions
/// sent at once, to one node or two, get distinct consecutive numbers, and the count starts again at midnight in Beijing.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class CaseNumberTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;
    private CaseApiFactory Factory => _factory!;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private static object Application(int n) => new
    {
        itemCode = "GT-DJ-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new
        {
            businessName = $"云城区张三小吃店{n}号",
            operatorId = "11010519491231002X",
            businessScope = "小吃服务",
            address = "云浮市云城区兴云西路8号",
        },
    };

    private static IEnumerable<string> Serials(string day, int from, int count) =>
        Enumerable.Range(from, count).Select(s => $"{day}-{s:D6}");

    [Test]
    public async Task Submissions_sent_at_once_to_two_nodes_get_distinct_consecutive_numbers_of_the_day()
    {
        await using var secondNode = Factory.AnotherNode();
        using var first = await Factory.CreateClientAsync("applicant");
        using var second = await secondNode.CreateClientAsync("applicant");

        var submitted = await Task.WhenAll(Enumerable.Range(0, 24).Select(n => (n % 2 == 0 ? first : second).SubmitAsync(Application(n))));

        Assert.That(submitted.Select(c => c.Number), Is.EquivalentTo(Serials("20261124", 1, 24)));
    }

    [Test]
    public async Task The_day_s_count_starts_again_at_midnight_in_beijing_not_at_midnight_utc()
    {
        using var applicant = await Factory.CreateClientAsync("applicant");
        Factory.At("2026-11-24T23:59:58");
        var (_, lastOfTheDay, _) = await applicant.SubmitAsync(Application(1));
        var (_, alsoOfTheDay, _) = await applicant.SubmitAsync(Application(2));

        // 00:00 in Beijing is 16:00 UTC of the day before.
        Factory.At("2026-11-25T00:00:00");
        var (_, firstOfTheNext, _) = await applicant.SubmitAsync(Application(3));
        var (_, secondOfTheNext, _) = await applicant.SubmitAsync(Application(4));

        Assert.That(new[] { lastOfTheDay, alsoOfTheDay }, Is.EqualTo(Serials("20261124", 1, 2)));
        Assert.That(new[] { firstOfTheNext, secondOfTheNext }, Is.EqualTo(Serials("20261125", 1, 2)));
    }
}

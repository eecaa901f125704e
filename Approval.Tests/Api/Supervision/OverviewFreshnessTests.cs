using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using static Approval.Tests.Api.Cases.CaseHttp;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// The supervisors' overview is kept for a moment and shared by its readers, but never behind what this node wrote: a
/// case submitted here is counted on the next read; one submitted on another node shows once the overview's maximum
/// age (2 s by default) has passed.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class OverviewFreshnessTests(DatabaseProvider provider)
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

    private static object Application(string name) => new
    {
        itemCode = "GT-DJ-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { businessName = name, operatorId = "11010519491231002X", businessScope = "小吃服务", address = "云浮市云城区兴云西路8号" },
    };

    private static async Task<int> OpenCasesAsync(HttpClient supervisor)
    {
        var overview = await supervisor.GetJsonAsync("/api/supervision/overview");
        return overview.Body!["openCases"]!.GetValue<int>();
    }

    [Test]
    public async Task A_case_submitted_on_this_node_is_counted_on_the_next_read()
    {
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        using var applicant = await Factory.CreateClientAsync("applicant");
        Assert.That(await OpenCasesAsync(supervisor), Is.Zero);

        await applicant.SubmitAsync(Application("云城区张三小吃店"));

        Assert.That(await OpenCasesAsync(supervisor), Is.EqualTo(1));
    }

    [Test]
    public async Task A_case_submitted_on_another_node_shows_once_the_overview_s_maximum_age_has_passed()
    {
        await using var otherNode = Factory.AnotherNode();
        using var supervisor = await Factory.CreateClientAsync("supervisor");
        using var applicant = await otherNode.CreateClientAsync("applicant");
        Assert.That(await OpenCasesAsync(supervisor), Is.Zero);

        await applicant.SubmitAsync(Application("云城区张三小吃店"));
        var kept = await OpenCasesAsync(supervisor);
        Factory.At("2026-11-24T09:00:02");
        var counted = await OpenCasesAsync(supervisor);

        Assert.That(kept, Is.Zero, "within 2 s this node shares the overview it counted");
        Assert.That(counted, Is.EqualTo(1));
    }
}

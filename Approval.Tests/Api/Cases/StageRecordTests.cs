using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.Persistence;

namespace Approval.Tests.Api.Cases;

/// <summary>Stage records for higher-level platforms: 受理 → 承办 → 审核 → 批准 → 办结, with working-day figures, JSON and CSV.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class StageRecordTests(DatabaseProvider provider)
{
    private CaseApiFactory? _factory;

    [SetUp]
    public async Task Start() => _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");

    [TearDown]
    public async Task Stop()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_delivered_case_exports_every_stage_with_its_working_days_and_a_period_exports_as_csv()
    {
        var factory = _factory!;
        using var applicant = await factory.CreateClientAsync("applicant");
        using var clerk = await factory.CreateClientAsync("clerk");
        using var head = await factory.CreateClientAsync("samr-head");
        using var supervisor = await factory.CreateClientAsync("supervisor");
        var submitted = await applicant.PostAsJsonAsync("/api/cases", new
        {
            itemCode = "GT-DJ-001",
            applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
            form = new { operatorId = "11010519491231002X", businessScope = "小吃", address = "云城区" },
        });
        var id = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        factory.At("2026-11-26T10:00:00");
        await clerk.PostAsJsonAsync($"/api/cases/{id}/accept", new { });
        await head.PostAsJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        await clerk.PostAsJsonAsync($"/api/cases/{id}/deliver", new { });

        var records = (await supervisor.GetFromJsonAsync<JsonArray>($"/api/supervision/stage-records?caseId={id}"))!;
        Assert.That(records.Select(r => r!["stageName"]!.GetValue<string>()), Is.EqualTo(new[] { "受理", "批准", "办结" }));
        var accept = records[0]!;
        Assert.That(accept["workingDaysUsed"]!.GetValue<int>(), Is.EqualTo(1), "received 11-24, accepted 11-26 10:00: one working day (11-25) used");
        Assert.That(accept["limitDays"]!.GetValue<int>(), Is.EqualTo(5));

        var csv = await supervisor.GetStringAsync(new Uri("/api/supervision/stage-records?from=2026-11-24&to=2026-11-30&format=csv", UriKind.Relative));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("caseNumber,itemCode,stage,stageName,departmentCode,person,at,workingDaysUsed,limitDays,detail"));
        Assert.That(lines, Has.Length.EqualTo(4));

        using var reviewer = await factory.CreateClientAsync("samr-reviewer");
        Assert.That((await reviewer.GetAsync(new Uri($"/api/supervision/stage-records?caseId={id}", UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approval.Tests.Api;

/// <summary>A fresh installation has demo cases in every state a role wants to see, made through the domain's own steps.</summary>
public class DemoCaseSeedTests
{
    private sealed class WithDemoCases : ApprovalApiFactoryBase
    {
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Approval:Demo:SeedCases"] = "true" };
    }

    [Test]
    public async Task The_demo_cases_cover_the_window_the_reviews_an_inspection_a_refusal_and_a_delivery()
    {
        await using var factory = new WithDemoCases();
        using var supervisor = await factory.CreateClientAsync("supervisor");
        var overview = await supervisor.GetFromJsonAsync<JsonObject>("/api/supervision/overview");
        var byStatus = overview!["casesByStatus"]!.AsObject();
        Assert.That(byStatus["Submitted"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(byStatus["InReview"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(byStatus["Suspended"]!.GetValue<int>(), Is.EqualTo(1));

        using var reviewer = await factory.CreateClientAsync("fire-reviewer");
        var tasks = await reviewer.GetFromJsonAsync<JsonArray>("/api/tasks");
        Assert.That(tasks, Has.Count.EqualTo(1), "the enterprise's fire review waits");
    }
}

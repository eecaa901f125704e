using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Tests.Api.Cases;
using Approval.Tests.Api.WorkLists;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Test]
    public async Task The_demo_history_is_one_intact_audit_chain_with_an_entry_per_timeline_line()
    {
        await using var factory = new WithDemoCases();
        using var supervisor = await factory.CreateClientAsync("supervisor");
        var verification = await supervisor.GetJsonAsync("/api/audit/verification");

        Assert.That(verification.Body!["intact"]!.GetValue<bool>(), Is.True, verification.Text);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var lines = await db.CaseEvents.CountAsync();
        var entries = (await db.AuditEntries.Select(e => e.Kind).ToListAsync()).Count(k => k.StartsWith("CaseEvent.", StringComparison.Ordinal));
        Assert.That(lines, Is.GreaterThan(0));
        Assert.That(entries, Is.EqualTo(lines));
        Assert.That(verification.Body["entriesChecked"]!.GetValue<long>(), Is.GreaterThan(lines), "the demo users and catalog too");
    }

    [Test]
    public async Task The_delivered_demo_case_has_a_sealed_decision_that_verifies_without_signing_in()
    {
        await using var factory = new WithDemoCases();
        using var applicant = await factory.CreateClientAsync("applicant");
        var delivered = (await applicant.RowsAsync("/api/me/cases?status=Delivered")).Single();

        var documents = (await applicant.GetJsonAsync($"/api/cases/{delivered.Text("caseId")}/documents")).Body!.AsArray();
        Assert.That(documents.Select(d => d!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "GrantDecision", "Licence" }));
        using var anyone = factory.CreateClient();
        foreach (var document in documents)
        {
            var verified = await anyone.GetJsonAsync($"/api/verify?case={Uri.EscapeDataString(delivered.Text("number"))}&doc={document!["id"]}");
            Assert.That(verified["verdict"], Is.EqualTo("Valid"), verified.Text);
            Assert.That(verified["departmentCode"], Is.EqualTo("samr"));
        }
    }

    [Test]
    public async Task The_demo_cases_name_their_people_as_real_steps_do_display_name_and_account()
    {
        await using var factory = new WithDemoCases();
        using var supervisor = await factory.CreateClientAsync("supervisor");
        var found = await supervisor.GetFromJsonAsync<JsonObject>("/api/search/cases?applicantId=11010519491231002X&pageSize=50");
        var company = await supervisor.GetFromJsonAsync<JsonObject>("/api/search/cases?applicantId=91350100M000100Y43&pageSize=50");
        var ids = found!["items"]!.AsArray().Concat(company!["items"]!.AsArray()).Select(c => c!["caseId"]!.GetValue<string>()).ToList();
        Assert.That(ids, Has.Count.EqualTo(5));

        // Who did the steps people did, as a signed-in person is named (Actor.Of): "李敏 (clerk)"; else the system.
        var named = DemoUsers.All.Select(u => Actor.Of(u).Name).Append(StaffNames.System).ToHashSet(StringComparer.Ordinal);
        var actors = new List<string>();
        foreach (var id in ids)
        {
            var timeline = await supervisor.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/timeline");
            actors.AddRange(timeline!.Select(e => e!["actor"]!.GetValue<string>()));
        }
        Assert.That(actors.Where(a => !named.Contains(a)).Distinct(), Is.Empty, "actors named otherwise");
        Assert.That(actors, Does.Contain("李敏 (clerk)").And.Contain("张三 (applicant)").And.Contain("沈国栋 (samr-head)").And.Contain(StaffNames.System));
    }
}

using System.Text.Json.Nodes;
using Approval.Engine.Runtime;

namespace Approval.Tests.Workflows.Process;

/// <summary>The four demo items' process definitions run as the catalog describes them.</summary>
public class ProcessDefinitionTests
{
    private static readonly string[] EnterpriseDepartments = ["tax", "eco", "fire", "health", "hrss", "samr"];

    [Test]
    public async Task Enterprise_establishment_is_reviewed_by_six_departments_in_parallel()
    {
        var process = await ProcessHarness.StartAsync("enterprise-establishment.json");
        Assert.That(process.Waiting, Is.EquivalentTo(EnterpriseDepartments.Select(d => $"review:{d}")));
    }

    [Test]
    public async Task The_lead_decides_only_after_every_department_and_any_refusal_refuses_with_every_reason()
    {
        var process = await ProcessHarness.StartAsync("enterprise-establishment.json");
        foreach (var department in EnterpriseDepartments.Reverse())
        {
            Assert.That(process.Waiting, Does.Not.Contain("decision"));
            var verdict = department switch { "fire" => "Refuse", "eco" => "ApproveWithConditions", _ => "Approve" };
            var reason = department switch { "fire" => "疏散通道宽度不足", "eco" => "须安装油烟净化设施", _ => null };
            await process.OpinionAsync(department, verdict, reason);
        }
        var decision = process.Instance.Bookmarks.Single(b => b.Name == "decision");
        Assert.That(decision.Payload!["proposedVerdict"]!.GetValue<string>(), Is.EqualTo("Refuse"));
        Assert.That(decision.Payload["reasons"]!.AsArray().Select(r => r!["reason"]!.GetValue<string>()),
            Is.EqualTo(new[] { "疏散通道宽度不足", "须安装油烟净化设施" }));

        await process.ResumeAsync("decision", new JsonObject { ["signer"] = "市场监管局负责人" });
        Assert.That(process.Instance.Variables["decision"]!["verdict"]!.GetValue<string>(), Is.EqualTo("Refuse"));
        Assert.That(process.Waiting, Is.EqualTo(new[] { "deliver" }));
        await process.ResumeAsync("deliver");
        Assert.That(process.Instance.Status, Is.EqualTo(WorkflowStatus.Finished));
    }

    [Test]
    public async Task A_decision_milder_than_the_opinions_is_refused_as_an_incident()
    {
        var fresh = await ProcessHarness.StartAsync("enterprise-establishment.json");
        foreach (var department in EnterpriseDepartments)
            await fresh.OpinionAsync(department, department == "tax" ? "Refuse" : "Approve", department == "tax" ? "欠税未清" : null);
        await fresh.ResumeAsync("decision", new JsonObject { ["verdict"] = "Approve", ["signer"] = "负责人" });
        Assert.That(fresh.Instance.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(fresh.Instance.Incidents.Single().Message, Does.Contain("milder"));
    }

    [Test]
    public async Task A_small_construction_project_needs_no_civil_defense_or_expert_review()
    {
        var process = await ProcessHarness.StartAsync("construction-permit.json", new JsonObject { ["buildingHeight"] = 30, ["investment"] = 8_000_000 });
        Assert.That(process.Waiting, Is.EquivalentTo(new[] { "review:housing", "review:planning", "review:fire" }));
        foreach (var department in new[] { "housing", "planning", "fire" })
            await process.OpinionAsync(department, "Approve");
        Assert.That(process.Waiting, Is.EqualTo(new[] { "decision" }));
    }

    [Test]
    public async Task A_tall_building_adds_a_civil_defense_review_and_an_expert_review_the_decision_waits_for()
    {
        var process = await ProcessHarness.StartAsync("construction-permit.json", new JsonObject { ["buildingHeight"] = 150, ["investment"] = 8_000_000 });
        Assert.That(process.Waiting, Is.EquivalentTo(new[] { "review:housing", "review:planning", "review:fire", "review:civil-defense", "suspension:专家评审" }));
        foreach (var department in new[] { "housing", "planning", "fire", "civil-defense" })
            await process.OpinionAsync(department, "Approve");
        Assert.That(process.Waiting, Is.EqualTo(new[] { "suspension:专家评审" }), "the decision waits for the expert review");
        await process.ResumeAsync("suspension:专家评审");
        Assert.That(process.Waiting, Is.EqualTo(new[] { "decision" }));
    }

    [Test]
    public async Task Food_business_license_inspects_on_site_before_the_review()
    {
        var process = await ProcessHarness.StartAsync("food-business-license.json");
        var inspection = process.Instance.Bookmarks.Single();
        Assert.That(inspection.Name, Is.EqualTo("suspension:现场核查"));
        Assert.That(inspection.Payload!["reason"]!.GetValue<string>(), Does.Contain("现场核查"));
        await process.ResumeAsync("suspension:现场核查");
        Assert.That(process.Waiting, Is.EqualTo(new[] { "review:samr" }));
    }

    [Test]
    public async Task An_individual_business_is_decided_at_acceptance()
    {
        var process = await ProcessHarness.StartAsync("individual-business.json");
        Assert.That(process.Waiting, Is.EqualTo(new[] { "decision" }));
        await process.ResumeAsync("decision", new JsonObject { ["signer"] = "窗口工作人员" });
        await process.ResumeAsync("deliver");
        Assert.That(process.Instance.Status, Is.EqualTo(WorkflowStatus.Finished));
    }
}

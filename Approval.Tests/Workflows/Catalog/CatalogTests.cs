using System.Text.Json.Nodes;
using Approval.Workflows.Catalog;

namespace Approval.Tests.Workflows.Catalog;

/// <summary>Catalog items are checked as data; an applicant's form is checked against its item.</summary>
public class CatalogTests
{
    [Test]
    public void The_demo_items_are_valid_catalog_data()
    {
        foreach (var item in DemoCatalog.Items)
            Assert.That(item.Problems(), Is.Empty, item.Name);
    }

    [Test]
    public void A_promised_limit_longer_than_the_statutory_limit_is_refused()
    {
        var item = DemoCatalog.FoodBusinessLicense with { PromisedLimitDays = 25 };
        Assert.That(item.Problems(), Has.Some.Contains("longer than the statutory limit"));
    }

    [Test]
    public void A_fee_needs_its_legal_basis()
    {
        Assert.That((DemoCatalog.FoodBusinessLicense with { Fee = 50 }).Problems(), Has.Some.Contains("legal basis"));
    }

    [Test]
    public void Every_form_error_is_reported_with_its_field()
    {
        var errors = FormValidation.Check(DemoCatalog.FoodBusinessLicense.Form, new JsonObject
        {
            ["shopName"] = "",
            ["businessType"] = "夜总会",
            ["operatorId"] = "110105194912310021",
            ["area"] = -5,
            ["colour"] = "red",
        });
        Assert.That(errors.Select(e => e.Field), Is.EquivalentTo(new[] { "form.shopName", "form.businessType", "form.operatorId", "form.area", "form.address", "form.colour" }));
        Assert.That(errors.Single(e => e.Field == "form.operatorId").Reason, Does.Contain("check digit"));
        Assert.That(errors.Single(e => e.Field == "form.area").Reason, Does.Contain("at least 0"));
    }

    [Test]
    public void Every_item_runs_a_process_definition_of_the_workflows_folder()
    {
        var folder = Approval.Tests.Workflows.Process.ProcessHarness.WorkflowsFolder;
        var ids = Directory.GetFiles(folder, "*.json").Select(f => JsonNode.Parse(File.ReadAllText(f))!["definitionId"]!.GetValue<string>()).ToHashSet();
        foreach (var item in DemoCatalog.Items)
            Assert.That(ids, Does.Contain(item.ProcessDefinitionId), item.Name);
    }
}

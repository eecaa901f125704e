using Approval.Workflows.Catalog;

namespace Approval.Tests.Workflows.Catalog;

/// <summary>What an administrator reads before publishing or rolling back: the fields two versions of an item differ in.</summary>
public class ItemDifferencesTests
{
    private static readonly ApprovalItem Food = DemoCatalog.FoodBusinessLicense;

    [Test]
    public void Two_versions_with_the_same_content_differ_in_nothing_whatever_their_numbers()
    {
        Assert.That(ItemDifferences.Between(Food with { Version = 1 }, Food with { Version = 3 }), Is.Empty);
    }

    [Test]
    public void A_changed_limit_and_fee_are_one_difference_each_with_the_values_before_and_after()
    {
        var edited = Food with { PromisedLimitDays = 8, Fee = 30, FeeBasis = "示范收费依据" };

        Assert.That(ItemDifferences.Between(Food, edited), Is.EqualTo(new[]
        {
            new ItemDifference("promisedLimitDays", "10", "8"),
            new ItemDifference("fee", "0.00", "30.00"),
            new ItemDifference("feeBasis", Food.FeeBasis, "示范收费依据"),
        }));
    }

    [Test]
    public void List_entries_are_compared_by_their_code_added_removed_or_changed()
    {
        var rules = Food.Materials.Single(m => m.Code == "rules");
        var edited = Food with
        {
            Materials = [.. Food.Materials.Where(m => m.Code != "layout").Select(m => m.Code == "rules" ? m with { MayBeMissing = false } : m),
                new RequiredMaterial("health", "从业人员健康证明", MaterialForm.Copy, 1, false)],
        };

        var differences = ItemDifferences.Between(Food, edited);

        Assert.That(differences.Select(d => (d.Field, d.Before is null, d.After is null)), Is.EqualTo(new[]
        {
            ("materials.layout", false, true),
            ("materials.rules", false, false),
            ("materials.health", true, false),
        }));
        Assert.That(differences[1].Before, Does.Contain("\"mayBeMissing\":true"));
        Assert.That(differences[1].After, Does.Contain("\"mayBeMissing\":false"));
        Assert.That(rules.MayBeMissing, Is.True, "the demo's rules may follow under a promise (容缺)");
    }
}

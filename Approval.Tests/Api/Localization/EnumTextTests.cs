using System.Collections;
using System.Globalization;
using System.Resources;
using Approval.Api.Pages.Localization;

namespace Approval.Tests.Api.Localization;

/// <summary>
/// The pages name the domain's enum values through <c>TypeName.Value</c> keys (<c>CaseAction.Extended</c>): once a type
/// is named there, every value it can take has a Chinese and an English text, or a timeline shows the raw name.
/// </summary>
[TestFixture]
public sealed class EnumTextTests
{
    private static readonly ResourceManager Texts = new("Approval.Api.Pages.Localization.UiText", typeof(UiText).Assembly);

    [Test]
    public void Every_value_of_an_enum_the_pages_name_has_a_Chinese_and_an_English_text()
    {
        var chinese = Keys(CultureInfo.InvariantCulture);
        var english = Keys(CultureInfo.GetCultureInfo("en"));
        var enums = new[] { typeof(Approval.Workflows.Cases.CaseStatus).Assembly, typeof(UiText).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && t.Namespace?.StartsWith("Approval.", StringComparison.Ordinal) == true)
            .GroupBy(t => t.Name)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single());
        var named = chinese.Select(k => k.Split('.')[0]).Distinct().Where(enums.ContainsKey).ToList();
        Assert.That(named, Does.Contain("CaseAction").And.Contain("CaseStatus").And.Contain("WarningLevel"));

        var missing = named.SelectMany(type => Enum.GetNames(enums[type]).Select(value => $"{type}.{value}"))
            .Where(key => !chinese.Contains(key) || !english.Contains(key))
            .ToList();
        Assert.That(missing, Is.Empty, "enum values without a Chinese or English text");
    }

    private static HashSet<string> Keys(CultureInfo culture) =>
        Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .Where(e => !string.IsNullOrWhiteSpace(e.Value as string))
            .Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
}

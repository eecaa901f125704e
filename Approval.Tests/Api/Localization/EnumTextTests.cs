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

    [Test]
    public void An_enum_values_text_is_kept_once_and_every_page_names_it_by_its_enum_key()
    {
        var chinese = Texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
        var enumKeys = chinese.Keys.Where(k => k.Split('.') is [var type, _] && EnumNames.Contains(type)).ToList();
        Assert.That(enumKeys, Is.Not.Empty);
        // A page's own copy of an enum's label (Hall.Kind.OverdueCase beside ViolationKind.OverdueCase) drifts from it.
        var copies = enumKeys.SelectMany(key => chinese
                .Where(other => other.Key.Count(c => c == '.') >= 2 && other.Key.EndsWith("." + key.Split('.')[1], StringComparison.Ordinal)
                    && other.Value == chinese[key] && NamesTheSameEnum(other.Key, key.Split('.')[0]))
                .Select(other => $"{other.Key} = {key}"))
            .ToList();
        Assert.That(copies, Is.Empty, "enum labels kept twice");
        Assert.That(enumKeys, Does.Contain("ViolationKind.OverdueCase").And.Contain("NoticeStatus.Escalated").And.Contain("ViolationReview.Dismissed"));
    }

    // Hall.Kind.OverdueCase and Workbench.NoticeStatus.Escalated name ViolationKind and NoticeStatus; Acts.Grade.Good (a
    // performance grade) only shares its value's name and label with CreditStanding.Good.
    private static bool NamesTheSameEnum(string copy, string enumName)
    {
        var segments = copy.Split('.');
        return enumName.EndsWith(segments[^2], StringComparison.Ordinal);
    }

    private static readonly HashSet<string> EnumNames = [.. new[] { typeof(Approval.Workflows.Cases.CaseStatus).Assembly, typeof(UiText).Assembly }
        .SelectMany(a => a.GetTypes()).Where(t => t.IsEnum && t.Namespace?.StartsWith("Approval.", StringComparison.Ordinal) == true).Select(t => t.Name)];

    private static HashSet<string> Keys(CultureInfo culture) =>
        Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .Where(e => !string.IsNullOrWhiteSpace(e.Value as string))
            .Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
}

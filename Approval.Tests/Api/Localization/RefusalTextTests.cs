using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Approval.Api.Pages.Localization;
using Approval.Workflows.Refusals;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Approval.Tests.Api.Localization;

/// <summary>The domain's refusals as the pages say them: a code the domain gives, translated into both languages.</summary>
[TestFixture]
public sealed partial class RefusalTextTests
{
    private static readonly ResourceManager Texts = new("Approval.Api.Pages.Localization.UiText", typeof(UiText).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Test]
    public void Every_refusal_the_domain_can_give_has_a_Chinese_and_an_English_text()
    {
        var chinese = Refusals(CultureInfo.InvariantCulture);
        var english = Refusals(English);
        var codes = Enum.GetNames<RefusalCode>();
        Assert.Multiple(() =>
        {
            Assert.That(codes.Where(c => string.IsNullOrWhiteSpace(chinese.GetValueOrDefault(c))), Is.Empty, "no Chinese text");
            Assert.That(codes.Where(c => string.IsNullOrWhiteSpace(english.GetValueOrDefault(c))), Is.Empty, "no English text");
            Assert.That(chinese.Keys.Except(codes), Is.Empty, "Chinese texts of refusals the domain does not give");
            Assert.That(english.Keys.Except(codes), Is.Empty, "English texts of refusals the domain does not give");
        });
    }

    [Test]
    public void The_Chinese_text_of_a_refusal_is_Chinese_and_takes_the_same_parameters_as_the_English_one()
    {
        var chinese = Refusals(CultureInfo.InvariantCulture);
        var english = Refusals(English);
        var differing = chinese.Keys.Intersect(english.Keys)
            .Where(code => !Parameters(chinese[code]).SetEquals(Parameters(english[code])))
            .Select(code => $"{code}: {chinese[code]} / {english[code]}");
        var notChinese = chinese.Where(pair => !Han().IsMatch(pair.Value)).Select(pair => pair.Key);
        Assert.Multiple(() =>
        {
            Assert.That(differing, Is.Empty);
            Assert.That(notChinese, Is.Empty);
        });
    }

    [Test]
    public void A_refusal_is_said_in_the_readers_language_with_its_values_in_their_culture()
    {
        var latest = new DateOnly(2026, 6, 30);
        var refusal = Refusal.Of(RefusalCode.PromisedDateAfterLimit, $"the promised date may not be later than the promised limit ({latest:yyyy-MM-dd})");
        Assert.Multiple(() =>
        {
            Assert.That(refusal.Text, Is.EqualTo("the promised date may not be later than the promised limit (2026-06-30)"), "the API's English stays");
            Assert.That(Said(refusal, "zh-CN"), Is.EqualTo("承诺补齐日期不得晚于承诺办结期限（2026年6月30日）"));
            Assert.That(Said(refusal, "en"), Is.EqualTo("the promised date may not be later than the promised limit (June 30, 2026)"));
        });
    }

    private static string Said(Refusal refusal, string culture)
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var text = services.GetRequiredService<IStringLocalizer<UiText>>();
        var before = CultureInfo.CurrentUICulture;
        var beforeFormat = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return text.Say(refusal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
            CultureInfo.CurrentCulture = beforeFormat;
        }
    }

    private static Dictionary<string, string> Refusals(CultureInfo culture)
    {
        var set = Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new AssertionException($"no texts for '{culture.Name}'");
        return set.Cast<DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith("Refusal.", StringComparison.Ordinal))
            .ToDictionary(e => ((string)e.Key)["Refusal.".Length..], e => (string)e.Value!);
    }

    private static HashSet<string> Parameters(string text) => [.. Placeholder().Matches(text).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\u4E00-\u9FFF]")]
    private static partial Regex Han();
}

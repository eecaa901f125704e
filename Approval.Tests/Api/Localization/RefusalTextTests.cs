using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Approval.Api.Pages.Localization;
using Approval.Workflows.Calendar;
using Approval.Workflows.Credit;
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

    [Test]
    public void A_refusal_under_a_promise_says_the_standing_and_the_record_kind_by_their_labels_not_their_enum_names()
    {
        var debtor = new CreditRecord
        {
            Id = "debtor", SubjectId = "11010519491231002X", SubjectName = "张三", Kind = CreditRecordKind.DishonestJudgmentDebtor, SourceDepartmentCode = "court",
            DocumentNumber = "（2026）粤5381执123号", Summary = "失信被执行人", EffectiveOn = new DateOnly(2026, 1, 5),
            RecordedAt = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8)), RecordedBy = "admin",
        };
        var standing = new CreditRules().Assess(debtor.SubjectId, [debtor], new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.FromHours(8)), new BusinessHours());
        var refusal = standing.PromiseRefusal();
        Assert.Multiple(() =>
        {
            Assert.That(standing.AllowsPromise, Is.False);
            Assert.That(refusal.Text, Does.Contain("Dishonest").And.Contain("DishonestJudgmentDebtor"), "the API's English names the values");
            Assert.That(Said(refusal, "zh-CN"), Is.EqualTo("申请人信用状况为失信：court的记录（2026）粤5381执123号（失信被执行人）使其不适用容缺受理或告知承诺"));
            Assert.That(Said(refusal, "en"), Is.EqualTo("the applicant's credit standing is Dishonest: record （2026）粤5381执123号 of court (Dishonest judgment debtor) excludes acceptance under a promise (容缺受理, 告知承诺)"));
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

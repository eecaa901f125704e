using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Approval.Api.Pages.Localization;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Approval.Tests.Api.Localization;

/// <summary>
/// The engine's reasons for refusing a definition as the pages say them: the engine gives a code and its parameters (and
/// its English), the pages' texts say each code in Chinese and English with the same placeholders.
/// </summary>
[TestFixture]
public sealed partial class DefinitionErrorTextTests
{
    private static readonly ResourceManager Texts = new("Approval.Api.Pages.Localization.UiText", typeof(UiText).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Test]
    public void Every_code_the_engine_can_give_has_a_Chinese_and_an_English_text_and_no_text_is_for_a_code_that_is_gone()
    {
        var chinese = DefinitionErrors(CultureInfo.InvariantCulture);
        var english = DefinitionErrors(English);
        var codes = Enum.GetNames<DefinitionErrorCode>();
        Assert.Multiple(() =>
        {
            Assert.That(codes.Where(c => string.IsNullOrWhiteSpace(chinese.GetValueOrDefault(c))), Is.Empty, "no Chinese text");
            Assert.That(codes.Where(c => string.IsNullOrWhiteSpace(english.GetValueOrDefault(c))), Is.Empty, "no English text");
            Assert.That(chinese.Keys.Except(codes), Is.Empty, "Chinese texts of codes the engine does not give");
            Assert.That(english.Keys.Except(codes), Is.Empty, "English texts of codes the engine does not give");
        });
    }

    [Test]
    public void Each_text_takes_the_placeholders_of_the_engines_sentence_and_the_Chinese_one_is_Chinese()
    {
        var chinese = DefinitionErrors(CultureInfo.InvariantCulture);
        var english = DefinitionErrors(English);
        var differing = Enum.GetValues<DefinitionErrorCode>()
            .Where(code => chinese.ContainsKey(code.ToString()) && english.ContainsKey(code.ToString()))
            .Where(code =>
            {
                var engine = DefinitionErrorTexts.PlaceholdersOf(DefinitionErrorTexts.English(code));
                return !engine.SetEquals(DefinitionErrorTexts.PlaceholdersOf(chinese[code.ToString()]))
                    || !engine.SetEquals(DefinitionErrorTexts.PlaceholdersOf(english[code.ToString()]));
            })
            .Select(code => $"{code}: {DefinitionErrorTexts.English(code)} / {chinese[code.ToString()]} / {english[code.ToString()]}");
        var notChinese = chinese.Where(pair => !Han().IsMatch(pair.Value)).Select(pair => pair.Key);
        Assert.Multiple(() =>
        {
            Assert.That(differing, Is.Empty);
            Assert.That(notChinese, Is.Empty);
        });
    }

    [Test]
    public void A_connection_to_a_missing_activity_is_said_in_the_readers_language_and_the_engine_keeps_its_English()
    {
        var read = new WorkflowDefinitionReader(ActivityRegistry.CreateDefault()).Read("""
            { "root": { "type": "Elsa.Flowchart", "id": "f", "start": "start", "activities": [ { "id": "start", "type": "Elsa.Start" } ],
              "connections": [ { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "review-taks", "port": "In" } } ] } }
            """, "upload.json");
        var error = read.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(DefinitionErrorCode.ConnectionTargetMissing));
            Assert.That(error.ActivityId, Is.EqualTo("start"));
            Assert.That(error.Parameters, Is.EqualTo(new Dictionary<string, string> { ["activity"] = "review-taks" }));
            Assert.That(error.Reason, Is.EqualTo("a connection ends at activity 'review-taks', which is not in this flowchart"));
            Assert.That(Said(error, "zh-CN"), Is.EqualTo("连线指向的环节“review-taks”不在此流程图中"));
            Assert.That(Said(error, "en"), Is.EqualTo(error.Reason));
        });
    }

    [Test]
    public void An_activity_types_own_check_gives_a_code_too()
    {
        var read = new WorkflowDefinitionReader(ActivityRegistry.CreateDefault()).Read("""
            { "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [ { "id": "task", "type": "Elsa.RunTask" }, { "id": "web", "type": "Elsa.HttpEndpoint" } ] } }
            """, "upload.json");
        Assert.That(read.Errors.Select(e => (e.ActivityId, e.Code, Said(e, "zh-CN"))), Is.EquivalentTo(new[]
        {
            ("task", DefinitionErrorCode.InputMissing, "缺少输入“taskName”"),
            ("web", DefinitionErrorCode.HttpActivityUnsupported, "不支持环节类型“Elsa.HttpEndpoint”：不支持 HTTP 环节（请求由审批系统的接口接收和答复）"),
        }));
    }

    private static string Said(DefinitionError error, string culture)
    {
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var text = services.GetRequiredService<IStringLocalizer<UiText>>();
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return text.Say(error);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static Dictionary<string, string> DefinitionErrors(CultureInfo culture)
    {
        var set = Texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new AssertionException($"no texts for '{culture.Name}'");
        return set.Cast<DictionaryEntry>()
            .Where(e => ((string)e.Key).StartsWith("DefinitionError.", StringComparison.Ordinal))
            .ToDictionary(e => ((string)e.Key)["DefinitionError.".Length..], e => (string)e.Value!);
    }

    [GeneratedRegex(@"[\u4E00-\u9FFF]")]
    private static partial Regex Han();
}

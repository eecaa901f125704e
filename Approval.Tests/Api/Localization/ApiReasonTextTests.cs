using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Approval.Api.Contract;
using Approval.Api.Pages.Localization;

namespace Approval.Tests.Api.Localization;

/// <summary>
/// The reasons the API writes itself (a missing part, a date of the wrong form) are codes like the domain's refusals:
/// each said in Chinese and English, the English word for word what the API has always answered.
/// </summary>
[TestFixture]
public sealed partial class ApiReasonTextTests
{
    private static readonly ResourceManager Texts = new("Approval.Api.Pages.Localization.UiText", typeof(UiText).Assembly);

    /// <summary>Every reason of <see cref="ApiReasons"/>, made with sample values for its parameters.</summary>
    private static IEnumerable<(string Member, ProblemText Reason)> Reasons()
    {
        foreach (var member in typeof(ApiReasons).GetMembers(BindingFlags.Public | BindingFlags.Static))
        {
            var reason = member switch
            {
                PropertyInfo property => (ProblemText?)property.GetValue(null),
                MethodInfo { IsSpecialName: false } method => (ProblemText?)method.Invoke(null, [.. method.GetParameters().Select(p => Sample(p.ParameterType))]),
                _ => null,
            };
            if (reason is not null)
                yield return (member.Name, reason);
        }
    }

    private static object Sample(Type type) =>
        type == typeof(int) ? 7 : type == typeof(DateOnly) ? new DateOnly(2026, 6, 30) : "样例";

    [Test]
    public void Every_reason_the_API_gives_itself_has_a_Chinese_and_an_English_text_matching_its_English()
    {
        var reasons = Reasons().Where(r => r.Reason.Key.StartsWith("Api.Reason.", StringComparison.Ordinal)).ToList();
        Assert.That(reasons, Has.Count.GreaterThan(60), "the reasons are found");
        var missing = new List<string>();
        var differing = new List<string>();
        var notChinese = new List<string>();
        foreach (var (member, reason) in reasons)
        {
            var chinese = Texts.GetString(reason.Key, CultureInfo.InvariantCulture);
            var english = Texts.GetString(reason.Key, CultureInfo.GetCultureInfo("en"));
            if (chinese is null || english is null || chinese == english)
            {
                missing.Add(member);
                continue;
            }
            var arguments = reason.Arguments.ToArray();
            if (string.Format(CultureInfo.InvariantCulture, english, arguments) != reason.English)
                differing.Add($"{member}: '{string.Format(CultureInfo.InvariantCulture, english, arguments)}' / '{reason.English}'");
            if (!Han().IsMatch(string.Format(CultureInfo.InvariantCulture, chinese, arguments)))
                notChinese.Add(member);
        }
        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "without both texts");
            Assert.That(differing, Is.Empty, "the English text says something else than the API's English");
            Assert.That(notChinese, Is.Empty, "the Chinese text is not Chinese");
        });
    }

    [Test]
    public void A_reasons_code_is_its_name()
    {
        Assert.That(Reasons().Where(r => r.Reason.Key.StartsWith("Api.Reason.", StringComparison.Ordinal) && r.Reason.Code != r.Member)
            .Select(r => r.Member), Is.Empty);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}

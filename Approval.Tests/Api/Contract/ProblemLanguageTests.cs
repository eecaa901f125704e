using System.Globalization;
using System.Net;
using System.Text;
using Approval.Api.Pages.Localization;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Approval.Tests.Api.Contract;

/// <summary>
/// Problem details speak the reader's language, from the resources the pages use: Chinese by default, English with
/// Accept-Language: en; the code and the field names stay the same in both, for the machines.
/// </summary>
public class ProblemLanguageTests
{
    private CaseApiFactory _factory = null!;
    private string _caseId = null!;

    private static object Application => new
    {
        itemCode = "QY-SL-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { companyName = "云浮市张三科技有限公司", registeredCapital = 100, businessScope = "软件开发", address = "云浮市云城区建设北路1号", legalRepresentativeId = "11010519491231002X" },
    };

    [OneTimeSetUp]
    public async Task An_accepted_case()
    {
        _factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T10:00:00");
        using var applicant = await _factory.CreateClientAsync("applicant");
        using var clerk = await _factory.CreateClientAsync("clerk");
        (_caseId, _, _) = await applicant.SubmitAsync(Application);
        Assert.That((await clerk.PostJsonAsync($"/api/cases/{_caseId}/accept")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    /// <summary>A clerk's client asking for a language (null: no Accept-Language at all).</summary>
    private async Task<HttpClient> ClerkAsync(string? language)
    {
        var client = await _factory.CreateClientAsync("clerk");
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        if (language is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", language);
        return client;
    }

    private string Text(string culture, string key, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return _factory.Services.GetRequiredService<IStringLocalizer<UiText>>()[key, arguments];
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [TestCase(null, "zh-CN")]
    [TestCase("zh-CN", "zh-CN")]
    [TestCase("en", "en")]
    [TestCase("en-GB", "en")]
    [TestCase("fr", "zh-CN")]
    public async Task A_refused_step_is_said_in_the_readers_language_with_the_refusals_code(string? asked, string said)
    {
        using var clerk = await ClerkAsync(asked);
        var again = await clerk.PostJsonAsync($"/api/cases/{_caseId}/accept");

        Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Conflict), again.Text);
        Assert.Multiple(() =>
        {
            Assert.That(again["code"], Is.EqualTo("OnlySubmittedAccepted"));
            Assert.That(again["title"], Is.EqualTo(Text(said, "Api.Title.409")));
            Assert.That(again["detail"], Is.EqualTo(Text(said, "Problem.NotPossible", Text(said, "Refusal.OnlySubmittedAccepted"))));
        });
    }

    [Test]
    public async Task A_value_past_its_limit_names_the_field_in_both_languages_and_says_why_in_each()
    {
        var tooLong = new { reason = new string('理', 2001) };
        using var chinese = await ClerkAsync(null);
        using var english = await ClerkAsync("en");

        var zh = await chinese.PostJsonAsync($"/api/cases/{_caseId}/refuse", tooLong);
        var en = await english.PostJsonAsync($"/api/cases/{_caseId}/refuse", tooLong);

        Assert.Multiple(() =>
        {
            Assert.That(zh.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), zh.Text);
            Assert.That(en.Status, Is.EqualTo(HttpStatusCode.UnprocessableEntity), en.Text);
            Assert.That(zh["code"], Is.EqualTo("TooLong"));
            Assert.That(en["code"], Is.EqualTo("TooLong"));
            Assert.That(zh.Body!["errors"]!["reason"]![0]!.GetValue<string>(), Is.EqualTo(Text("zh-CN", "Refusal.TextTooLong", 2000)));
            Assert.That(en.Body!["errors"]!["reason"]![0]!.GetValue<string>(), Is.EqualTo(Text("en", "Refusal.TextTooLong", 2000)));
            Assert.That(zh["title"], Is.EqualTo(Text("zh-CN", "Api.Title.TooLong")));
            Assert.That(zh["detail"], Is.EqualTo($"reason: {Text("zh-CN", "Refusal.TextTooLong", 2000)}"));
        });
    }

    [Test]
    public async Task A_reason_the_API_gives_before_the_domain_is_said_in_the_readers_language()
    {
        using var chinese = await ClerkAsync(null);
        using var english = await ClerkAsync("en");

        var zh = await chinese.GetJsonAsync("/api/calendar/days/2026-13-01");
        var en = await english.GetJsonAsync("/api/calendar/days/2026-13-01");

        Assert.Multiple(() =>
        {
            Assert.That(zh.Status, Is.EqualTo(HttpStatusCode.BadRequest), zh.Text);
            Assert.That(zh.Body!["errors"]!["date"]![0]!.GetValue<string>(), Is.EqualTo(Text("zh-CN", "Api.Reason.NotADate", "2026-13-01")));
            Assert.That(en.Body!["errors"]!["date"]![0]!.GetValue<string>(), Is.EqualTo("'2026-13-01' is not a date of the form YYYY-MM-DD"));
            Assert.That(zh["detail"], Is.EqualTo($"date: {Text("zh-CN", "Api.Reason.NotADate", "2026-13-01")}"));
            Assert.That(zh["code"], Is.EqualTo(en["code"]));
        });
    }

    [Test]
    public async Task Malformed_json_is_said_in_chinese_by_default_and_in_english_when_asked()
    {
        using var chinese = await ClerkAsync(null);
        using var english = await ClerkAsync("en;q=0.9, zh;q=0.1");

        async Task<Reply> SendBrokenAsync(HttpClient client)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{_caseId}/refuse")
            {
                Content = new StringContent("{\"reason\": ", Encoding.UTF8, "application/json"),
            };
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new Reply(response.StatusCode, System.Text.Json.Nodes.JsonNode.Parse(text), text);
        }

        var zh = await SendBrokenAsync(chinese);
        var en = await SendBrokenAsync(english);
        Assert.Multiple(() =>
        {
            Assert.That(zh.Status, Is.EqualTo(HttpStatusCode.BadRequest), zh.Text);
            Assert.That(zh["code"], Is.EqualTo("InvalidRequest"));
            Assert.That(en["code"], Is.EqualTo("InvalidRequest"));
            Assert.That(zh["title"], Is.EqualTo(Text("zh-CN", "Api.Title.400")));
            Assert.That(zh.Body!["errors"]!["body"]![0]!.GetValue<string>(), Does.StartWith("不是格式正确的 JSON"));
            Assert.That(en.Body!["errors"]!["body"]![0]!.GetValue<string>(), Does.StartWith("is not well-formed JSON"));
        });
    }

    [Test]
    public async Task Not_signed_in_is_said_in_chinese_by_default_with_a_code_for_machines()
    {
        using var anonymous = _factory.CreateClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.Clear();

        var reply = await anonymous.GetJsonAsync($"/api/cases/{_caseId}");

        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.Multiple(() =>
        {
            Assert.That(reply["code"], Is.EqualTo("SignInRequired"));
            Assert.That(reply["title"], Is.EqualTo(Text("zh-CN", "Api.Title.401")));
            Assert.That(reply["detail"], Is.EqualTo(Text("zh-CN", "Api.Reason.SignInRequired")));
        });
    }
}

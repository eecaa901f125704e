using System.Net;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using static Approval.Tests.Api.Notifications.ApplicantFeedback;

namespace Approval.Tests.Api.Notifications;

/// <summary>
/// What people set for result feedback over HTTP: an applicant's channels and language (<c>/api/me/profile</c>), and the
/// administrators' templates (<c>/api/admin/notification-templates</c>), checked field by field.
/// </summary>
public class FeedbackSettingsTests
{
    private CaseApiFactory _factory = null!;
    private HttpClient _applicant = null!;
    private HttpClient _admin = null!;

    [SetUp]
    public async Task Start()
    {
        _factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T09:00:00");
        _applicant = await _factory.CreateClientAsync("applicant");
        _admin = await _factory.CreateClientAsync("admin");
    }

    [TearDown]
    public async Task Stop()
    {
        _applicant?.Dispose();
        _admin?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task An_applicant_hears_by_inbox_and_e_mail_in_Chinese_until_they_choose_otherwise()
    {
        var profile = await _applicant.GetJsonAsync("/api/me/profile");
        Assert.That(profile.Status, Is.EqualTo(HttpStatusCode.OK), profile.Text);
        Assert.That((profile.Body!["byInbox"]!.GetValue<bool>(), profile.Body["byEmail"]!.GetValue<bool>(), profile.Body["bySms"]!.GetValue<bool>(), profile["language"]),
            Is.EqualTo((true, true, false, "zh-CN")));

        var saved = await _applicant.PutJsonAsync("/api/me/profile", new { phone = "+86 138-0013-8000", bySms = true, email = "zhangsan@example.cn" });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
        Assert.That((saved["phone"], saved["email"]), Is.EqualTo(("13800138000", "zhangsan@example.cn")), "the 11 digits are kept");
        var read = await _applicant.GetJsonAsync("/api/me/profile");
        Assert.That((read["phone"], read.Body!["bySms"]!.GetValue<bool>(), read.Body["byEmail"]!.GetValue<bool>()), Is.EqualTo(("13800138000", true, true)));
    }

    [TestCase("12345678901", "phone")]
    [TestCase("1380013800", "phone")]
    [TestCase("021-12345678", "phone")]
    public async Task A_phone_that_is_not_a_mainland_mobile_number_is_refused_naming_the_field(string phone, string field)
    {
        var refused = await _applicant.PutJsonAsync("/api/me/profile", new { phone, bySms = true });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Text);
        Assert.That(refused.Body!["errors"]![field]![0]!.GetValue<string>(), Does.Contain("mainland"));
        Assert.That((await _applicant.GetJsonAsync("/api/me/profile")).Body!["bySms"]!.GetValue<bool>(), Is.False, "nothing was saved");
    }

    [Test]
    public async Task SMS_without_a_number_an_unknown_language_and_a_bad_address_are_each_refused_naming_the_field()
    {
        var refused = await _applicant.PutJsonAsync("/api/me/profile", new { bySms = true, language = "fr", email = "not an address" });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Text);
        var errors = refused.Body!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "phone", "language", "email" }));
        Assert.That(errors["language"]![0]!.GetValue<string>(), Does.Contain("zh-CN").And.Contain("en"));
    }

    [Test]
    public async Task Staff_have_no_applicant_profile()
    {
        using var clerk = await _factory.CreateClientAsync("clerk");
        Assert.That((await clerk.GetJsonAsync("/api/me/profile")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Every_kind_has_a_shipped_template_in_Chinese_and_English_with_its_placeholders()
    {
        var all = await _admin.GetJsonAsync("/api/admin/notification-templates");
        Assert.That(all.Status, Is.EqualTo(HttpStatusCode.OK), all.Text);
        var templates = all.Body!.AsArray();
        Assert.That(templates, Has.Count.EqualTo(15 * 2), "15 kinds told to applicants, DecisionRevoked the newest");
        Assert.That(templates.Select(t => t!["culture"]!.GetValue<string>()).Distinct(), Is.EquivalentTo(new[] { "zh-CN", "en" }));
        Assert.That(templates, Has.All.Matches<System.Text.Json.Nodes.JsonNode>(t => !t["customized"]!.GetValue<bool>()));
        var received = (await _admin.GetJsonAsync("/api/admin/notification-templates/CaseReceived/en")).Body!;
        Assert.That(received["placeholders"]!.AsArray().Select(p => p!.GetValue<string>()), Is.SupersetOf(new[] { "caseNumber", "queryCode", "receivedAt" }));
        Assert.That(received["body"]!.GetValue<string>(), Does.Contain("{queryCode}"));
    }

    [Test]
    public async Task An_unknown_placeholder_is_refused_naming_the_field_and_the_placeholder()
    {
        var refused = await _admin.PutJsonAsync("/api/admin/notification-templates/CaseRefused/zh-CN", new
        {
            title = "不予受理：{caseNumber}",
            body = "理由：{reason}。请于 {deadline} 前联系窗口。",
            sms = "【政务服务】{caseNumber} 不予受理，{promisedDueDate}",
        });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.BadRequest), refused.Text);
        var errors = refused.Body!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "body", "sms" }));
        Assert.That(errors["body"]![0]!.GetValue<string>(), Does.Contain("{deadline}").And.Contain("{reason}"));
        Assert.That(errors["sms"]![0]!.GetValue<string>(), Does.Contain("{promisedDueDate}"), "a placeholder of another kind is unknown here");
        Assert.That((await _admin.PutJsonAsync("/api/admin/notification-templates/CaseRefused/zh-CN", new { title = "", body = "x", sms = "y" })).Body!["errors"]!["title"], Is.Not.Null);
        Assert.That((await _admin.GetJsonAsync("/api/admin/notification-templates/CaseRefused/zh-CN")).Body!["customized"]!.GetValue<bool>(), Is.False, "nothing was saved");
    }

    [TestCase("WarningRaised", "zh-CN")]
    [TestCase("NoSuchKind", "en")]
    [TestCase("CaseReceived", "fr")]
    public async Task A_kind_without_a_template_or_an_unknown_language_is_not_found(string kind, string culture)
    {
        var answer = await _admin.GetJsonAsync($"/api/admin/notification-templates/{kind}/{culture}");
        Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.NotFound), answer.Text);
        Assert.That(answer["detail"], Does.Contain(kind == "CaseReceived" ? culture : kind));
    }

    [Test]
    public async Task An_administrator_s_template_is_used_from_its_save_until_it_is_dropped()
    {
        await AskForSmsAsync(_applicant);
        // A submission before the save: the node now keeps the templates it read, which the save must not leave in force.
        var (before, _, _) = await _applicant.SubmitAsync(Food);
        Assert.That((await ToldOnceAsync(_applicant, before, "CaseReceived"))["title"]!.GetValue<string>(), Does.StartWith("您的申请已收到"));
        var saved = await _admin.PutJsonAsync("/api/admin/notification-templates/CaseReceived/zh-CN", new
        {
            title = "云浮市政务服务中心：已收件 {caseNumber}",
            body = "{applicantName}您好，「{itemName}」已收件，查询码 {queryCode}。",
            sms = "【云浮政务】已收件{caseNumber}，查询码{queryCode}",
        });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
        Assert.That((saved.Body!["customized"]!.GetValue<bool>(), saved["updatedBy"]), Is.EqualTo((true, "admin")));

        var (id, number, queryCode) = await _applicant.SubmitAsync(Food);
        var told = await ToldOnceAsync(_applicant, id, "CaseReceived");
        Assert.That(told["title"]!.GetValue<string>(), Is.EqualTo($"云浮市政务服务中心：已收件 {number}"));
        Assert.That(told["body"]!.GetValue<string>(), Is.EqualTo($"张三您好，「食品经营许可」已收件，查询码 {queryCode}。"));
        Assert.That(await SmsOnceAsync(_factory, number, "CaseReceived"), Is.EqualTo($"【云浮政务】已收件{number}，查询码{queryCode}"));

        var dropped = await _admin.SendJsonAsync(HttpMethod.Delete, "/api/admin/notification-templates/CaseReceived/zh-CN", null);
        Assert.That(dropped.Body!["customized"]!.GetValue<bool>(), Is.False);
        var (second, _, _) = await _applicant.SubmitAsync(Food);
        Assert.That((await ToldOnceAsync(_applicant, second, "CaseReceived"))["title"]!.GetValue<string>(), Does.StartWith("您的申请已收到"));
    }

    [Test]
    public async Task Another_node_s_template_is_used_here_once_the_kept_templates_are_older_than_their_maximum_age()
    {
        await AskForSmsAsync(_applicant);
        var (before, _, _) = await _applicant.SubmitAsync(Food);
        Assert.That((await ToldOnceAsync(_applicant, before, "CaseReceived"))["title"]!.GetValue<string>(), Does.StartWith("您的申请已收到"));

        await using var otherNode = _factory.AnotherNode();
        using var otherAdmin = await otherNode.CreateClientAsync("admin");
        var saved = await otherAdmin.PutJsonAsync("/api/admin/notification-templates/CaseReceived/zh-CN", new
        {
            title = "另一节点：已收件 {caseNumber}",
            body = "{applicantName}您好，已收件。",
            sms = "已收件{caseNumber}",
        });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);

        _factory.Clock.Advance(Approval.Api.Notifications.Feedback.EfNotificationTemplates.DefaultMaxAge);
        var (after, number, _) = await _applicant.SubmitAsync(Food);
        Assert.That((await ToldOnceAsync(_applicant, after, "CaseReceived"))["title"]!.GetValue<string>(), Is.EqualTo($"另一节点：已收件 {number}"));
    }
}

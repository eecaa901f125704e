using System.Net;
using Approval.Api.Engine;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Approval.Tests.Api.Notifications.ApplicantFeedback;

namespace Approval.Tests.Api.Notifications;

/// <summary>
/// Result feedback (结果反馈, issue 14): at every step that concerns them the applicant finds one message in their inbox, and
/// — having asked for SMS on their profile — one SMS in the sink, with what the step means for them. Over HTTP with the fake
/// clock (Tuesday 2026-11-24, Beijing), on SQLite and PostgreSQL.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ResultFeedbackOverHttpTests(DatabaseProvider provider)
{
    private CaseApiFactory _factory = null!;
    private HttpClient _applicant = null!;
    private HttpClient _clerk = null!;

    [SetUp]
    public async Task Start()
    {
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00");
        _applicant = await _factory.CreateClientAsync("applicant");
        _clerk = await _factory.CreateClientAsync("clerk");
        await AskForSmsAsync(_applicant);
    }

    [TearDown]
    public async Task Stop()
    {
        _applicant?.Dispose();
        _clerk?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    [Test]
    public async Task A_received_application_is_told_with_its_number_and_query_code_once_however_often_the_submission_is_retried()
    {
        var first = await _applicant.PostJsonAsync("/api/cases", Food, idempotencyKey: "shop-1");
        var retried = await _applicant.PostJsonAsync("/api/cases", Food, idempotencyKey: "shop-1");
        Assert.That((first.Status, retried.Status), Is.EqualTo((HttpStatusCode.Created, HttpStatusCode.OK)), first.Text);
        var (id, number, queryCode) = (first["id"], first["number"], first["queryCode"]);

        var received = await ToldOnceAsync(_applicant, id, "CaseReceived");
        Assert.That(received.Text(), Does.Contain(number).And.Contain(queryCode).And.Contain("食品经营许可").And.Contain("2026-11-24 09:00"));
        Assert.That(received["caseNumber"]!.GetValue<string>(), Is.EqualTo(number));
        var sms = await SmsOnceAsync(_factory, number, "CaseReceived");
        Assert.That(sms, Does.Contain(number).And.Contain(queryCode));
        Assert.That(await SmsSinkAsync(_factory), Has.Count.EqualTo(1), "a second delivery sends nothing again");
    }

    [Test]
    public async Task A_walk_in_applicant_without_an_account_is_told_by_SMS_at_the_phone_on_the_application()
    {
        // 李四 has no account: the window files the application for them (窗口收件), with their mobile number on it.
        var walkIn = new
        {
            itemCode = "SP-JY-001",
            applicant = new { kind = "Person", idNumber = "110105199003071239", name = "李四", phone = "+86 139-0000-1111" },
            form = new { shopName = "李四面馆", businessType = "餐饮服务", operatorId = "110105199003071239", area = 40, address = "云浮市云城区兴云西路9号" },
        };
        var filed = await _clerk.PostJsonAsync("/api/cases", walkIn, idempotencyKey: "walk-in-1");
        Assert.That(filed.Status, Is.EqualTo(HttpStatusCode.Created), filed.Text);
        var (id, number) = (filed["id"], filed["number"]);
        var accepted = await _clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);

        var sent = (await SmsSinkAsync(_factory)).Where(s => s["CaseNumber"]?.GetValue<string>() == number).ToList();
        var kinds = sent.Select(s => s["Kind"]!.GetValue<string>()).ToList();
        Assert.That(kinds.Take(2), Is.EqualTo(new[] { "CaseReceived", "CaseAccepted" }), "one SMS per step (the on-site inspection's suspension follows)");
        Assert.That(kinds, Is.Unique);
        Assert.That(sent.Select(s => s["Phone"]!.GetValue<string>()), Is.All.EqualTo("13900001111"), "the number on the application, normalised");
        Assert.That(sent[0]["Text"]!.GetValue<string>(), Does.Contain(number));
        Assert.That(await SmsSinkAsync(_factory), Has.Count.EqualTo(sent.Count), "a second delivery sends nothing again");
        Assert.That(await InboxAsync(_applicant, id), Is.Empty, "no account of another applicant hears of it");
    }

    [Test]
    public async Task A_supplement_request_tells_every_missing_material_and_the_date_to_supply_them_by()
    {
        var (id, number, _) = await _applicant.SubmitAsync(Food);
        var asked = await _clerk.PostJsonAsync($"/api/cases/{id}/supplement-requests", new { missingMaterials = new[] { "营业执照复印件", "设备布局图" } });
        Assert.That(asked.Status, Is.EqualTo(HttpStatusCode.OK), asked.Text);

        // Ten working days (Approval:Feedback:SupplementDays) after Tuesday 24 November.
        var told = await ToldOnceAsync(_applicant, id, "SupplementRequested");
        Assert.That(told.Text(), Does.Contain("营业执照复印件").And.Contain("设备布局图").And.Contain("2026-12-08"));
        Assert.That(await SmsOnceAsync(_factory, number, "SupplementRequested"), Does.Contain("营业执照复印件").And.Contain("2026-12-08"));
    }

    [Test]
    public async Task An_acceptance_tells_the_legal_and_the_promised_due_dates()
    {
        var (id, number, _) = await _applicant.SubmitAsync(Enterprise);
        _factory.At("2026-11-24T14:00:00");
        var accepted = await _clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);

        var due = _factory.Services.GetRequiredService<DueInstantCalculator>();
        var legal = due.Hours.DateOf(due.DueAt(CaseHttp.Beijing("2026-11-24T14:00:00"), 45)!.Value);
        var told = await ToldOnceAsync(_applicant, id, "CaseAccepted");
        Assert.That(told.Text(), Does.Contain("承诺办结期限 2026-12-15").And.Contain($"法定办结期限 {legal:yyyy-MM-dd}").And.Contain("2026-11-24 14:00"));
        Assert.That(legal, Is.GreaterThan(new DateOnly(2026, 12, 15)), "45 working days reach past the promised 15");
        Assert.That(await SmsOnceAsync(_factory, number, "CaseAccepted"), Does.Contain("2026-12-15"));
    }

    [Test]
    public async Task An_application_accepted_by_law_after_five_silent_working_days_is_told_as_accepted_once()
    {
        var (id, _, _) = await _applicant.SubmitAsync(Food);
        var sweep = _factory.Services.GetRequiredService<DeadlineJobs>();
        _factory.At("2026-12-01T17:31:00");
        await sweep.RunAsync(CancellationToken.None);
        await sweep.RunAsync(CancellationToken.None);

        Assert.That((await _clerk.GetJsonAsync($"/api/cases/{id}")).Body!["deemedAccepted"]!.GetValue<bool>(), Is.True);
        Assert.That((await ToldOnceAsync(_applicant, id, "CaseAccepted")).Text(), Does.Contain("2026-11-24 09:00"), "accepted on the day it was received (Art. 32)");
    }

    [Test]
    public async Task A_case_returned_for_supplements_in_review_tells_what_the_departments_ask_for_not_a_decision()
    {
        var (id, _, _) = await _applicant.SubmitAsync(Food);
        using var reviewer = await _factory.CreateClientAsync("samr-reviewer");
        using var head = await _factory.CreateClientAsync("samr-head");
        await _clerk.PostJsonAsync($"/api/cases/{id}/accept");
        await reviewer.PostJsonAsync($"/api/cases/{id}/clock/resume");
        var given = await reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{await reviewer.TaskOfAsync(id)}/opinion", new { verdict = "ReturnForSupplement", reason = "请补充冷藏设备清单" });
        Assert.That(given.Status, Is.EqualTo(HttpStatusCode.OK), given.Text);
        var decided = await head.PostJsonAsync($"/api/cases/{id}/decision", new { });
        Assert.That(decided["status"], Is.EqualTo("SupplementRequested"), decided.Text);

        Assert.That((await ToldOnceAsync(_applicant, id, "SupplementRequested")).Text(), Does.Contain("请补充冷藏设备清单").And.Contain("审查中退回补正"));
        Assert.That((await InboxAsync(_applicant, id)).Select(i => i["kind"]!.GetValue<string>()), Does.Not.Contain("CaseDecided").And.Not.Contain("ResultReady"));
    }

    [Test]
    public async Task A_refusal_tells_the_reason_and_the_appeal_route()
    {
        var (id, number, _) = await _applicant.SubmitAsync(Food);
        var refused = await _clerk.PostJsonAsync($"/api/cases/{id}/refuse", new { reason = "经营场所位于居民住宅楼内，不符合食品经营场所要求" });
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.OK), refused.Text);

        var told = await ToldOnceAsync(_applicant, id, "CaseRefused");
        Assert.That(told.Text(), Does.Contain("不符合食品经营场所要求").And.Contain("六十日内").And.Contain("行政复议").And.Contain("六个月内").And.Contain("行政诉讼"));
        Assert.That(await SmsOnceAsync(_factory, number, "CaseRefused"), Does.Contain("60日").And.Contain("6个月"));
    }

    [Test]
    public async Task A_special_procedure_tells_its_reason_and_expected_length_and_its_end_the_new_due_date()
    {
        var (id, number, _) = await _applicant.SubmitAsync(Food);
        _factory.At("2026-11-24T10:00:00");
        var accepted = await _clerk.PostJsonAsync($"/api/cases/{id}/accept");
        Assert.That(accepted["status"], Is.EqualTo("Suspended"), "the food licence's process begins with an on-site inspection");

        var suspended = await ToldOnceAsync(_applicant, id, "ClockSuspended");
        Assert.That(suspended.Text(), Does.Contain("经营场所现场核查").And.Contain("5 个工作日"));
        Assert.That(await SmsOnceAsync(_factory, number, "ClockSuspended"), Does.Contain("现场核查"));

        _factory.At("2026-11-26T15:00:00");
        using var reviewer = await _factory.CreateClientAsync("samr-reviewer");
        var resumed = await reviewer.PostJsonAsync($"/api/cases/{id}/clock/resume");
        Assert.That(resumed.Status, Is.EqualTo(HttpStatusCode.OK), resumed.Text);
        var dueDate = CaseHttp.Instant(resumed.Body!["dueAt"])!.Value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That((await ToldOnceAsync(_applicant, id, "ClockResumed")).Text(), Does.Contain(dueDate));
        Assert.That(await SmsOnceAsync(_factory, number, "ClockResumed"), Does.Contain(dueDate));
    }

    [Test]
    public async Task An_extension_tells_the_reason_and_the_new_due_date()
    {
        var (id, number, _) = await _applicant.SubmitAsync(Enterprise);
        await _clerk.PostJsonAsync($"/api/cases/{id}/accept");
        using var head = await _factory.CreateClientAsync("samr-head");
        var extended = await head.PostJsonAsync($"/api/cases/{id}/extension", new { reason = "需征求消防部门补充意见" });
        Assert.That(extended.Status, Is.EqualTo(HttpStatusCode.OK), extended.Text);

        var dueDate = CaseHttp.Instant(extended.Body!["dueAt"])!.Value.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var told = await ToldOnceAsync(_applicant, id, "CaseExtended");
        Assert.That(told.Text(), Does.Contain("需征求消防部门补充意见").And.Contain(dueDate).And.Contain("15 个工作日"), "a joint item (联办件) is extended by 15");
        Assert.That(await SmsOnceAsync(_factory, number, "CaseExtended"), Does.Contain(dueDate));
    }

    [Test]
    public async Task The_decision_then_the_result_ready_with_where_to_collect_it_then_the_delivery_are_each_told()
    {
        var (id, number, _) = await _applicant.SubmitAsync(IndividualBusiness);
        await _clerk.PostJsonAsync($"/api/cases/{id}/accept");
        using var head = await _factory.CreateClientAsync("samr-head");
        var decided = await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        Assert.That(decided["status"], Is.EqualTo("Decided"), decided.Text);

        Assert.That((await ToldOnceAsync(_applicant, id, "CaseDecided")).Text(), Does.Contain("准予许可").And.Not.Contain("行政复议"));
        var ready = await ToldOnceAsync(_applicant, id, "ResultReady");
        Assert.That(ready.Text(), Does.Contain("综合出件窗口").And.Contain("身份证件"));
        Assert.That(await SmsOnceAsync(_factory, number, "CaseDecided"), Does.Contain("准予许可"));
        Assert.That(await SmsOnceAsync(_factory, number, "ResultReady"), Does.Contain("出件窗口"));

        var delivered = await _clerk.PostJsonAsync($"/api/cases/{id}/deliver");
        Assert.That(delivered["status"], Is.EqualTo("Delivered"), delivered.Text);
        Assert.That((await ToldOnceAsync(_applicant, id, "CaseDelivered")).Text(), Does.Contain("已办结"));
        Assert.That(await SmsOnceAsync(_factory, number, "CaseDelivered"), Does.Contain(number));
    }

    [Test]
    public async Task A_refusal_decision_tells_the_reasons_and_the_appeal_route()
    {
        var (id, _, _) = await _applicant.SubmitAsync(IndividualBusiness);
        await _clerk.PostJsonAsync($"/api/cases/{id}/accept");
        using var head = await _factory.CreateClientAsync("samr-head");
        var decided = await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Refuse", reason = "经营范围涉及前置许可，未取得相关许可" });
        Assert.That(decided["status"], Is.EqualTo("Decided"), decided.Text);

        Assert.That((await ToldOnceAsync(_applicant, id, "CaseDecided")).Text(),
            Does.Contain("不予许可").And.Contain("未取得相关许可").And.Contain("六十日内").And.Contain("行政诉讼"));
    }

    [Test]
    public async Task Promised_materials_are_reminded_once_a_working_day_before_and_their_absence_ends_the_case()
    {
        var (id, number, _) = await _applicant.SubmitAsync(Food);
        var accepted = await _clerk.PostJsonAsync($"/api/cases/{id}/accept", new { missingMaterials = new[] { "rules" }, promisedBy = "2026-12-01" });
        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text);
        var sweep = _factory.Services.GetRequiredService<DeadlineJobs>();

        _factory.At("2026-11-30T17:29:00");
        await sweep.RunAsync(CancellationToken.None);
        Assert.That((await InboxAsync(_applicant, id)).Select(i => i["kind"]!.GetValue<string>()), Does.Not.Contain("PromisedMaterialsDueSoon"), "not before the close of the day before");

        _factory.At("2026-11-30T17:31:00");
        await sweep.RunAsync(CancellationToken.None);
        await sweep.RunAsync(CancellationToken.None);
        var soon = await ToldOnceAsync(_applicant, id, "PromisedMaterialsDueSoon");
        Assert.That(soon.Text(), Does.Contain("食品安全自查、从业人员健康管理等规章制度").And.Contain("2026-12-01"));
        Assert.That(await SmsOnceAsync(_factory, number, "PromisedMaterialsDueSoon"), Does.Contain("2026-12-01"));

        _factory.At("2026-12-01T17:31:00");
        await sweep.RunAsync(CancellationToken.None);
        Assert.That((await _clerk.GetJsonAsync($"/api/cases/{id}"))["status"], Is.EqualTo("Terminated"));
        Assert.That((await ToldOnceAsync(_applicant, id, "PromisedMaterialsOverdue")).Text(), Does.Contain("已终止办理").And.Contain("规章制度"));
        Assert.That(await SmsOnceAsync(_factory, number, "PromisedMaterialsOverdue"), Does.Contain("终止"));
        Assert.That((await InboxAsync(_applicant, id)).Select(i => i["kind"]!.GetValue<string>()), Does.Not.Contain("CaseTerminated"), "the overdue message tells the end");
    }

    [Test]
    public async Task A_decided_case_owing_promised_materials_is_ready_to_collect_only_once_they_are_in()
    {
        var (id, _, _) = await _applicant.SubmitAsync(Food);
        using var reviewer = await _factory.CreateClientAsync("samr-reviewer");
        using var head = await _factory.CreateClientAsync("samr-head");
        await _clerk.PostJsonAsync($"/api/cases/{id}/accept", new { missingMaterials = new[] { "rules" }, promisedBy = "2026-12-01" });
        await reviewer.PostJsonAsync($"/api/cases/{id}/clock/resume");
        await reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{await reviewer.TaskOfAsync(id)}/opinion", new { verdict = "Approve" });
        Assert.That((await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" }))["status"], Is.EqualTo("Decided"));
        await ToldOnceAsync(_applicant, id, "CaseDecided");
        Assert.That((await InboxAsync(_applicant, id)).Select(i => i["kind"]!.GetValue<string>()), Does.Not.Contain("ResultReady"), "容缺后补: the materials first");

        var received = await _clerk.PostJsonAsync($"/api/cases/{id}/promised-materials", new { materialCodes = new[] { "rules" } });
        Assert.That(received.Status, Is.EqualTo(HttpStatusCode.OK), received.Text);
        Assert.That((await ToldOnceAsync(_applicant, id, "ResultReady")).Text(), Does.Contain("食品经营许可证"));
    }

    [Test]
    public async Task A_withdrawal_ends_the_case_and_is_told()
    {
        var (id, number, _) = await _applicant.SubmitAsync(Food);
        var withdrawn = await _applicant.PostJsonAsync($"/api/cases/{id}/withdraw", new { reason = "经营场所另行选址" });
        Assert.That(withdrawn.Status, Is.EqualTo(HttpStatusCode.OK), withdrawn.Text);
        Assert.That((await ToldOnceAsync(_applicant, id, "CaseWithdrawn")).Text(), Does.Contain("撤回").And.Contain("经营场所另行选址"));
        Assert.That(await SmsOnceAsync(_factory, number, "CaseWithdrawn"), Does.Contain(number));
    }

    [Test]
    public async Task A_whole_case_tells_each_of_its_steps_once_in_the_inbox_and_by_SMS_and_staff_steps_tell_nothing()
    {
        var (id, number, _) = await _applicant.SubmitAsync(Food);
        using var reviewer = await _factory.CreateClientAsync("samr-reviewer");
        using var head = await _factory.CreateClientAsync("samr-head");
        await _clerk.PostJsonAsync($"/api/cases/{id}/accept");
        await reviewer.PostJsonAsync($"/api/cases/{id}/clock/resume");
        var task = await reviewer.TaskOfAsync(id);
        await reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{task}/claim");
        await head.PostJsonAsync($"/api/cases/{id}/extension", new { reason = "需补充核查冷链设备" });
        await reviewer.PostJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "Approve" });
        await head.PostJsonAsync($"/api/cases/{id}/decision", new { verdict = "Approve" });
        Assert.That((await _clerk.PostJsonAsync($"/api/cases/{id}/deliver"))["status"], Is.EqualTo("Delivered"));

        string[] steps = ["CaseReceived", "CaseAccepted", "ClockSuspended", "ClockResumed", "CaseExtended", "CaseDecided", "ResultReady", "CaseDelivered"];
        Assert.That((await InboxAsync(_applicant, id)).Select(i => i["kind"]!.GetValue<string>()), Is.EqualTo(steps), "claims and opinions are the departments' business");
        var sink = await SmsSinkAsync(_factory);
        Assert.That(sink.Where(s => s["CaseNumber"]!.GetValue<string>() == number).Select(s => s["Kind"]!.GetValue<string>()), Is.EqualTo(steps));
        Assert.That(await SmsSinkAsync(_factory), Has.Count.EqualTo(steps.Length), "each SMS once, however often the outbox runs");

        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var rows = await db.Notifications.Where(n => n.CaseId == id && n.Recipient == "applicant").ToListAsync();
        Assert.That(rows, Has.All.Matches<NotificationRecord>(n => n.SmsSentAt != null && n.SmsDueAt == null && n.SmsAttempts == 1 && n.SmsPhone == Phone && n.EventKey!.StartsWith(id, StringComparison.Ordinal)));
        Assert.That(rows.Select(r => r.EventKey).Distinct().Count(), Is.EqualTo(steps.Length));
    }

    [Test]
    public async Task An_applicant_who_reads_English_is_told_in_English_and_one_who_declined_e_mail_gets_none()
    {
        var saved = await _applicant.PutJsonAsync("/api/me/profile", new { language = "en", byEmail = false });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
        Assert.That((saved["language"], saved.Body!["byEmail"]!.GetValue<bool>(), saved.Body["bySms"]!.GetValue<bool>()), Is.EqualTo(("en", false, true)));

        var (id, number, _) = await _applicant.SubmitAsync(Food);
        await _clerk.PostJsonAsync($"/api/cases/{id}/refuse", new { reason = "premises in a residential building" });

        var refused = await ToldOnceAsync(_applicant, id, "CaseRefused");
        Assert.That(refused.Text(), Does.Contain("was not accepted").And.Contain("within 60 days").And.Contain("6 months").And.Not.Contain("六十日"));
        Assert.That(await SmsOnceAsync(_factory, number, "CaseRefused"), Does.Contain("[Gov Services]"));
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        Assert.That(await db.Notifications.Where(n => n.CaseId == id).Select(n => n.EmailDueAt).ToListAsync(), Has.All.Null, "no e-mail copy was asked for");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using Approval.Api.Notifications.Sms;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Notifications;

/// <summary>What the result feedback specifications read: the applicant's inbox over HTTP, and the SMS file sink after a delivery.</summary>
internal static class ApplicantFeedback
{
    public const string Phone = "13800138000";

    /// <summary>The applications of the specifications, all of the demo applicant 张三.</summary>
    public static object Food => new
    {
        itemCode = "SP-JY-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { shopName = "张三小吃", businessType = "餐饮服务", operatorId = "11010519491231002X", area = 60, address = "云浮市云城区兴云西路8号" },
    };

    public static object Enterprise => new
    {
        itemCode = "QY-SL-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { companyName = "云浮市张三科技有限公司", registeredCapital = 100, businessScope = "软件开发", address = "云浮市云城区建设北路1号", legalRepresentativeId = "11010519491231002X" },
    };

    public static object IndividualBusiness => new
    {
        itemCode = "GT-DJ-001",
        applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三", phone = "13800000000" },
        form = new { businessName = "云城区张三小吃店", operatorId = "11010519491231002X", businessScope = "小吃服务", address = "云浮市云城区兴云西路8号" },
    };

    /// <summary>The applicant asks for SMS too (and reads <paramref name="language"/>).</summary>
    public static async Task AskForSmsAsync(HttpClient applicant, string language = "zh-CN")
    {
        var saved = await applicant.PutJsonAsync("/api/me/profile", new { bySms = true, phone = Phone, language });
        Assert.That(saved.Status, Is.EqualTo(HttpStatusCode.OK), saved.Text);
    }

    /// <summary>The caller's inbox entries about the case, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonNode>> InboxAsync(HttpClient client, string caseId)
    {
        var page = await client.GetJsonAsync("/api/me/notifications?pageSize=200");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK), page.Text);
        return [.. page.Body!["items"]!.AsArray().Select(i => i!).Where(i => i["caseId"]?.GetValue<string>() == caseId).OrderBy(i => i["id"]!.GetValue<long>())];
    }

    /// <summary>The one inbox entry of the kind about the case (failing when there are none or several).</summary>
    public static async Task<JsonNode> ToldOnceAsync(HttpClient applicant, string caseId, string kind)
    {
        var told = (await InboxAsync(applicant, caseId)).Where(i => i["kind"]!.GetValue<string>() == kind).ToList();
        Assert.That(told, Has.Count.EqualTo(1), $"one {kind} message");
        return told[0];
    }

    public static string Text(this JsonNode entry) => entry["title"]!.GetValue<string>() + "\n" + entry["body"]!.GetValue<string>();

    /// <summary>Runs the SMS outbox, then reads every SMS the file sink holds.</summary>
    public static async Task<IReadOnlyList<JsonNode>> SmsSinkAsync(ApprovalApiFactoryBase factory)
    {
        await factory.Services.GetRequiredService<SmsOutbox>().DeliverAsync(CancellationToken.None);
        var folder = Path.Combine(factory.DataDirectory, "sms");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => JsonNode.Parse(File.ReadAllText(f))!)]
            : [];
    }

    /// <summary>The one SMS of the kind about the case number in the sink.</summary>
    public static async Task<string> SmsOnceAsync(ApprovalApiFactoryBase factory, string caseNumber, string kind)
    {
        var sent = (await SmsSinkAsync(factory)).Where(s => s["Kind"]!.GetValue<string>() == kind && s["CaseNumber"]?.GetValue<string>() == caseNumber).ToList();
        Assert.That(sent, Has.Count.EqualTo(1), $"one {kind} SMS");
        Assert.That(sent[0]["Phone"]!.GetValue<string>(), Is.EqualTo(Phone));
        return sent[0]["Text"]!.GetValue<string>();
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.Engine;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// Four cases built through the real API with a fake clock, then the deadline sweep run at 2026-12-07 09:00 (Beijing):
/// <list type="bullet">
/// <item><see cref="Red"/>: 食品经营许可 accepted 11-10 (its on-site inspection done at once), due 11-24 17:30 — red, its samr task red (超时办理 and 超期办结 recorded);</item>
/// <item><see cref="Prompt"/>: 食品经营许可 accepted 11-24 for 云浮市"好味道",餐饮有限公司, due 12-08 17:30 — 提示, its samr task too;</item>
/// <item><see cref="Yellow"/>: 企业设立登记 accepted 11-24, due 12-15 17:30 — yellow because its six 5-day tasks are red
/// (six 超时办理; fire's claimed by fire-reviewer);</item>
/// <item><see cref="Green"/>: 建筑工程施工许可 (lead housing) submitted after the sweep, not yet accepted.</item>
/// </list>
/// </summary>
internal sealed class SupervisedCases : IAsyncDisposable
{
    public const string ShopName = "云浮市\"好味道\",餐饮有限公司";
    private const string PersonId = "11010519491231002X";
    private const string CreditCode = "91350100M000100Y43";

    private SupervisedCases(CaseApiFactory factory) => Factory = factory;

    public CaseApiFactory Factory { get; }
    public required string Red { get; init; }
    public required string Prompt { get; init; }
    public required string Yellow { get; init; }
    public required string Green { get; init; }

    public static async Task<SupervisedCases> BuildAsync(DatabaseProvider provider)
    {
        var factory = await CaseApiFactory.StartAsync(provider, "2026-11-10T10:00:00");
        try
        {
            using var applicant = await factory.CreateClientAsync("applicant");
            using var clerk = await factory.CreateClientAsync("clerk");
            using var fire = await factory.CreateClientAsync("fire-reviewer");
            using var samr = await factory.CreateClientAsync("samr-reviewer");

            var red = await SubmitAsync(applicant, FoodLicence("张三小吃店", "Person", PersonId, "张三"));
            factory.At("2026-11-10T10:30:00");
            await AcceptAsync(clerk, red);
            await ResumeAsync(samr, red);

            factory.At("2026-11-24T10:00:00");
            var yellow = await SubmitAsync(applicant, new
            {
                itemCode = "QY-SL-001",
                applicant = new { kind = "Person", idNumber = PersonId, name = "张三" },
                form = new { companyName = "云浮市张三科技有限公司", registeredCapital = 100, businessScope = "软件开发", address = "云城区", legalRepresentativeId = PersonId },
            });
            var prompt = await SubmitAsync(clerk, FoodLicence("好味道餐厅", "Organisation", CreditCode, ShopName));
            factory.At("2026-11-24T14:00:00");
            await AcceptAsync(clerk, yellow);
            await AcceptAsync(clerk, prompt);
            await ResumeAsync(samr, prompt);
            factory.At("2026-11-24T14:30:00");
            var fireTask = (await fire.GetFromJsonAsync<JsonArray>("/api/tasks"))!.Single(t => t!["caseId"]!.GetValue<string>() == yellow)!["taskId"]!.GetValue<string>();
            Assert.That((await fire.PostAsJsonAsync($"/api/cases/{yellow}/tasks/{fireTask}/claim", new { })).StatusCode, Is.EqualTo(HttpStatusCode.OK));

            factory.At("2026-12-07T09:00:00");
            await factory.Services.GetRequiredService<DeadlineJobs>().RunAsync(CancellationToken.None);
            var green = await SubmitAsync(clerk, new
            {
                itemCode = "JS-SG-001",
                applicant = new { kind = "Organisation", idNumber = CreditCode, name = "云浮市建工集团" },
                form = new { projectName = "云浮市图书馆新馆", constructionUnitCode = CreditCode, buildingHeight = 24, investment = 80_000_000, address = "云城区" },
            });
            return new SupervisedCases(factory) { Red = red, Prompt = prompt, Yellow = yellow, Green = green };
        }
        catch
        {
            await factory.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    private static object FoodLicence(string shopName, string kind, string idNumber, string name) => new
    {
        itemCode = "SP-JY-001",
        applicant = new { kind, idNumber, name },
        form = new { shopName, businessType = "餐饮服务", operatorId = PersonId, address = "云城区" },
    };

    private static async Task<string> SubmitAsync(HttpClient client, object application)
    {
        using var response = await client.PostAsJsonAsync("/api/cases", application);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    // 食品经营许可 starts with an on-site inspection that stops the clock; here it is done at once.
    private static async Task ResumeAsync(HttpClient samr, string caseId)
    {
        using var response = await samr.PostAsJsonAsync($"/api/cases/{caseId}/clock/resume", new { });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static async Task AcceptAsync(HttpClient clerk, string caseId)
    {
        using var response = await clerk.PostAsJsonAsync($"/api/cases/{caseId}/accept", new { });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}

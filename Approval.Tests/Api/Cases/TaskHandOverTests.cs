using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Approval.Tests.Api.Cases;

/// <summary>Tasks change hands within their department, each hand-over on the timeline: delegate, take back, reassign.</summary>
public class TaskHandOverTests
{
    [Test]
    public async Task A_task_is_delegated_taken_back_and_reassigned_within_its_department()
    {
        await using var factory = new ApprovalApiFactory();
        using var applicant = await factory.CreateClientAsync("applicant");
        using var clerk = await factory.CreateClientAsync("clerk");
        using var reviewer = await factory.CreateClientAsync("tax-reviewer");
        using var head = await factory.CreateClientAsync("tax-head");

        var submitted = await applicant.PostAsJsonAsync("/api/cases", new
        {
            itemCode = "QY-SL-001",
            applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
            form = new { companyName = "丙公司", registeredCapital = 1, businessScope = "咨询", address = "罗定市", legalRepresentativeId = "11010519491231002X" },
        });
        var id = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await clerk.PostAsJsonAsync($"/api/cases/{id}/accept", new { });
        var task = (await reviewer.GetFromJsonAsync<JsonArray>("/api/tasks"))!.Single(t => t!["caseId"]!.GetValue<string>() == id)!["taskId"]!.GetValue<string>();

        Assert.That((await reviewer.PostAsJsonAsync($"/api/cases/{id}/tasks/{task}/claim", new { })).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var outside = await reviewer.PostAsJsonAsync($"/api/cases/{id}/tasks/{task}/delegate", new { to = "fire-reviewer" });
        Assert.That(outside.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "not a colleague of the tax department");

        var delegated = await (await reviewer.PostAsJsonAsync($"/api/cases/{id}/tasks/{task}/delegate", new { to = "tax-head" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(ClaimedBy(delegated!, task), Is.EqualTo("tax-head"));
        var takenBack = await (await reviewer.PostAsJsonAsync($"/api/cases/{id}/tasks/{task}/take-back", new { })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(ClaimedBy(takenBack!, task), Is.EqualTo("tax-reviewer"));

        var noReason = await head.PostAsJsonAsync($"/api/cases/{id}/tasks/{task}/reassign", new { to = "tax-head" });
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var reassigned = await (await head.PostAsJsonAsync($"/api/cases/{id}/tasks/{task}/reassign", new { to = "tax-head", reason = "审查员休假" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.That(ClaimedBy(reassigned!, task), Is.EqualTo("tax-head"));

        var seen = (await applicant.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/timeline"))!;
        var actions = seen.Select(e => e!["action"]!.GetValue<string>()).ToList();
        Assert.That(actions, Does.Contain("TaskClaimed").And.Contain("TaskDelegated").And.Contain("TaskReassigned"));
        // Why a task changed hands speaks of the staff (leave, workload): the department sees it, the applicant does not.
        Assert.That(seen.Single(e => e!["action"]!.GetValue<string>() == "TaskReassigned")!["reason"], Is.Null);
        var staff = (await head.GetFromJsonAsync<JsonArray>($"/api/cases/{id}/timeline"))!;
        Assert.That(staff.Single(e => e!["action"]!.GetValue<string>() == "TaskReassigned")!["reason"]!.GetValue<string>(), Is.EqualTo("审查员休假"));
    }

    [Test]
    public async Task A_colleague_acts_on_a_held_task_only_as_the_holders_substitute_while_they_are_away()
    {
        await using var factory = new ApprovalApiFactory();
        using var applicant = await factory.CreateClientAsync("applicant");
        using var clerk = await factory.CreateClientAsync("clerk");
        using var reviewer = await factory.CreateClientAsync("tax-reviewer");
        using var colleague = await factory.CreateClientAsync("tax-head");
        var submitted = await applicant.PostAsJsonAsync("/api/cases", new
        {
            itemCode = "QY-SL-001",
            applicant = new { kind = "Person", idNumber = "11010519491231002X", name = "张三" },
            form = new { companyName = "戊公司", registeredCapital = 1, businessScope = "咨询", address = "郁南县", legalRepresentativeId = "11010519491231002X" },
        });
        var id = (await submitted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        await clerk.PostAsJsonAsync($"/api/cases/{id}/accept", new { });
        var task = (await reviewer.GetFromJsonAsync<JsonArray>("/api/tasks"))!.Single(t => t!["caseId"]!.GetValue<string>() == id)!["taskId"]!.GetValue<string>();
        await reviewer.PostAsJsonAsync($"/api/cases/{id}/tasks/{task}/claim", new { });

        var notYet = await colleague.PostAsJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "Approve" });
        Assert.That(notYet.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));

        var now = ApprovalApiFactoryBase.PinnedNow.AddMinutes(-1);
        var away = await reviewer.PutAsJsonAsync("/api/me/absence", new { substitute = "tax-head", from = now, until = now.AddDays(7) });
        Assert.That(away.StatusCode, Is.EqualTo(HttpStatusCode.OK), await away.Content.ReadAsStringAsync());
        var asSubstitute = await colleague.PostAsJsonAsync($"/api/cases/{id}/tasks/{task}/opinion", new { verdict = "Approve" });
        Assert.That(asSubstitute.StatusCode, Is.EqualTo(HttpStatusCode.OK), await asSubstitute.Content.ReadAsStringAsync());

        var outsider = await reviewer.PutAsJsonAsync("/api/me/absence", new { substitute = "fire-reviewer", from = now, until = now.AddDays(1) });
        Assert.That(outsider.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "a substitute comes from the same department");
    }

    private static string ClaimedBy(JsonObject view, string taskId) =>
        view["tasks"]!.AsArray().Single(t => t!["id"]!.GetValue<string>() == taskId)!["claimedBy"]!.GetValue<string>();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Workflows.Cases;
using Approval.Workflows.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Notifications;

/// <summary>The caller's own inbox over HTTP: unread first, paged, marked read one by one; no one sees another's.</summary>
public class NotificationApiTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 30, 0, TimeSpan.Zero);
    private ApprovalApiFactory _factory = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = new ApprovalApiFactory();
        _factory.CreateClient().Dispose();
        await using var session = await _factory.Services.GetRequiredService<ICaseSessions>().OpenAsync();
        session.Notify(
        [
            Note("tax-head", "first", Monday),
            Note("tax-head", "second", Monday.AddHours(1)),
            Note("tax-head", "third", Monday.AddHours(2)),
            Note("tax-reviewer", "the reviewer's", Monday),
        ]);
        await session.CommitAsync();
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    private static Notification Note(string recipient, string title, DateTimeOffset at) =>
        new(recipient, NotificationKind.WarningRaised, "case-1", "SL20261124000001", title, $"{title} body", at);

    [Test]
    public async Task A_user_reads_their_own_notifications_unread_first_and_marks_one_read()
    {
        using var head = await _factory.CreateClientAsync("tax-head");
        var inbox = await ListAsync(head, "");
        Assert.That(inbox["total"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(Titles(inbox), Is.EqualTo(new[] { "third", "second", "first" }), "newest first");
        Assert.That((await head.GetFromJsonAsync<JsonObject>("/api/me/notifications/unread-count"))!["unread"]!.GetValue<int>(), Is.EqualTo(3));

        var third = inbox["items"]![0]!["id"]!.GetValue<long>();
        var read = await head.PostAsync($"/api/me/notifications/{third}/read", null);
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var entry = (await read.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(entry["isRead"]!.GetValue<bool>(), Is.True);
        var readAt = entry["readAt"]!.GetValue<DateTimeOffset>();
        var again = (await (await head.PostAsync($"/api/me/notifications/{third}/read", null)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.That(again["readAt"]!.GetValue<DateTimeOffset>(), Is.EqualTo(readAt), "read once: the first instant stays");

        Assert.That(Titles(await ListAsync(head, "")), Is.EqualTo(new[] { "second", "first", "third" }), "unread first");
        Assert.That((await head.GetFromJsonAsync<JsonObject>("/api/me/notifications/unread-count"))!["unread"]!.GetValue<int>(), Is.EqualTo(2));
        var page2 = await ListAsync(head, "?page=2&pageSize=2");
        Assert.That(Titles(page2), Is.EqualTo(new[] { "third" }));
        Assert.That(page2["pageNumber"]!.GetValue<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_user_cannot_see_or_mark_another_s_notifications()
    {
        using var reviewer = await _factory.CreateClientAsync("tax-reviewer");
        using var supervisor = await _factory.CreateClientAsync("supervisor");
        var mine = await ListAsync(reviewer, "");
        Assert.That(Titles(mine), Is.EqualTo(new[] { "the reviewer's" }));
        var id = mine["items"]![0]!["id"]!.GetValue<long>();

        Assert.That(Titles(await ListAsync(supervisor, "")), Is.Empty);
        var response = await supervisor.PostAsync($"/api/me/notifications/{id}/read", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((await reviewer.GetFromJsonAsync<JsonObject>("/api/me/notifications/unread-count"))!["unread"]!.GetValue<int>(), Is.EqualTo(1), "still unread");
    }

    [Test]
    public async Task A_page_out_of_range_is_a_problem_naming_the_field()
    {
        using var reviewer = await _factory.CreateClientAsync("tax-reviewer");
        var response = await reviewer.GetAsync("/api/me/notifications?page=0&pageSize=500");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "page", "pageSize" }));
    }

    private static async Task<JsonObject> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/me/notifications" + query))!;

    private static string[] Titles(JsonObject page) => [.. page["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>())];
}

using System.Net.Http.Headers;
using System.Text.Json;
using Approval.Api.CaseEvents;
using Approval.Api.DepartmentSystems;
using Approval.Api.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Webhooks;

/// <summary>The body of a webhook request: the subscription, its department, and the timeline lines in id order.</summary>
public sealed record WebhookBatch(long SubscriptionId, string DepartmentCode, IReadOnlyList<DepartmentEvent> Events);

/// <summary>
/// Pushes each active subscription's department events (the push counterpart of <see cref="DepartmentEventFeed"/>, read
/// through it, so with the same settle hold-back): one signed JSON batch per request, the cursor advanced only when the
/// receiver answers 2xx, every attempt recorded, a failing receiver retried after a back-off that doubles up to an hour.
/// Delivery is at least once: a receiver that answered 2xx to a request whose cursor was then not saved (a crash, a
/// subscription paused meanwhile) gets the same lines again, so receivers drop lines whose id they have seen.
/// A node holds a lease on a subscription while it delivers (a conditional save of the row, checked by its version),
/// so two nodes never deliver one subscription at once and lines go out in order.
/// </summary>
public sealed class WebhookDelivery(IDbContextFactory<ApprovalDbContext> contexts, DepartmentEventFeed feed, IHttpClientFactory clients,
    IOptionsMonitor<DepartmentSystemsOptions> systems, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, TimeProvider clock,
    ILogger<WebhookDelivery> logger)
{
    public const string JobId = "webhook-deliveries";
    public const int BatchSize = 100;
    /// <summary>Batches one subscription gets per run, so a long backlog does not hold up the others.</summary>
    public const int BatchesPerRun = 20;
    /// <summary>Longer than a run with every request timing out would normally take; a node that died releases it by expiry.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FirstBackOff = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestBackOff = TimeSpan.FromHours(1);

    /// <summary>Registers the delivery run, every minute.</summary>
    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<WebhookDelivery>(JobId, delivery => delivery.RunAsync(CancellationToken.None), Cron.Minutely());

    /// <summary>The wait before the next attempt after <paramref name="failures"/> failures in a row: 1, 2, 4… minutes, at most an hour.</summary>
    public static TimeSpan BackOff(int failures) =>
        failures >= 7 ? LongestBackOff : TimeSpan.FromTicks(Math.Min(FirstBackOff.Ticks << Math.Max(failures - 1, 0), LongestBackOff.Ticks));

    /// <summary>Delivers what is waiting for every subscription due; returns how many batches receivers accepted.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.WebhookSubscriptions
                .Where(s => !s.Paused && (s.NextAttemptAt == null || s.NextAttemptAt <= now) && (s.LeasedUntil == null || s.LeasedUntil <= now))
                .OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(cancellationToken);
        }
        var accepted = 0;
        foreach (var id in due)
            accepted += await DeliverAsync(id, cancellationToken);
        return accepted;
    }

    private async Task<int> DeliverAsync(long id, CancellationToken cancellationToken)
    {
        if (await TakeLeaseAsync(id, cancellationToken) is not var (subscription, version))
            return 0;
        var kinds = WebhookSubscriptions.Kinds(subscription.EventKinds)?.ToHashSet(StringComparer.Ordinal);
        var (cursor, failures) = (subscription.Cursor, subscription.Failures);
        DateTimeOffset? nextAttempt = null;
        var accepted = 0;
        for (var batch = 0; batch < BatchesPerRun; batch++)
        {
            var page = await feed.ReadAsync(subscription.DepartmentCode, cursor, BatchSize, cancellationToken);
            if (page.Events.Count == 0)
                break;
            IReadOnlyList<DepartmentEvent> wanted = kinds is null ? page.Events : [.. page.Events.Where(e => kinds.Contains(e.Action))];
            if (wanted.Count > 0)
            {
                var (status, error) = await PostAsync(subscription, wanted, cancellationToken);
                await RecordAsync(new WebhookDeliveryRecord
                {
                    SubscriptionId = id, FirstEventId = wanted[0].Id, LastEventId = wanted[^1].Id, StatusCode = status,
                    Error = error?[..Math.Min(error.Length, WebhookSubscriptionLimits.ErrorLength)], Attempt = failures + 1, At = clock.GetUtcNow(),
                }, cancellationToken);
                if (status is not (>= 200 and < 300))
                {
                    failures++;
                    nextAttempt = clock.GetUtcNow() + BackOff(failures);
                    logger.LogWarning("Webhook {Subscription} to {Url} failed ({Status} {Error}); next attempt at {At}", id, subscription.Url, status, error, nextAttempt);
                    break;
                }
                (failures, accepted) = (0, accepted + 1);
            }
            cursor = page.Next;
            // The cursor is saved after each batch the receiver took, so a node that dies sends at most that batch again.
            if (await SaveAsync(id, version, row => (row.Cursor, row.Failures, row.NextAttemptAt) = (cursor, 0, null), cancellationToken) is not { } saved)
                return accepted;
            version = saved;
            if (!page.More)
                break;
        }
        await SaveAsync(id, version, row => (row.Failures, row.NextAttemptAt, row.LeasedUntil) = (failures, nextAttempt, null), cancellationToken);
        return accepted;
    }

    private async Task<(int? Status, string? Error)> PostAsync(WebhookSubscriptionRecord subscription, IReadOnlyList<DepartmentEvent> events, CancellationToken cancellationToken)
    {
        // Configuration may have changed since the subscription was made: the allow-list and the secret are read at each attempt.
        var options = systems.CurrentValue;
        if (!Uri.TryCreate(subscription.Url, UriKind.Absolute, out var url) || !options.Allows(url))
            return (null, $"host '{url?.Authority ?? subscription.Url}' is no longer on Approval:DepartmentSystems:AllowedHosts");
        if (!options.Secrets.TryGetValue(subscription.SecretName, out var secret))
            return (null, $"secret '{subscription.SecretName}' is no longer configured under Approval:DepartmentSystems:Secrets");
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookBatch(subscription.Id, subscription.DepartmentCode, events), json.Value.SerializerOptions);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(CallbackSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(CallbackSignature.SignatureHeader, CallbackSignature.Sign(secret, timestamp, body));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await clients.CreateClient(SendHttpRequestActivity.ClientName).SendAsync(request, deadline.Token);
            return ((int)response.StatusCode, null);
        }
        catch (HttpRequestException e)
        {
            return (null, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {options.RequestTimeout}");
        }
    }

    private async Task RecordAsync(WebhookDeliveryRecord attempt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.WebhookDeliveries.Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes the subscription for this node: null when it is paused, backing off, removed, or held by another node.</summary>
    private async Task<(WebhookSubscriptionRecord Row, int Version)?> TakeLeaseAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.WebhookSubscriptions.AsTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var now = clock.GetUtcNow();
        if (row is null || row.Paused || row.NextAttemptAt > now || row.LeasedUntil > now)
            return null;
        row.LeasedUntil = now + Lease;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (row, row.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>Saves a change to the subscription if it is still as this node left it (same version); the new version, or null when it was not.</summary>
    private async Task<int?> SaveAsync(long id, int version, Action<WebhookSubscriptionRecord> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.AsTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } row || row.Version != version)
            return null;
        change(row);
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return row.Version;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }
}

using Approval.Api.Contract;
using Approval.Api.DepartmentSystems;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Webhooks;

/// <summary>Column lengths of the webhook tables, and the matching limits on what an administrator may give.</summary>
public static class WebhookSubscriptionLimits
{
    public const int UrlLength = 1000;
    public const int EventKindsLength = 2000;
    public const int ErrorLength = 500;
}

/// <summary>A webhook subscription as administrators see it: never the secret, only its name.</summary>
public sealed record WebhookSubscriptionView(long Id, string DepartmentCode, string Url, string SecretName, IReadOnlyList<string>? EventKinds,
    bool Paused, long Cursor, int Failures, DateTimeOffset? NextAttemptAt, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static WebhookSubscriptionView From(WebhookSubscriptionRecord s) =>
        new(s.Id, s.DepartmentCode, s.Url, s.SecretName, WebhookSubscriptions.Kinds(s.EventKinds), s.Paused, s.Cursor, s.Failures, s.NextAttemptAt,
            s.CreatedAt, s.CreatedBy);
}

/// <summary>One delivery attempt as administrators see it.</summary>
public sealed record WebhookDeliveryView(long Id, long FirstEventId, long LastEventId, int? StatusCode, string? Error, int Attempt, DateTimeOffset At)
{
    public static WebhookDeliveryView From(WebhookDeliveryRecord d) => new(d.Id, d.FirstEventId, d.LastEventId, d.StatusCode, d.Error, d.Attempt, d.At);
}

/// <summary>What an administrator's new subscription came to: the subscription, or every field refused and why.</summary>
internal sealed record WebhookSubscribing(WebhookSubscriptionView? Subscription, IReadOnlyList<(string Field, ProblemText Reason)> Errors);

/// <summary>
/// The administrators' acts on webhook subscriptions: subscribe a department's system (its URL on the department systems'
/// allow-list, https or loopback http, its secret by a configured name), list, pause, resume and remove. A new subscription
/// starts after the newest timeline line: the history is in the pull feed (<c>GET /api/departments/{code}/events</c>).
/// </summary>
internal sealed class WebhookSubscriptions(IDbContextFactory<ApprovalDbContext> contexts, ICatalog catalog, IOptionsMonitor<DepartmentSystemsOptions> systems,
    TimeProvider clock)
{
    public async Task<WebhookSubscribing> SubscribeAsync(string? departmentCode, string? url, string? secretName, IReadOnlyList<string>? eventKinds,
        string administrator, CancellationToken cancellationToken = default)
    {
        var errors = new List<(string Field, ProblemText Reason)>();
        var department = departmentCode?.Trim() ?? "";
        var departments = await catalog.ListDepartmentsAsync(cancellationToken);
        if (departments.All(d => d.Code != department))
            errors.Add(("departmentCode", ApiReasons.OneOfTheDepartments(string.Join(", ", departments.Select(d => d.Code)))));
        var options = systems.CurrentValue;
        if (string.IsNullOrWhiteSpace(url) || url.Length > WebhookSubscriptionLimits.UrlLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            errors.Add(("url", ApiReasons.WebhookUrl(WebhookSubscriptionLimits.UrlLength)));
        else if (!options.Allows(uri))
            errors.Add(("url", ApiReasons.WebhookHostNotAllowed(uri.Authority)));
        if (string.IsNullOrWhiteSpace(secretName) || !options.Secrets.ContainsKey(secretName.Trim()))
            errors.Add(("secretName", ApiReasons.WebhookSecretName));
        var kinds = eventKinds?.Select(k => k?.Trim() ?? "").ToList();
        if (kinds is not null && (kinds.Count == 0 || kinds.Any(k => !Enum.GetNames<CaseAction>().Contains(k, StringComparer.Ordinal))))
            errors.Add(("eventKinds", ApiReasons.WebhookEventKinds));
        if (errors.Count > 0)
            return new WebhookSubscribing(null, errors);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var newest = await db.CaseEvents.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        var row = new WebhookSubscriptionRecord
        {
            DepartmentCode = department, Url = url!.Trim(), SecretName = secretName!.Trim(),
            EventKinds = kinds is null ? null : string.Join(',', kinds.Distinct(StringComparer.Ordinal)),
            Cursor = newest, CreatedAt = clock.GetUtcNow(), CreatedBy = administrator,
        };
        db.WebhookSubscriptions.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookSubscribing(WebhookSubscriptionView.From(row), []);
    }

    public async Task<IReadOnlyList<WebhookSubscriptionView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.WebhookSubscriptions.OrderBy(s => s.DepartmentCode).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(WebhookSubscriptionView.From)];
    }

    /// <summary>The subscription's latest delivery attempts, newest first; null when there is no such subscription.</summary>
    public async Task<IReadOnlyList<WebhookDeliveryView>?> DeliveriesAsync(long id, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken))
            return null;
        var rows = await db.WebhookDeliveries.Where(d => d.SubscriptionId == id).OrderByDescending(d => d.Id).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(WebhookDeliveryView.From)];
    }

    /// <summary>Pauses or resumes; a resumed subscription is tried at the next run, its back-off forgotten. Null when there is no such subscription.</summary>
    public async Task<WebhookSubscriptionView?> SetPausedAsync(long id, bool paused, CancellationToken cancellationToken = default)
    {
        for (var tries = 0; ; tries++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.WebhookSubscriptions.AsTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } row)
                return null;
            row.Paused = paused;
            if (!paused)
                (row.Failures, row.NextAttemptAt) = (0, null);
            row.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return WebhookSubscriptionView.From(row);
            }
            catch (DbUpdateConcurrencyException) when (tries < 5)
            {
                // A delivery saved its cursor meanwhile: read the row again.
            }
        }
    }

    /// <summary>Removes the subscription and its attempts; a delivery under way finds it gone and saves nothing. False when there is none.</summary>
    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.WebhookSubscriptions.AsTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } row)
            return false;
        db.WebhookSubscriptions.Remove(row);
        db.WebhookDeliveries.RemoveRange(await db.WebhookDeliveries.AsTracking().Where(d => d.SubscriptionId == id).ToListAsync(cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed by another administrator at the same moment, or its cursor moved: either way it is asked again.
            return await RemoveAsync(id, cancellationToken);
        }
        return true;
    }

    public static IReadOnlyList<string>? Kinds(string? eventKinds) => eventKinds is null ? null : eventKinds.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

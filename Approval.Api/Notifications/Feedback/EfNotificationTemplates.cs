using Approval.Api.Persistence;
using Approval.Workflows.Notifications;
using Approval.Workflows.Notifications.Feedback;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Notifications.Feedback;

/// <summary>A template as administrators see it: the text in force, the names it may use, and whether it is an administrator's.</summary>
public sealed record TemplateView(string Kind, string Culture, string Title, string Body, string Sms, IReadOnlyList<string> Placeholders, bool Customized,
    DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>
/// The templates of result feedback (table <c>NotificationTemplates</c>): an administrator's saved template of a kind and
/// language is in force from its save on this node, and on another node at most <c>Approval:Feedback:TemplatesMaxAge</c>
/// (<see cref="DefaultMaxAge"/>) later; without one, the shipped template. The steps' reads share one read of the saved
/// templates kept in memory (<see cref="KeptRead{T}"/>) until this node saves or drops one, instead of a query for every
/// notification of every submission (issue #16: a round trip a submission, more on PostgreSQL).
/// </summary>
public sealed class EfNotificationTemplates(IDbContextFactory<ApprovalDbContext> contexts, TimeProvider time, TimeSpan maxAge) : INotificationTemplates
{
    /// <summary>How long another node's save may take to be used here, unless <c>Approval:Feedback:TemplatesMaxAge</c> says.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(5);

    private KeptRead<IReadOnlyDictionary<(string Kind, string Culture), NotificationTemplate>>? _saved;
    // This node's saves and drops: the kept read is stale from the next one on, whatever else the node writes.
    private long _changes;

    public async Task<NotificationTemplate> FindAsync(NotificationKind kind, string culture, CancellationToken cancellationToken = default)
    {
        var saved = LazyInitializer.EnsureInitialized(ref _saved, () => new(ReadSavedAsync, time, () => Interlocked.Read(ref _changes), maxAge));
        return (await saved.GetAsync(cancellationToken)).TryGetValue((kind.ToString(), culture), out var template) ? template : ShippedTemplates.For(kind, culture);
    }

    private async Task<IReadOnlyDictionary<(string Kind, string Culture), NotificationTemplate>> ReadSavedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.NotificationTemplates.AsNoTracking().ToListAsync(cancellationToken);
        // A row of a kind this version no longer has is left to the administrators' list; the steps never ask for it.
        var saved = new Dictionary<(string Kind, string Culture), NotificationTemplate>();
        foreach (var row in rows)
            if (Enum.TryParse<NotificationKind>(row.Kind, out var kind))
                saved[(row.Kind, row.Culture)] = new NotificationTemplate(kind, row.Culture, row.Title, row.Body, row.Sms);
        return saved;
    }

    public async Task<IReadOnlyList<TemplateView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var saved = await db.NotificationTemplates.AsNoTracking().ToListAsync(cancellationToken);
        return [.. TemplatePlaceholders.Kinds.SelectMany(kind => NotificationCultures.All.Select(culture =>
            View(kind, culture, saved.SingleOrDefault(t => t.Kind == kind.ToString() && t.Culture == culture))))];
    }

    public async Task<TemplateView> ViewAsync(NotificationKind kind, string culture, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = kind.ToString();
        return View(kind, culture, await db.NotificationTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Kind == name && t.Culture == culture, cancellationToken));
    }

    /// <summary>Saves an administrator's template (checked beforehand by <see cref="TemplatePlaceholders.Check"/>).</summary>
    public async Task<TemplateView> SaveAsync(NotificationKind kind, string culture, string title, string body, string sms, string administrator,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = kind.ToString();
        var row = await db.NotificationTemplates.AsTracking().SingleOrDefaultAsync(t => t.Kind == name && t.Culture == culture, cancellationToken);
        if (row is null)
        {
            row = new NotificationTemplateRecord { Kind = name, Culture = culture, Title = title, Body = body, Sms = sms, UpdatedBy = administrator };
            db.NotificationTemplates.Add(row);
        }
        (row.Title, row.Body, row.Sms, row.UpdatedBy, row.UpdatedAt) = (title, body, sms, administrator, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        Interlocked.Increment(ref _changes);
        return View(kind, culture, row);
    }

    /// <summary>Drops an administrator's template: the shipped one is in force again.</summary>
    public async Task<TemplateView> ResetAsync(NotificationKind kind, string culture, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = kind.ToString();
        await db.NotificationTemplates.Where(t => t.Kind == name && t.Culture == culture).ExecuteDeleteAsync(cancellationToken);
        Interlocked.Increment(ref _changes);
        return View(kind, culture, null);
    }

    private static TemplateView View(NotificationKind kind, string culture, NotificationTemplateRecord? row)
    {
        var shipped = ShippedTemplates.For(kind, culture);
        return row is null
            ? new TemplateView(kind.ToString(), culture, shipped.Title, shipped.Body, shipped.Sms, TemplatePlaceholders.Of(kind), false, null, null)
            : new TemplateView(kind.ToString(), culture, row.Title, row.Body, row.Sms, TemplatePlaceholders.Of(kind), true, row.UpdatedAt, row.UpdatedBy);
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Api.Credit;
using Approval.Api.Identity;
using Approval.Api.MachineClients;
using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Approval.Api.Audit;

/// <summary>A change to record: who, what kind, to what, and the canonical JSON of what changed.</summary>
internal sealed record AuditChange(string Actor, string Kind, string Subject, string Payload);

/// <summary>
/// Reads what a SaveChanges is about to write and describes the changes the audit log keeps: every timeline line of a
/// case and violation recorded, and every change of the catalog (items, versions, departments), process definitions,
/// the calendar, users, windows, machine clients, webhook subscriptions and credit records.
/// </summary>
internal sealed class AuditChanges(IHttpContextAccessor? http)
{
    private const string Redacted = "***";
    private const string System = "system";

    private static readonly HashSet<Type> Audited =
    [
        typeof(CaseEventRecord), typeof(ViolationRecord),
        typeof(ApprovalItemRecord), typeof(ApprovalItemVersionRecord), typeof(DepartmentRecord), typeof(WorkflowDefinitionRecord),
        typeof(CalendarYearRecord), typeof(UserRecord), typeof(ServiceWindowRecord), typeof(MachineClientRecord),
        typeof(CreditRecordRow), typeof(CreditRecordChangeRow), typeof(Webhooks.WebhookSubscriptionRecord),
    ];

    // Columns a background job keeps moving, not an administrator's choice: a change of these alone is no audit entry (a webhook
    // delivery takes its lease and moves its cursor on every run). Delivery attempts (WebhookDeliveries) are the deliveries'
    // own record, not configuration, and are not audited either.
    private static readonly Dictionary<Type, HashSet<string>> Bookkeeping = new()
    {
        [typeof(Webhooks.WebhookSubscriptionRecord)] =
        [
            nameof(Webhooks.WebhookSubscriptionRecord.Cursor), nameof(Webhooks.WebhookSubscriptionRecord.Failures),
            nameof(Webhooks.WebhookSubscriptionRecord.NextAttemptAt), nameof(Webhooks.WebhookSubscriptionRecord.LeasedUntil),
            nameof(Webhooks.WebhookSubscriptionRecord.Version),
        ],
    };

    // Secrets are said to have changed, never written down.
    private static readonly HashSet<string> Secrets = ["PasswordHash", "SecretHash", "SecurityStamp"];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public List<AuditChange> Describe(ChangeTracker tracker)
    {
        // SaveChanges detects changes after its interceptors run: the tracked rows' edits are looked for here first.
        tracker.DetectChanges();
        var changes = new List<AuditChange>();
        foreach (var entry in tracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !Audited.Contains(entry.Metadata.ClrType))
                continue;
            if (Payload(entry) is not { } payload)
                continue;
            changes.Add(entry.Entity switch
            {
                CaseEventRecord line => new AuditChange(line.Actor, $"CaseEvent.{line.Action}", CaseNumber(tracker, line.CaseId), payload),
                ViolationRecord violation => new AuditChange(System, $"Violation.{violation.Kind}", CaseNumber(tracker, violation.CaseId), payload),
                _ => new AuditChange(Actor(), $"{entry.Metadata.GetTableName()}.{entry.State}", Key(entry), payload),
            });
        }
        return changes;
    }

    private string Actor() => http?.HttpContext?.User is { } user && user.ToUser() is { } signedIn ? signedIn.UserName : System;

    private static string CaseNumber(ChangeTracker tracker, string caseId) =>
        tracker.Entries<CaseRecord>().FirstOrDefault(c => c.Entity.Id == caseId)?.Entity.Number ?? caseId;

    private static string Key(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, global::System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// Added: the row after. Deleted: the row before. Modified: before and after of each column that changed; a row
    /// replaced whole (Update of a detached row) has no known before, so its after is the row.
    /// </summary>
    private static string? Payload(EntityEntry entry)
    {
        var properties = entry.Properties.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        // Keys in ordinal order at every level (after, before; the columns by name): one text for one change.
        var payload = new JsonObject();
        switch (entry.State)
        {
            case EntityState.Added:
                payload["after"] = Row(properties, p => p.CurrentValue);
                break;
            case EntityState.Deleted:
                payload["before"] = Row(properties, p => p.OriginalValue);
                break;
            default:
                var changed = properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                if (Bookkeeping.TryGetValue(entry.Metadata.ClrType, out var bookkeeping) && changed.All(p => bookkeeping.Contains(p.Metadata.Name)))
                    return null;
                if (changed.Count == 0 && properties.Any(p => p.IsModified))
                    payload["after"] = Row(properties, p => p.CurrentValue);
                else if (changed.Count == 0)
                    return null;
                else
                {
                    payload["after"] = Row(changed, p => p.CurrentValue);
                    payload["before"] = Row(changed, p => p.OriginalValue);
                }
                break;
        }
        return payload.ToJsonString(Json);
    }

    private static JsonObject Row(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value)
    {
        var row = new JsonObject();
        foreach (var property in properties)
        {
            var name = property.Metadata.Name;
            row[name] = Secrets.Contains(name) ? Redacted : JsonSerializer.SerializeToNode(value(property), Json);
        }
        return row;
    }
}

using System.Text.Json;
using Approval.Api.Persistence;
using Approval.Workflows.Inputs;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Drafts;

/// <summary>A saved draft as the applicant's pages read it.</summary>
public sealed record ApplicationDraft(string ItemCode, string? Phone, IReadOnlyDictionary<string, string> Values, string IdempotencyKey, DateTimeOffset SavedAt);

/// <summary>
/// 草稿: an applicant's unfinished applications, one per item, kept on the server until submitted or discarded. Only the
/// typed values are kept, never files: a stored file is kept only while a case's timeline names it (the orphan sweep
/// removes the others after a day), so the files are asked again when the draft is submitted.
/// </summary>
public sealed class ApplicationDrafts(IDbContextFactory<ApprovalDbContext> contexts, TimeProvider time)
{
    /// <summary>Saves the values (checked against the same limits as an application), keeping the draft's first idempotency key.</summary>
    /// <exception cref="InputTooLongException">A value past its limit: nothing saved.</exception>
    public async Task<ApplicationDraft> SaveAsync(string ownerId, string itemCode, string? phone, IReadOnlyDictionary<string, string> values,
        string idempotencyKey, CancellationToken cancellationToken)
    {
        TextLimits.Check("phone", phone, TextLimits.Name);
        TextLimits.Check("Idempotency-Key", idempotencyKey, TextLimits.Code);
        if (values.Count > TextLimits.ListItems)
            throw new InputTooLongException("form", TextLimits.ListItems, items: true);
        foreach (var (name, value) in values)
        {
            TextLimits.Check($"form.{name}", name, TextLimits.Code);
            TextLimits.Check($"form.{name}", value, TextLimits.FormText);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.ApplicationDrafts.AsTracking().SingleOrDefaultAsync(d => d.OwnerId == ownerId && d.ItemCode == itemCode, cancellationToken);
        if (record is null)
        {
            record = new ApplicationDraftRecord { OwnerId = ownerId, ItemCode = itemCode, IdempotencyKey = idempotencyKey };
            db.ApplicationDrafts.Add(record);
        }
        record.Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        record.FormJson = JsonSerializer.Serialize(values);
        record.SavedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return ToDraft(record);
    }

    public async Task<ApplicationDraft?> FindAsync(string ownerId, string itemCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.ApplicationDrafts.SingleOrDefaultAsync(d => d.OwnerId == ownerId && d.ItemCode == itemCode, cancellationToken);
        return record is null ? null : ToDraft(record);
    }

    /// <summary>The applicant's drafts, the latest saved first.</summary>
    public async Task<IReadOnlyList<ApplicationDraft>> MineAsync(string ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.ApplicationDrafts.Where(d => d.OwnerId == ownerId).ToListAsync(cancellationToken);
        return [.. records.OrderByDescending(r => r.SavedAt).Select(ToDraft)];
    }

    /// <summary>Removes the draft (submitted, or discarded); none is no error.</summary>
    public async Task DeleteAsync(string ownerId, string itemCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ApplicationDrafts.Where(d => d.OwnerId == ownerId && d.ItemCode == itemCode).ExecuteDeleteAsync(cancellationToken);
    }

    private static ApplicationDraft ToDraft(ApplicationDraftRecord record) =>
        new(record.ItemCode, record.Phone, JsonSerializer.Deserialize<Dictionary<string, string>>(record.FormJson) ?? [], record.IdempotencyKey, record.SavedAt);
}

using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Credit;

/// <summary>The caller may not change this record (403): a department enters and ends its own records; an administrator any.</summary>
public sealed class CreditAccessDeniedException(Refusal refusal) : Exception(refusal.Text), IRefused
{
    public Refusal Refusal { get; } = refusal;
}

/// <summary>There is no such record (404).</summary>
public sealed class CreditRecordNotFoundException(Refusal refusal) : Exception(refusal.Text), IRefused
{
    public Refusal Refusal { get; } = refusal;
}

/// <summary>Entries that are wrong, each field with its reason (400): nothing was saved.</summary>
public sealed class CreditEntryInvalidException(IReadOnlyList<FieldError> errors)
    : Exception("The credit record is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

/// <summary>
/// The departments' and administrators' steps on the credit-record store: enter, repair (信用修复), revoke. Every step
/// is a change kept with who, when, the record before and after; nothing is ever deleted.
/// </summary>
public sealed class CreditRegister(ICreditRecords records, ICatalog catalog, TimeProvider time)
{
    /// <summary>Enters one record; the source department must be the caller's own (an administrator's: any).</summary>
    public async Task<CreditRecord> EnterAsync(Actor actor, CreditEntry entry, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var (record, errors) = entry.Check(NewId(now), await DepartmentsAsync(cancellationToken), now, actor.Name);
        if (record is null)
            throw new CreditEntryInvalidException(errors);
        MayChange(actor, record);
        await records.SaveAsync([new CreditRecordChange(record.Id, now, actor.Name, CreditChangeKind.Entered, null, record)], cancellationToken);
        return record;
    }

    public Task<CreditRecord> RepairAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, CreditChangeKind.Repaired, (r, now) => r.Repaired(actor.Name, reason ?? "", now), cancellationToken);

    public Task<CreditRecord> RevokeAsync(Actor actor, string id, string? reason, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, CreditChangeKind.Revoked, (r, now) => r.Revoked(actor.Name, reason ?? "", now), cancellationToken);

    /// <summary>Attaches the file proving a record (stored already, by its hash), once; who may change the record may attach it.</summary>
    public Task<CreditRecord> AttachEvidenceAsync(Actor actor, string id, CreditEvidence evidence, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, id, CreditChangeKind.EvidenceAttached, (r, now) => r.WithEvidence(evidence with { At = now, By = actor.Name }), cancellationToken);

    /// <summary>The record, if there is one and <paramref name="actor"/> may change it (else 404 or 403).</summary>
    public async Task<CreditRecord> ChangeableAsync(Actor actor, string id, CancellationToken cancellationToken = default)
    {
        var record = await records.FindAsync(id, cancellationToken)
            ?? throw new CreditRecordNotFoundException(Refusal.Of(RefusalCode.CreditRecordNotFound, $"there is no credit record {id}"));
        MayChange(actor, record);
        return record;
    }

    /// <summary>The ids the departments of the catalog go by.</summary>
    public async Task<IReadOnlySet<string>> DepartmentsAsync(CancellationToken cancellationToken) =>
        (await catalog.ListDepartmentsAsync(cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>A department's staff change the records their department is the source of; an administrator any.</summary>
    public static void MayChange(Actor actor, CreditRecord record)
    {
        var allowed = actor.Role == Role.Administrator
            || (actor.Role is Role.DepartmentReviewer or Role.DepartmentHead && actor.DepartmentCode == record.SourceDepartmentCode);
        if (!allowed)
            throw new CreditAccessDeniedException(Refusal.Of(RefusalCode.CreditRecordsOfOwnDepartment, $"a department enters and ends only the records it is the source of ({record.SourceDepartmentCode})"));
    }

    public static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    private async Task<CreditRecord> ChangeAsync(Actor actor, string id, CreditChangeKind kind, Func<CreditRecord, DateTimeOffset, CreditRecord> change,
        CancellationToken cancellationToken)
    {
        var before = await records.FindAsync(id, cancellationToken)
            ?? throw new CreditRecordNotFoundException(Refusal.Of(RefusalCode.CreditRecordNotFound, $"there is no credit record {id}"));
        MayChange(actor, before);
        var now = time.GetUtcNow();
        var after = change(before, now);
        await records.SaveAsync([new CreditRecordChange(id, now, actor.Name, kind, before, after)], cancellationToken);
        return after;
    }
}

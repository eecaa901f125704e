using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Approval.Api.Audit;

/// <summary>How the chain is broken at an entry.</summary>
public enum AuditBreak
{
    /// <summary>The entry's fields do not hash to its stored hash: it was edited.</summary>
    HashMismatch,
    /// <summary>A sequence number is missing: the entry was deleted (at the end: the head names entries that are not there).</summary>
    Gap,
    /// <summary>The entry's previous hash is not the hash of the entry before it: entries were reordered (or the one before rewritten with its hash).</summary>
    OutOfOrder,
    /// <summary>The head row does not name the last entry of the chain.</summary>
    HeadMismatch,
    /// <summary>The latest signed head is not in the chain any more, or its signature is not the service center's.</summary>
    SignedHeadMismatch,
}

public sealed record AuditBrokenEntry(long Sequence, AuditBreak Kind, string Reason);

public sealed record AuditSignedHead(long Sequence, string Hash, DateTimeOffset SignedAt, string CertificateSerial);

/// <summary>A verification: how many entries were read, the head, the latest signed head, and the first broken entry if any.</summary>
public sealed record AuditVerificationResult(bool Intact, long EntriesChecked, long HeadSequence, string HeadHash, AuditSignedHead? SignedHead,
    AuditBrokenEntry? FirstBroken);

/// <summary>
/// Walks the chain from entry 1 in batches of <see cref="AuditOptions.VerificationBatch"/> (memory stays flat over
/// millions of rows), recomputing each hash, and stops at the first broken entry; then checks that the head row and
/// the latest signed head are what the chain ends with and holds.
/// </summary>
internal sealed class AuditVerification(IDbContextFactory<ApprovalDbContext> contexts, AuditHeadSigning signing, IOptions<AuditOptions> options)
{
    private readonly int _batch = options.Value.VerificationBatch;

    public async Task<AuditVerificationResult> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditHead.SingleAsync(cancellationToken);
        var signed = await db.SignedAuditHeads.OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        var (expected, previous, entriesChecked) = (1L, AuditHash.Genesis, 0L);
        string? hashAtSigned = null;
        AuditBrokenEntry? broken = null;
        while (broken is null)
        {
            var after = expected - 1;
            var batch = await db.AuditEntries.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(_batch).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            foreach (var entry in batch)
            {
                entriesChecked++;
                if ((broken = Check(entry, expected, previous)) is not null)
                    break;
                if (entry.Sequence == signed?.Sequence)
                    hashAtSigned = entry.Hash;
                (expected, previous) = (entry.Sequence + 1, entry.Hash);
            }
        }
        broken ??= HeadBreak(head, expected, previous);
        if (broken is null && signed is not null)
            broken = await SignedHeadBreakAsync(signed, hashAtSigned, cancellationToken);
        return new AuditVerificationResult(broken is null, entriesChecked, head.Sequence, head.Hash,
            signed is null ? null : new AuditSignedHead(signed.Sequence, signed.Hash, signed.SignedAt, signed.CertificateSerial), broken);
    }

    // Gap first (a deleted entry), then the link (a moved one), then the entry's own hash (an edited one): the first
    // test that fails names the break an auditor would look for.
    private static AuditBrokenEntry? Check(AuditEntryRecord entry, long expected, string previous)
    {
        if (entry.Sequence != expected)
            return new(expected, AuditBreak.Gap, $"Entry {expected} is missing: the next one is {entry.Sequence}.");
        if (entry.PreviousHash != previous)
            return new(entry.Sequence, AuditBreak.OutOfOrder, "Its previous hash is not the hash of the entry before it.");
        if (!AuditHash.IsKnown(entry.Algorithm) || AuditHash.Of(entry) != entry.Hash)
            return new(entry.Sequence, AuditBreak.HashMismatch, "Its fields do not hash to its stored hash.");
        return null;
    }

    private static AuditBrokenEntry? HeadBreak(AuditHeadRecord head, long expected, string previous)
    {
        if (head.Sequence >= expected)
            return new(expected, AuditBreak.Gap, $"The head names entry {head.Sequence}; the chain ends at {expected - 1}.");
        if (head.Sequence != expected - 1 || head.Hash != previous)
            return new(head.Sequence, AuditBreak.HeadMismatch, $"The head names entry {head.Sequence} and another hash; the chain ends at {expected - 1}.");
        return null;
    }

    private async Task<AuditBrokenEntry?> SignedHeadBreakAsync(SignedAuditHeadRecord signed, string? hashAtSigned, CancellationToken cancellationToken)
    {
        if (hashAtSigned != signed.Hash)
            return new(signed.Sequence, AuditBreak.SignedHeadMismatch, $"The head signed at {AuditHash.InstantText(signed.SignedAt)} does not match entry {signed.Sequence}.");
        if (!await signing.SignatureHoldsAsync(signed, cancellationToken))
            return new(signed.Sequence, AuditBreak.SignedHeadMismatch, "The signed head's signature is not the service center's.");
        return null;
    }
}

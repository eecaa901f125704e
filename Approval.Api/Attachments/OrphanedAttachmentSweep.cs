using Approval.Api.Persistence;
using Approval.Workflows.Attachments;
using Approval.Workflows.Cases;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Attachments;

/// <summary>
/// Removes attachment files no case refers to: content stored by an upload whose case was never saved (the process
/// was killed between the two, or the case refused the file), and temporary files of uploads cut short. Only files
/// older than <see cref="MinimumAge"/> go, so an upload under way is never touched. Re-runnable: a second run finds
/// nothing more to remove. Which files cases refer to is read from their <c>Attached</c> timeline lines; credit records'
/// evidence files (<c>CreditRecords.EvidenceSha256</c>) are kept too.
/// </summary>
public sealed class OrphanedAttachmentSweep(FileSystemAttachmentStorage storage, IDbContextFactory<ApprovalDbContext> contexts, TimeProvider time,
    ILogger<OrphanedAttachmentSweep> logger)
{
    public const string JobId = "attachment-orphans";

    /// <summary>How old a file with no case must be before it is removed.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromDays(1);

    /// <summary>Registers the daily sweep (03:15 server time, a quiet hour).</summary>
    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<OrphanedAttachmentSweep>(JobId, sweep => sweep.RunAsync(CancellationToken.None), "15 3 * * *");

    /// <summary>Removes the orphaned files; returns how many went.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - MinimumAge;
        var candidates = storage.StoredBefore(before).ToList();
        if (candidates.Count == 0)
            return 0;
        var referenced = await ReferencedAsync(cancellationToken);
        var removed = 0;
        foreach (var file in candidates.Where(f => f.Sha256 is null || !referenced.Contains(f.Sha256)))
        {
            if (storage.Remove(file.Path))
                removed++;
        }
        if (removed > 0)
            logger.LogInformation("Removed {Count} attachment files no case refers to", removed);
        return removed;
    }

    private async Task<HashSet<string>> ReferencedAsync(CancellationToken cancellationToken)
    {
        var attached = nameof(CaseAction.Attached);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hashes = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var detail in db.CaseEvents.AsNoTracking().Where(e => e.Action == attached).Select(e => e.Detail).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (AttachmentName.HashInTimeline(detail) is { } hash)
                hashes.Add(hash);
        }
        // A credit record's evidence is kept as long as the record, which is for ever.
        await foreach (var hash in db.CreditRecords.AsNoTracking().Where(r => r.EvidenceSha256 != null).Select(r => r.EvidenceSha256!).AsAsyncEnumerable().WithCancellation(cancellationToken))
            hashes.Add(hash);
        return hashes;
    }
}

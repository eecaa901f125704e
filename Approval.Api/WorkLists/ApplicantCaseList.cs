using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Workflows.Cases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.WorkLists;

/// <summary>What the applicant must do next on a case, most pressing first.</summary>
public enum ApplicantStep
{
    /// <summary>补正: the window (or the departments) asked for materials; the case waits for them.</summary>
    Supplement,
    /// <summary>容缺后补: materials promised at acceptance are owed by <c>nextDeadline</c>; past it the case ends.</summary>
    PromisedMaterials,
    /// <summary>领取结果: decided; the result waits at the window (to be handed out by <c>nextDeadline</c>, Art. 44).</summary>
    CollectResult,
    /// <summary>评价: delivered or refused and not rated yet (满意度评价, once).</summary>
    Rate,
    /// <summary>Nothing to do: the window or the departments have it (by <c>nextDeadline</c>).</summary>
    Wait,
    /// <summary>Closed; nothing left to do.</summary>
    None,
}

/// <summary>A line of the applicant's own cases.</summary>
public sealed record ApplicantCase(
    string CaseId,
    string Number,
    string QueryCode,
    string ItemCode,
    string? ItemName,
    string Status,
    string Level,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    string NextStep,
    DateTimeOffset? NextDeadline,
    int? Rating);

/// <summary>
/// An applicant's own cases, in any state: what they must do first at the top (supplements, promised materials, a result
/// to collect, a rating), then the open ones by their next deadline, then the closed ones newest first. Read by the ID
/// or credit code on the account, on (ApplicantIdNumber, ReceivedAt).
/// </summary>
internal sealed class ApplicantCaseList(IDbContextFactory<ApprovalDbContext> contexts)
{
    private static readonly string Submitted = nameof(CaseStatus.Submitted);
    private static readonly string SupplementRequested = nameof(CaseStatus.SupplementRequested);
    private static readonly string InReview = nameof(CaseStatus.InReview);
    private static readonly string Suspended = nameof(CaseStatus.Suspended);
    private static readonly string Decided = nameof(CaseStatus.Decided);
    private static readonly string Delivered = nameof(CaseStatus.Delivered);
    private static readonly string Refused = nameof(CaseStatus.Refused);

    public async Task<Page<ApplicantCase>> PageAsync(string applicantId, IReadOnlyList<string> statuses, Paging paging, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = Mine(db, applicantId, statuses);
        var total = await mine.CountAsync(cancellationToken);
        // Rank: 0 supplement, 1 promised materials, 2 collect, 3 rate, 4 wait, 5 closed.
        var rows = total == 0 ? [] : await mine
            .OrderBy(c => c.Status == SupplementRequested ? 0 : c.PromiseDueAt != null ? 1 : c.Status == Decided ? 2
                : (c.Status == Delivered || c.Status == Refused) && c.Rating == null ? 3
                : c.Status == Submitted || c.Status == InReview || c.Status == Suspended ? 4 : 5)
            .ThenBy(c => (c.PromiseDueAt ?? c.WindowDueAt ?? c.DueAt) == null)
            .ThenBy(c => c.PromiseDueAt ?? c.WindowDueAt ?? c.DueAt)
            .ThenByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Number)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(c => new Row(c.Id, c.Number, c.QueryCode, c.ItemCode, c.Status, c.Level, c.ReceivedAt, c.DueAt, c.WindowDueAt, c.PromiseDueAt, c.Rating))
            .ToListAsync(cancellationToken);
        var names = await CatalogNames.ReadAsync(db, cancellationToken);
        return new Page<ApplicantCase>(paging.Number, paging.Size, total, [.. rows.Select(r => r.ToCase(names))]);
    }

    /// <summary>How many of the applicant's cases wait for them to do something (the badge).</summary>
    public async Task<int> ActionNeededAsync(string applicantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Mine(db, applicantId, []).CountAsync(c => c.Status == SupplementRequested || c.PromiseDueAt != null || c.Status == Decided
            || ((c.Status == Delivered || c.Status == Refused) && c.Rating == null), cancellationToken);
    }

    private static IQueryable<CaseRecord> Mine(ApprovalDbContext db, string applicantId, IReadOnlyList<string> statuses)
    {
        var id = applicantId.Trim().ToUpperInvariant();
        var cases = db.Cases.Where(c => c.ApplicantIdNumber == id);
        return statuses.Count > 0 ? cases.Where(c => statuses.Contains(c.Status)) : cases;
    }

    private sealed record Row(string Id, string Number, string QueryCode, string ItemCode, string Status, string Level, DateTimeOffset ReceivedAt,
        DateTimeOffset? DueAt, DateTimeOffset? WindowDueAt, DateTimeOffset? PromiseDueAt, int? Rating)
    {
        public ApplicantCase ToCase(CatalogNames names)
        {
            var (step, deadline) = NextStep();
            return new(Id, Number, QueryCode, ItemCode, names.Item(ItemCode), Status, Level, ReceivedAt, DueAt, step.ToString(), deadline, Rating);
        }

        private (ApplicantStep, DateTimeOffset?) NextStep() => Enum.Parse<CaseStatus>(Status) switch
        {
            CaseStatus.SupplementRequested => (ApplicantStep.Supplement, null),
            _ when PromiseDueAt is { } promised => (ApplicantStep.PromisedMaterials, promised),
            CaseStatus.Decided => (ApplicantStep.CollectResult, WindowDueAt),
            CaseStatus.Delivered or CaseStatus.Refused when Rating is null => (ApplicantStep.Rate, null),
            CaseStatus.Submitted => (ApplicantStep.Wait, WindowDueAt),
            CaseStatus.InReview => (ApplicantStep.Wait, DueAt),
            // A stopped clock has no due instant to promise (Art. 45).
            CaseStatus.Suspended => (ApplicantStep.Wait, null),
            _ => (ApplicantStep.None, null),
        };
    }
}

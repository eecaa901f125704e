using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Supervision;

/// <summary>
/// A day's counts of windows and persons, and the day's ratings.
/// Windows (窗口), from the window each step recorded: applications answered (accepted, on time or late, and refused) as
/// received, supplement requests, the cases they handed out as completed (with those cases' kinds and days), violations
/// recorded at the window, the cards of the window steps they ended (a 受理 card raised since the case's previous
/// answer or supplement request goes to the window that answers or asks next; a 办结 card to the window that hands the
/// result out), on the day the step ends — no window is known before — and the ratings of the cases they accepted,
/// refused or handed out.
/// Persons, by account: a clerk as their window but for the steps they did; a reviewer's tasks — claimed as received,
/// completed (opinion given by the holder, or by the reviewer who answered it unclaimed) with the task's limit as its
/// promise and its own working days — and the ratings of the cases they answered, handed out or reviewed. The lead department has the case's rating.
/// </summary>
public sealed partial class PerformanceSnapshotBuilder
{
    private static readonly string Accepted = nameof(CaseAction.Accepted);
    private static readonly string DeemedAccepted = nameof(CaseAction.DeemedAccepted);
    private static readonly string Refused = nameof(CaseAction.Refused);
    private static readonly string SupplementRequested = nameof(CaseAction.SupplementRequested);
    private static readonly string DeliveredAction = nameof(CaseAction.Delivered);
    private static readonly string TaskClaimed = nameof(CaseAction.TaskClaimed);
    private static readonly string TaskCompleted = nameof(Approval.Workflows.Cases.TaskStatus.Completed);

    /// <summary>The timeline actions that are a window's steps, or a window's answer to an application.</summary>
    internal static readonly string[] WindowActions = [Accepted, DeemedAccepted, Refused, SupplementRequested, DeliveredAction];

    private async Task CountWindowsAndPersonsAsync(ApprovalDbContext db, DateTimeOffset start, DateTimeOffset before, IReadOnlyList<CompletedCase> completed,
        Func<UnitKind, string, SnapshotCounters> of, CancellationToken cancellationToken)
    {
        var steps = await db.CaseEvents.AsNoTracking()
            // A supplement request with a reason is the lead department's return during review (退回补正), not the window's.
            .Where(e => e.At >= start && e.At < before && WindowActions.Contains(e.Action) && (e.Action != SupplementRequested || e.Reason == null))
            .Select(e => new { e.CaseId, e.At, e.Action, e.Actor, e.WindowCode }).ToListAsync(cancellationToken);
        foreach (var step in steps.Where(s => s.Action != DeliveredAction))
        {
            var windowStep = WindowActionOf(step.Action);
            foreach (var counters in StaffOf(step.WindowCode, step.Actor, of))
            {
                counters.AddWindowAction(windowStep);
                if (windowStep.Kind != WindowActionKind.SupplementRequested)
                    counters.Received++;
            }
        }

        await CountWindowStepCardsAsync(db, steps.Select(s => new DoneStep(s.CaseId, s.At, s.Action, s.Actor, s.WindowCode)).ToList(), of, cancellationToken);

        // The day's deliveries: the case's figures go to the window and the clerk that handed it out.
        // A case handed out again after a correction (纠错) is the last clerk's.
        var deliveredBy = steps.Where(s => s.Action == DeliveredAction).GroupBy(s => s.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.At)!.Actor);
        foreach (var c in completed)
        {
            var facts = FactsOf(c, due);
            foreach (var counters in StaffOf(c.DeliveringWindowCode, deliveredBy.GetValueOrDefault(c.Id), of))
                counters.AddCompleted(facts);
        }

        foreach (var claim in await db.CaseEvents.AsNoTracking()
                     .Where(e => e.At >= start && e.At < before && e.Action == TaskClaimed && e.Reason == null)
                     .GroupBy(e => e.Actor).Select(g => new { Actor = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
        {
            if (StaffNames.AccountOf(claim.Actor) is { } person)
                of(UnitKind.Person, person).Received += claim.Count;
        }

        // A case's document is read once for all its tasks completed that day (tens of thousands a day at a million cases).
        var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.Status == TaskCompleted && t.ClosedAt >= start && t.ClosedAt < before)
            .Select(t => new { t.Id, t.CaseId }).ToListAsync(cancellationToken);
        var caseIds = tasks.Select(t => t.CaseId).Distinct().ToList();
        var documents = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.State })
            .ToDictionaryAsync(c => c.Id, c => c.State, cancellationToken);
        foreach (var ofCase in tasks.GroupBy(t => t.CaseId))
        {
            var state = CaseStateJson.Deserialize(documents[ofCase.Key]);
            foreach (var row in ofCase)
            {
                var task = state.Tasks.Single(t => t.Id == row.Id);
                if (HolderOf(task) is { } holder)
                    of(UnitKind.Person, holder).AddCompleted(FactsOf(task, state, due));
            }
        }

        await CountRatingsAsync(db, start, before, of, cancellationToken);
    }

    /// <summary>The cards of the window steps the day's steps ended, for the window and the clerk that ended them.</summary>
    private static async Task CountWindowStepCardsAsync(ApprovalDbContext db, List<DoneStep> done, Func<UnitKind, string, SnapshotCounters> of,
        CancellationToken cancellationToken)
    {
        var ids = done.Select(s => s.CaseId).Distinct().ToList();
        if (ids.Count == 0)
            return;
        var history = await db.CaseEvents.AsNoTracking()
            .Where(e => ids.Contains(e.CaseId) && (e.Action == WarningRaised || (WindowActions.Contains(e.Action) && (e.Action != SupplementRequested || e.Reason == null))))
            .Select(e => new { e.CaseId, e.Sequence, e.At, e.Action, e.Detail }).ToListAsync(cancellationToken);
        // By case, once: searching the whole history for each step made the day quadratic in its steps.
        var byCase = history.OrderBy(e => e.Sequence).ToLookup(e => e.CaseId, StringComparer.Ordinal);
        foreach (var step in done)
        {
            var kind = step.Action == DeliveredAction ? WindowStepKind.Delivery : WindowStepKind.Acceptance;
            var ofCase = byCase[step.CaseId];
            // The step's own span: from the previous step of its kind (an answer or supplement request, or a delivery) to it.
            var previous = ofCase.LastOrDefault(e => e.At < step.At && e.Action != WarningRaised && (e.Action == DeliveredAction) == (kind == WindowStepKind.Delivery));
            foreach (var card in ofCase.Where(e => e.Action == WarningRaised && e.At <= step.At && (previous is null || e.At > previous.At)))
            {
                if (WarningCard.Parse(card.Detail) is { } raised && raised.WindowStepKind == kind)
                {
                    foreach (var counters in StaffOf(step.WindowCode, step.Actor, of))
                        raised.AddTo(counters, 1);
                }
            }
        }
    }

    private static async Task CountRatingsAsync(ApprovalDbContext db, DateTimeOffset start, DateTimeOffset before,
        Func<UnitKind, string, SnapshotCounters> of, CancellationToken cancellationToken)
    {
        var rated = await db.Cases.AsNoTracking().Where(c => c.RatedAt >= start && c.RatedAt < before && c.Rating != null)
            .Select(c => new { c.Id, c.LeadDepartmentCode, c.AcceptingWindowCode, c.DeliveringWindowCode, Rating = c.Rating!.Value }).ToListAsync(cancellationToken);
        if (rated.Count == 0)
            return;
        var ids = rated.Select(r => r.Id).ToList();
        var clerks = await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId) && WindowActions.Contains(e.Action) && e.Action != SupplementRequested)
            .Select(e => new { e.CaseId, e.Actor }).ToListAsync(cancellationToken);
        var clerksOf = clerks.ToLookup(e => e.CaseId, e => e.Actor, StringComparer.Ordinal);
        var states = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.State }).ToDictionaryAsync(c => c.Id, c => c.State, cancellationToken);
        foreach (var r in rated)
        {
            of(UnitKind.Department, r.LeadDepartmentCode).AddRating(r.Rating);
            foreach (var window in new[] { r.AcceptingWindowCode, r.DeliveringWindowCode }.OfType<string>().Distinct())
                of(UnitKind.Window, window).AddRating(r.Rating);
            var reviewers = CaseStateJson.Deserialize(states[r.Id]).Tasks.Where(t => t.Status == Approval.Workflows.Cases.TaskStatus.Completed).Select(HolderOf);
            var persons = clerksOf[r.Id].Select(StaffNames.AccountOf).Concat(reviewers)
                .OfType<string>().Distinct(StringComparer.Ordinal);
            foreach (var person in persons)
                of(UnitKind.Person, person).AddRating(r.Rating);
        }
    }

    /// <summary>A window step done (an answer, a supplement request, a delivery), as the timeline recorded it.</summary>
    private sealed record DoneStep(string CaseId, DateTimeOffset At, string Action, string Actor, string? WindowCode);

    /// <summary>The window and the clerk's account a step is counted for (either may be unknown: no window, or the system).</summary>
    private static IEnumerable<SnapshotCounters> StaffOf(string? window, string? actor, Func<UnitKind, string, SnapshotCounters> of)
    {
        if (window is not null)
            yield return of(UnitKind.Window, window);
        if (StaffNames.AccountOf(actor) is { } person)
            yield return of(UnitKind.Person, person);
    }

    /// <summary>A window's step from its timeline action; a deemed acceptance is an acceptance past Art. 32's 5 working days.</summary>
    internal static WindowAction WindowActionOf(string action, DateTimeOffset at = default) =>
        action == Refused ? new WindowAction(WindowActionKind.Refused, at)
        : action == SupplementRequested ? new WindowAction(WindowActionKind.SupplementRequested, at)
        : new WindowAction(WindowActionKind.Accepted, at, OnTime: action == Accepted);

    /// <summary>Who answered a task: its holder, or the reviewer who gave the opinion on it unclaimed.</summary>
    internal static string? HolderOf(CaseTaskState task) => task.ClaimedBy ?? StaffNames.AccountOf(task.Opinion?.Reviewer);

    /// <summary>A completed task as a person's fact: its limit is its promise, its days its own (the case's suspensions excluded).</summary>
    internal static CaseFacts FactsOf(CaseTaskState task, CaseState @case, Approval.Workflows.Calendar.DueInstantCalculator due) => new()
    {
        ReceivedAt = task.OpenedAt,
        CompletedAt = task.ClosedAt,
        Handling = CaseHandling.Promised,
        PromisedDueAt = task.DueAt,
        WorkingDaysUsed = due.WorkingDaysUsed(task.OpenedAt, task.ClosedAt!.Value, [.. @case.Suspensions.Where(s => s.Until is null || s.Until > task.OpenedAt)]),
    };
}

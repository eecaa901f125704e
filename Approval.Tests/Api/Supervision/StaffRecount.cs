using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// Window and person figures from scratch, fact by fact from the tables, by the definitions of the README — to compare
/// with what the snapshots give. A window or clerk: each answer (受理, 不予受理) a fact received at its instant and a
/// window step; each supplement request a step; each case handed out a completed fact. A reviewer: each claim a fact
/// received; each task they answered a completed fact against the task's own limit; each card raised on a task they held.
/// Both: the confirmed violations naming them, and the rating of every case they handled, in the period of its instant.
/// </summary>
internal static class StaffRecount
{
    private static readonly string[] Answers = ["Accepted", "DeemedAccepted", "Refused"];

    public static async Task<List<UnitPerformance>> OfAsync(IServiceProvider services, UnitKind kind, DateOnly first, DateOnly last)
    {
        var hours = services.GetRequiredService<BusinessHours>();
        var due = services.GetRequiredService<DueInstantCalculator>();
        var period = EvaluationPeriod.Between("recount", first, last, hours);
        await using var db = await services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var cases = await (from c in db.Cases join i in db.Items on c.ItemCode equals i.Code select new { Case = c, i.Kind }).AsNoTracking().ToListAsync();
        var events = await db.CaseEvents.AsNoTracking().ToListAsync();
        var confirmed = await db.Violations.AsNoTracking().Where(v => v.Review == "Confirmed").ToListAsync();

        var facts = new List<(string Unit, CaseFacts Facts)>();
        var steps = new List<(string Unit, WindowAction Step)>();
        // A window's unit is the window an event was done at; a person's the account of its actor.
        string? UnitOf(string? window, string? actor) => kind == UnitKind.Window ? window : StaffNames.AccountOf(actor);
        CaseFacts Fact(DateTimeOffset received) => new() { ReceivedAt = received, Handling = CaseHandling.Promised };

        // A supplement request with a reason is the lead department's return during review (退回补正), no window's step.
        foreach (var e in events.Where(e => Answers.Contains(e.Action) || (e.Action == "SupplementRequested" && e.Reason is null)))
        {
            if (UnitOf(e.WindowCode, e.Actor) is not { } unit)
                continue;
            steps.Add((unit, PerformanceSnapshotBuilder.WindowActionOf(e.Action, e.At)));
            if (e.Action != "SupplementRequested")
                facts.Add((unit, Fact(e.At)));
        }

        // A window step's cards (受理, 办结) go to whoever ended the step, on the day they did: raised after the case's
        // previous step of the kind, up to this one.
        foreach (var e in events.Where(e => Answers.Contains(e.Action) || e.Action == "Delivered" || (e.Action == "SupplementRequested" && e.Reason is null)))
        {
            if (UnitOf(e.WindowCode, e.Actor) is not { } unit)
                continue;
            var delivery = e.Action == "Delivered";
            var subject = delivery ? "办结 (delivery): " : "受理 (acceptance): ";
            var previous = events.Where(p => p.CaseId == e.CaseId && p.At < e.At && (delivery ? p.Action == "Delivered"
                : Answers.Contains(p.Action) || (p.Action == "SupplementRequested" && p.Reason is null))).Select(p => (DateTimeOffset?)p.At).Max();
            var cards = events.Where(c => c.CaseId == e.CaseId && c.Action == "WarningRaised" && c.Detail!.StartsWith(subject, StringComparison.Ordinal)
                && c.At <= e.At && (previous is null || c.At > previous)).ToList();
            var red = cards.Count(c => c.Detail!.EndsWith("Red", StringComparison.Ordinal));
            var yellow = cards.Count(c => c.Detail!.EndsWith("Yellow", StringComparison.Ordinal));
            if (period.Contains(e.At) && red + yellow > 0)
                facts.Add((unit, Fact(DateTimeOffset.MinValue) with { YellowCards = yellow, RedCards = red }));
        }

        foreach (var x in cases.Where(x => x.Case.Status == "Delivered"))
        {
            var c = x.Case;
            var deliveredBy = events.Last(e => e.CaseId == c.Id && e.Action == "Delivered").Actor;
            if (UnitOf(c.DeliveringWindowCode, deliveredBy) is not { } unit)
                continue;
            facts.Add((unit, new CaseFacts
            {
                ReceivedAt = DateTimeOffset.MinValue,
                CompletedAt = c.ClosedAt,
                Handling = CaseFacts.HandlingOf(Enum.Parse<ItemKind>(x.Kind)),
                PromisedDueAt = c.DueAt,
                WorkingDaysUsed = due.WorkingDaysUsed(c.AcceptedAt!.Value, c.ClosedAt!.Value, CaseStateJson.Deserialize(c.State).Suspensions),
            }));
        }

        foreach (var x in cases.Where(x => x.Case.Rating is not null && period.Contains(x.Case.RatedAt!.Value)))
        {
            var c = x.Case;
            var state = CaseStateJson.Deserialize(c.State);
            var handlers = kind == UnitKind.Window
                ? new[] { c.AcceptingWindowCode, c.DeliveringWindowCode }
                : events.Where(e => e.CaseId == c.Id && (Answers.Contains(e.Action) || e.Action == "Delivered")).Select(e => StaffNames.AccountOf(e.Actor))
                    .Concat(state.Tasks.Where(t => t.Status == Approval.Workflows.Cases.TaskStatus.Completed).Select(PerformanceSnapshotBuilder.HolderOf)).ToArray();
            foreach (var unit in handlers.OfType<string>().Distinct())
                facts.Add((unit, Fact(DateTimeOffset.MinValue) with { Satisfaction = c.Rating }));
        }

        foreach (var v in confirmed.Where(v => period.Contains(v.ReviewedAt!.Value)))
        {
            if (UnitOf(v.WindowCode, v.Person) is { } unit)
                facts.Add((unit, Fact(DateTimeOffset.MinValue) with { ConfirmedViolations = 1 }));
        }

        if (kind == UnitKind.Person)
            await AddReviewersAsync(db, events, period, due, facts);

        var units = facts.Select(f => f.Unit).Concat(steps.Select(s => s.Unit)).Distinct();
        return [.. units
            .Select(unit => UnitPerformance.Of(new EvaluatedUnit(kind, unit, null!), period,
                PerformanceFigures.Of(facts.Where(f => f.Unit == unit).Select(f => f.Facts), period),
                WindowFigures.Of(steps.Where(s => s.Unit == unit).Select(s => s.Step), period)))
            .Where(u => u.Received + u.Completed + u.YellowCards + u.RedCards + u.ConfirmedViolations + u.Rated + u.SupplementRequests > 0)];
    }

    private static async Task AddReviewersAsync(ApprovalDbContext db, List<CaseEventRecord> events, EvaluationPeriod period, DueInstantCalculator due,
        List<(string Unit, CaseFacts Facts)> facts)
    {
        foreach (var claim in events.Where(e => e.Action == "TaskClaimed" && e.Reason is null))
            facts.Add((StaffNames.AccountOf(claim.Actor)!, new CaseFacts { ReceivedAt = claim.At, Handling = CaseHandling.Promised }));

        foreach (var row in await db.Cases.AsNoTracking().Select(c => c.State).ToListAsync())
        {
            var state = CaseStateJson.Deserialize(row);
            foreach (var task in state.Tasks.Where(t => t.Status == Approval.Workflows.Cases.TaskStatus.Completed))
            {
                if (PerformanceSnapshotBuilder.HolderOf(task) is { } holder)
                    facts.Add((holder, PerformanceSnapshotBuilder.FactsOf(task, state, due) with { ReceivedAt = DateTimeOffset.MinValue }));
            }
        }

        // A card on a task goes to whoever held it when it was raised.
        var tasks = await db.CaseTasks.AsNoTracking().Where(t => t.ClaimedBy != null).ToListAsync();
        foreach (var card in events.Where(e => e.Action == "WarningRaised" && period.Contains(e.At) && (e.Detail!.EndsWith(": Yellow", StringComparison.Ordinal) || e.Detail.EndsWith(": Red", StringComparison.Ordinal))))
        {
            var department = card.Detail!.Split(": ")[0];
            var red = card.Detail.EndsWith(": Red", StringComparison.Ordinal);
            foreach (var t in tasks.Where(t => t.CaseId == card.CaseId && t.DepartmentCode == department && t.OpenedAt <= card.At && (t.ClosedAt is null || t.ClosedAt >= card.At)))
                facts.Add((t.ClaimedBy!, new CaseFacts { ReceivedAt = DateTimeOffset.MinValue, Handling = CaseHandling.Promised, YellowCards = red ? 0 : 1, RedCards = red ? 1 : 0 }));
        }
    }
}

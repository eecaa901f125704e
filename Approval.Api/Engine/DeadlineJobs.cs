using System.Collections.Concurrent;
using Approval.Api.Supervision;
using Approval.Workflows.Cases;
using Hangfire;

namespace Approval.Api.Engine;

/// <summary>The recurring deadline jobs: thin and re-runnable; the database says what is due.</summary>
public sealed class DeadlineJobs(AcceptanceDeadlines acceptance, ClockWatch clocks, WorkflowTimerJobs timers, SupervisionDeadlines supervision,
    Approval.Workflows.Credit.PromiseCreditWatch promises)
{
    public const string JobId = "case-deadlines";

    /// <summary>Everything time-driven that is due now: workflow timers, unanswered applications, 容缺 reminders and broken promises, 告知承诺 unverified past their period, promises accepted from an excluded applicant, warning levels,
    /// unanswered correction notices (overdue, escalated) and complaints undecided past 5 working days (breaches).</summary>
    public async Task<DeadlineSweep> RunAsync(CancellationToken cancellationToken)
    {
        await timers.ReconcileAsync(cancellationToken);
        var accepted = await acceptance.SweepAsync(cancellationToken);
        await acceptance.RemindPromisesAsync(cancellationToken);
        var terminated = await acceptance.TerminateBrokenPromisesAsync(cancellationToken);
        var unverified = await acceptance.FlagUnverifiedCommitmentsAsync(cancellationToken);
        await promises.SweepAsync(cancellationToken);
        var observed = await clocks.SweepAsync(cancellationToken);
        var (escalated, breached) = await supervision.SweepAsync(cancellationToken);
        return new DeadlineSweep(accepted, terminated, observed, escalated, breached, unverified);
    }

    /// <summary>Registers the recurring sweep (every minute).</summary>
    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<DeadlineJobs>(JobId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
}

/// <summary>
/// A case's next deadline as a Hangfire delayed job; the job runs the (idempotent, indexed) deadline sweep of every case, so
/// one job an instant wakes every case due then. Cases received on the same day share their deadlines (close of business
/// N working days on): a job per case ran the same sweep once per case at the same instant, and scheduling each cost the
/// submitting request about ten rows of Hangfire's tables on PostgreSQL (issue #16, <c>http-load</c>). The node remembers the
/// instants it has armed until they pass; another node, or this one after a restart, arms its own (the sweep then finds
/// nothing left to do), and a schedule that failed is not remembered.
/// </summary>
internal sealed class HangfireDeadlineAlarms(IBackgroundJobClient jobs, TimeProvider time) : Approval.Workflows.Cases.IDeadlineAlarms
{
    private readonly ConcurrentDictionary<DateTimeOffset, bool> _armed = new();

    public void Arm(string caseId, DateTimeOffset at)
    {
        if (!_armed.TryAdd(at, true))
            return;
        try
        {
            jobs.Schedule<DeadlineJobs>(deadlines => deadlines.RunAsync(CancellationToken.None), at);
        }
        catch
        {
            _armed.TryRemove(at, out _);
            throw;
        }
        // A few distinct instants a day: forgetting the past ones now and then keeps the set to the days ahead.
        if (_armed.Count > 256)
        {
            var now = time.GetUtcNow();
            foreach (var passed in _armed.Keys.Where(k => k < now))
                _armed.TryRemove(passed, out _);
        }
    }
}

/// <summary>What a sweep did.</summary>
public sealed record DeadlineSweep(int DeemedAccepted, int TerminatedForBrokenPromises, int ClocksObserved, int NoticesEscalated = 0, int ComplaintsBreached = 0,
    int CommitmentsUnverified = 0);

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

/// <summary>A case's next deadline as a Hangfire delayed job; the job runs the (idempotent, indexed) deadline sweep.</summary>
internal sealed class HangfireDeadlineAlarms(IBackgroundJobClient jobs) : Approval.Workflows.Cases.IDeadlineAlarms
{
    public void Arm(string caseId, DateTimeOffset at) =>
        jobs.Schedule<DeadlineJobs>(deadlines => deadlines.RunAsync(CancellationToken.None), at);
}

/// <summary>What a sweep did.</summary>
public sealed record DeadlineSweep(int DeemedAccepted, int TerminatedForBrokenPromises, int ClocksObserved, int NoticesEscalated = 0, int ComplaintsBreached = 0,
    int CommitmentsUnverified = 0);

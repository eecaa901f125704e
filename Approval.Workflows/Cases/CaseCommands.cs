using System.Diagnostics.Metrics;
using Approval.Engine.Runtime;
using Approval.Workflows.Catalog;
using Approval.Workflows.Notifications;
using Approval.Workflows.Notifications.Feedback;
using Approval.Workflows.People;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>The case does not exist (or is not the caller's to see).</summary>
public sealed class CaseNotFoundException(Refusal refusal) : Exception(refusal.Text), IRefused
{
    public Refusal Refusal { get; } = refusal;
}

/// <summary>
/// Runs one step on one case in one unit of work: load the case and its item, decide whether the actor may take the
/// step on the case as loaded, act, commit (the case, its instance and the notifications the step raised together),
/// then schedule the timers the process created and wake the e-mail outbox. The applicant is told of the steps that
/// concern them (<see cref="ApplicantNotices"/>, from the timeline lines the step added) in the same commit; without
/// <paramref name="applicantNotices"/> (a generated history) they are not.
/// </summary>
/// <remarks>
/// Departments work on one case in parallel, so two steps saved at the same moment are normal, not an error: a step that
/// lost the race (<see cref="CaseConflictException"/>) is run again on the case as the winner left it, in a fresh unit of
/// work, a bounded number of times. That is safe because a step is decided by the loaded case alone and nothing of a lost
/// attempt was saved (its notifications were rows of the discarded unit of work; timers and alarms are armed after the
/// commit only). A step the winner made impossible (the task is already answered) fails on the re-run as it would have
/// if it had come second.
/// </remarks>
public sealed class CaseCommands(ICaseSessions sessions, ICatalog catalog, CaseProcess process, IDeadlineAlarms alarms, CaseClock clock, INotificationOutbox outbox,
    ApplicantNotices? applicantNotices = null)
{
    /// <summary>How many times a step is tried before a lost race is answered as a conflict.</summary>
    public const int MaxAttempts = 12;

    /// <summary>The meter of case steps (<c>Approval.Cases</c>), for operators and the benchmarks.</summary>
    public const string MeterName = "Approval.Cases";

    /// <summary>Counts the steps re-run because they lost a race: how often departments really collide.</summary>
    public const string RetriesInstrument = "approval.case.step.retries";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(RetriesInstrument, description: "case steps re-run after losing a race to a concurrent save");

    /// <summary>What a step did to the process, so its timers can be armed once saved.</summary>
    public sealed class StepContext(ICaseSession session, Case @case, ApprovalItem item)
    {
        public ICaseSession Session { get; } = session;
        public Case Case { get; } = @case;
        public ApprovalItem Item { get; } = item;
        internal List<(WorkflowInstance Instance, RunResult Result)> Runs { get; } = [];
        internal bool Notified { get; private set; }

        public void Ran(WorkflowInstance instance, RunResult result) => Runs.Add((instance, result));

        /// <summary>Notifies people of the step, in its unit of work.</summary>
        public void Notify(IReadOnlyCollection<Notification> notifications)
        {
            if (notifications.Count == 0)
                return;
            Session.Notify(notifications);
            Notified = true;
        }
    }

    /// <summary>
    /// A person's step: a case the actor may not see is not found (<see cref="CaseNotFoundException"/>); one they see but
    /// may not act on this way is refused by <paramref name="mayAct"/> (<see cref="CaseAccessDeniedException"/>). Both are
    /// decided on the case the step itself loaded, so no check is stale.
    /// </summary>
    public Task<Case> ExecuteAsync(string caseId, Actor actor, CaseAccessRule mayAct, Func<StepContext, Task> step, CancellationToken cancellationToken) =>
        RunAsync(caseId, @case =>
        {
            if (!CaseAccess.Sees(actor, @case))
                throw new CaseNotFoundException(Refusal.Of(RefusalCode.CaseNotVisible, $"No case {caseId} that you may see."));
            mayAct(actor, @case);
        }, step, cancellationToken);

    /// <summary>The system's own step (a sweep, a timer, a seed): no one to check.</summary>
    public Task<Case> ExecuteAsync(string caseId, Func<StepContext, Task> step, CancellationToken cancellationToken) =>
        RunAsync(caseId, static _ => { }, step, cancellationToken);

    private async Task<Case> RunAsync(string caseId, Action<Case> guard, Func<StepContext, Task> step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(caseId, guard, step, cancellationToken);
            }
            catch (CaseConflictException) when (attempt < MaxAttempts)
            {
                Retries.Add(1);
                // Spread the retries so that steps which collided once do not collide again in lock step.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 4 * Math.Min(attempt, 8) + 1)), cancellationToken);
            }
        }
    }

    private async Task<Case> AttemptAsync(string caseId, Action<Case> guard, Func<StepContext, Task> step, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(cancellationToken);
        var @case = await session.FindAsync(caseId, cancellationToken) ?? throw new CaseNotFoundException(Refusal.Of(RefusalCode.CaseNotFound, $"No case {caseId}."));
        guard(@case);
        // The version the case was submitted under, not the one in force: an item published anew does not move a running case.
        var item = await catalog.FindItemAsync(@case.ItemCode, @case.ItemVersion, cancellationToken)
            ?? throw new CaseRuleException(Refusal.Of(RefusalCode.ItemNoLongerInCatalog, $"the case's item {@case.ItemCode} is no longer in the catalog"));
        var context = new StepContext(session, @case, item);
        var linesBefore = @case.Timeline.Count;
        await step(context);
        @case.NoteProvisionalDeadlines(clock);
        if (applicantNotices is not null && @case.Timeline.Count > linesBefore)
            context.Notify(await applicantNotices.ForLinesAsync(@case, item, linesBefore, cancellationToken));
        await session.CommitAsync(cancellationToken);
        foreach (var (instance, result) in context.Runs)
            process.AfterCommit(instance, result);
        if (@case.NextClockThreshold(clock.Due, clock.Now) is { } next)
            alarms.Arm(@case.Id, next);
        // A process's step may have staged e-mails (Elsa.SendEmail), committed with it into the same outbox.
        if (context.Notified || context.Runs.Exists(r => r.Result.StagedEffects.Count > 0))
            outbox.Wake();
        return @case;
    }
}

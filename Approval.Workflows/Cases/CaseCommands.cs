using Approval.Engine.Runtime;
using Approval.Workflows.Catalog;
using Approval.Workflows.Notifications;

namespace Approval.Workflows.Cases;

/// <summary>The case does not exist (or is not the caller's to see).</summary>
public sealed class CaseNotFoundException(string message) : Exception(message);

/// <summary>
/// Runs one step on one case in one unit of work: load the case and its item, act, commit (the case, its instance and
/// the notifications the step raised together), then schedule the timers the process created and wake the e-mail
/// outbox. A lost race is a <see cref="CaseConflictException"/>: nothing was saved, no one is notified.
/// </summary>
public sealed class CaseCommands(ICaseSessions sessions, ICatalog catalog, CaseProcess process, IDeadlineAlarms alarms, CaseClock clock, INotificationOutbox outbox)
{
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

    public async Task<Case> ExecuteAsync(string caseId, Func<StepContext, Task> step, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(cancellationToken);
        var @case = await session.FindAsync(caseId, cancellationToken) ?? throw new CaseNotFoundException($"No case {caseId}.");
        var item = await catalog.FindItemAsync(@case.ItemCode, cancellationToken)
            ?? throw new CaseRuleException($"the case's item {@case.ItemCode} is no longer in the catalog");
        var context = new StepContext(session, @case, item);
        await step(context);
        @case.NoteProvisionalDeadlines(clock);
        await session.CommitAsync(cancellationToken);
        foreach (var (instance, result) in context.Runs)
            process.AfterCommit(instance, result);
        if (@case.NextClockThreshold(clock.Due, clock.Now) is { } next)
            alarms.Arm(@case.Id, next);
        if (context.Notified)
            outbox.Wake();
        return @case;
    }
}

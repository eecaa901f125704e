using Approval.Engine.Runtime;
using Approval.Workflows.Catalog;

namespace Approval.Workflows.Cases;

/// <summary>The case does not exist (or is not the caller's to see).</summary>
public sealed class CaseNotFoundException(string message) : Exception(message);

/// <summary>
/// Runs one step on one case in one unit of work: load the case and its item, act, commit, then schedule the
/// timers the process created. A lost race is a <see cref="CaseConflictException"/>: nothing was saved.
/// </summary>
public sealed class CaseCommands(ICaseSessions sessions, ICatalog catalog, CaseProcess process, IDeadlineAlarms alarms, CaseClock clock)
{
    /// <summary>What a step did to the process, so its timers can be armed once saved.</summary>
    public sealed class StepContext(ICaseSession session, Case @case, ApprovalItem item)
    {
        public ICaseSession Session { get; } = session;
        public Case Case { get; } = @case;
        public ApprovalItem Item { get; } = item;
        internal List<(WorkflowInstance Instance, RunResult Result)> Runs { get; } = [];

        public void Ran(WorkflowInstance instance, RunResult result) => Runs.Add((instance, result));
    }

    public async Task<Case> ExecuteAsync(string caseId, Func<StepContext, Task> step, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(cancellationToken);
        var @case = await session.FindAsync(caseId, cancellationToken) ?? throw new CaseNotFoundException($"No case {caseId}.");
        var item = await catalog.FindItemAsync(@case.ItemCode, cancellationToken)
            ?? throw new CaseRuleException($"the case's item {@case.ItemCode} is no longer in the catalog");
        var context = new StepContext(session, @case, item);
        await step(context);
        await session.CommitAsync(cancellationToken);
        foreach (var (instance, result) in context.Runs)
            process.AfterCommit(instance, result);
        if (@case.NextClockThreshold(clock.Due, clock.Now) is { } next)
            alarms.Arm(@case.Id, next);
        return @case;
    }
}

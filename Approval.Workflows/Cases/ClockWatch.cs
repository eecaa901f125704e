using Approval.Workflows.Notifications;

namespace Approval.Workflows.Cases;

/// <summary>
/// Moves warning levels as time passes, not when a page is opened: the cases whose next threshold has come (an
/// index range, not a scan of open cases) are observed and saved, which re-arms their next threshold. Once a case is
/// saved, the people concerned by its rises are notified. Running it twice changes nothing more and notifies no one again.
/// </summary>
public sealed class ClockWatch(ICaseQueries queries, CaseCommands commands, CaseClock clock, WarningNotices notices, INotifier notifier)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var observed = 0;
        foreach (var caseId in await queries.ClocksDueByAsync(clock.Now, 1000, cancellationToken))
        {
            IReadOnlyList<WarningRise> rises = [];
            Case @case;
            try
            {
                @case = await commands.ExecuteAsync(caseId, step =>
                {
                    rises = step.Case.ObserveClocks(clock.Due, clock.Now);
                    return Task.CompletedTask;
                }, cancellationToken);
                observed++;
            }
            catch (CaseConflictException)
            {
                // Someone changed the case meanwhile; their save re-armed its next threshold.
                continue;
            }
            if (rises.Count > 0)
                await notifier.SendAsync(await notices.ForAsync(@case, rises, cancellationToken), cancellationToken);
        }
        return observed;
    }
}

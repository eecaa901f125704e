using Approval.Workflows.Notifications;

namespace Approval.Workflows.Cases;

/// <summary>
/// Moves warning levels as time passes, not when a page is opened: the cases whose next threshold has come (an
/// index range, not a scan of open cases) are observed and saved, which re-arms their next threshold. The people
/// concerned by a case's rises are notified in the same unit of work: the rise and its inbox rows commit together, so
/// running it twice changes nothing more and notifies no one again, and a crash loses neither.
/// </summary>
public sealed class ClockWatch(ICaseQueries queries, CaseCommands commands, CaseClock clock, WarningNotices notices)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var observed = 0;
        foreach (var caseId in await queries.ClocksDueByAsync(clock.Now, 1000, cancellationToken))
        {
            try
            {
                await commands.ExecuteAsync(caseId, async step =>
                {
                    var rises = step.Case.ObserveClocks(clock.Due, clock.Now);
                    if (rises.Count > 0)
                        step.Notify(await notices.ForAsync(step.Case, rises, cancellationToken));
                }, cancellationToken);
                observed++;
            }
            catch (CaseConflictException)
            {
                // Someone changed the case meanwhile; their save re-armed its next threshold.
            }
        }
        return observed;
    }
}

namespace Approval.Workflows.Cases;

/// <summary>
/// Moves warning levels as time passes, not when a page is opened: the cases whose next threshold has come (an
/// index range, not a scan of open cases) are observed and saved, which re-arms their next threshold. Running it
/// twice changes nothing more.
/// </summary>
public sealed class ClockWatch(ICaseQueries queries, CaseCommands commands, CaseClock clock)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var observed = 0;
        foreach (var caseId in await queries.ClocksDueByAsync(clock.Now, 1000, cancellationToken))
        {
            try
            {
                await commands.ExecuteAsync(caseId, step =>
                {
                    step.Case.ObserveClocks(clock.Due, clock.Now);
                    return Task.CompletedTask;
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

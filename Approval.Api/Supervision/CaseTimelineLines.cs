using Approval.Workflows.Cases;

namespace Approval.Api.Supervision;

/// <summary>
/// Writes a supervision step onto the timeline of the case it concerns, through the case's own unit of work
/// (<see cref="CaseCommands"/>). The notice or complaint row is saved first, then the line: the case document is
/// written whole under its revision, so the line is its own step, retried when a department's step on the same case
/// wins the race. Supervisors change nothing else of a case.
/// </summary>
internal sealed class CaseTimelineLines(CaseCommands cases)
{
    private const int Attempts = 3;

    public async Task AddAsync(string? caseId, DateTimeOffset at, string actor, CaseAction action, string? reason, string detail, CancellationToken cancellationToken)
    {
        if (caseId is null)
            return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cases.ExecuteAsync(caseId, step =>
                {
                    step.Case.RecordSupervision(at, actor, action, reason, detail);
                    return Task.CompletedTask;
                }, cancellationToken);
                return;
            }
            catch (CaseConflictException) when (attempt < Attempts)
            {
                // Someone saved the case meanwhile: load it again and add the line to what they saved.
            }
        }
    }
}

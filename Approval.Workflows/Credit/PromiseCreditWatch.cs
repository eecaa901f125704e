using Approval.Workflows.Cases;

namespace Approval.Workflows.Credit;

/// <summary>A case holding a promise (容缺, or 告知承诺 until verified) that supervision has not flagged: whose, and when it was accepted.</summary>
public sealed record PromiseAcceptance(string CaseId, string ApplicantIdNumber, DateTimeOffset AcceptedAt);

/// <summary>
/// Supervision of acceptance under a promise (违规容缺受理, 违规告知承诺受理): the window refuses a 警示/失信 applicant the path, but a case
/// can still hold one — written past the window's check, or the standing changed between the check and the commit. Each
/// sweep assesses the open promises not flagged yet as of their acceptance and records a
/// <see cref="ViolationKind.PromiseDespiteCredit"/> violation on those the standing excluded. A standing as of an instant
/// never changes afterwards (records are never deleted; a later record, repair or revocation does not reach back), so the
/// answer for a case is final: running the sweep again records nothing more.
/// </summary>
public sealed class PromiseCreditWatch(ICaseQueries queries, CaseCommands commands, CreditStandings standings, CaseClock clock)
{
    public const int Batch = 500;

    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var flagged = 0;
        string? after = null;
        while (true)
        {
            var promises = await queries.OpenPromisesUnflaggedAsync(after, Batch, cancellationToken);
            foreach (var promise in promises)
            {
                // Most promises are in order: one read of the applicant's records decides, and the case is not written.
                if ((await standings.AssessAsync(promise.ApplicantIdNumber, promise.AcceptedAt, cancellationToken)).AllowsPromise)
                    continue;
                try
                {
                    var applied = false;
                    await commands.ExecuteAsync(promise.CaseId, async step =>
                    {
                        var acceptedAt = step.Case.Timeline.LastOrDefault(e => e.Action is CaseAction.AcceptedWithMissingMaterials or CaseAction.AcceptedUnderCommitment)?.At
                            ?? promise.AcceptedAt;
                        var standing = await standings.AssessAsync(step.Case.Applicant.IdNumber, acceptedAt, cancellationToken);
                        applied = step.Case.FlagPromiseDespiteCredit(standing, clock.Now);
                    }, cancellationToken);
                    if (applied)
                        flagged++;
                }
                catch (CaseConflictException)
                {
                    // Changed meanwhile: the next sweep looks again.
                }
            }
            if (promises.Count < Batch)
                return flagged;
            after = promises[^1].CaseId;
        }
    }
}

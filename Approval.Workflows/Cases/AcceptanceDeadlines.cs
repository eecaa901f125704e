namespace Approval.Workflows.Cases;

/// <summary>Finds cases by what the clock rules need; the store answers from an index, never by loading every case.</summary>
public interface ICaseQueries
{
    /// <summary>Whether any case exists (a fresh installation has none).</summary>
    Task<bool> AnyCaseAsync(CancellationToken cancellationToken = default);

    /// <summary>Ids of cases still waiting for the window's answer, received at or before <paramref name="receivedBy"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> UnansweredSinceAsync(DateTimeOffset receivedBy, int max, CancellationToken cancellationToken = default);

    /// <summary>Ids of open cases whose promised materials (容缺) were due at or before <paramref name="dueBy"/>.</summary>
    Task<IReadOnlyList<string>> PromisesDueByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default);

    /// <summary>Ids of open cases whose 容缺 reminder (<see cref="Case.PromiseReminderAt"/>) is due at or before <paramref name="dueBy"/>.</summary>
    Task<IReadOnlyList<string>> PromiseRemindersDueByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Open cases holding a promise (容缺) with no <see cref="ViolationKind.PromiseDespiteCredit"/> violation, after
    /// <paramref name="afterId"/> in id order, a batch at a time (<see cref="Credit.PromiseCreditWatch"/>).
    /// </summary>
    Task<IReadOnlyList<Credit.PromiseAcceptance>> OpenPromisesUnflaggedAsync(string? afterId, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ids of cases whose 告知承诺 awaits verification (<see cref="Case.AwaitsCommitmentVerification"/>) with its due instant
    /// at or before <paramref name="dueBy"/> and no <see cref="ViolationKind.CommitmentVerificationOverdue"/> yet, earliest first.
    /// </summary>
    Task<IReadOnlyList<string>> CommitmentsUnverifiedByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default);

    /// <summary>Ids of cases whose next warning threshold (of the case or a task) is at or before <paramref name="dueBy"/>, earliest first.</summary>
    Task<IReadOnlyList<string>> ClocksDueByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default);

    /// <summary>Ids of open cases (<see cref="Case.OpenStatuses"/>) after <paramref name="afterId"/> in id order, a batch at a time.</summary>
    Task<IReadOnlyList<string>> OpenCasesAfterAsync(string? afterId, int max, CancellationToken cancellationToken = default);
}

/// <summary>
/// Art. 32 by itself: an application the window has not answered within 5 working days counts as accepted on the
/// day it was received, and its process starts. Run by a recurring job; running it twice changes nothing more.
/// </summary>
public sealed class AcceptanceDeadlines(ICaseQueries queries, CaseCommands commands, CaseProcess process, CaseClock clock)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        // Five working days are at least five calendar days: older receipts are the only candidates.
        var candidates = await queries.UnansweredSinceAsync(clock.Now.AddDays(-clock.Rules.AcceptanceWindowDays), 500, cancellationToken);
        var accepted = 0;
        foreach (var caseId in candidates)
        {
            try
            {
                var applied = false;
                await commands.ExecuteAsync(caseId, async step =>
                {
                    if (!step.Case.DeemAcceptedIfUnanswered(clock))
                        return;
                    applied = true;
                    var (instance, result) = await process.StartAsync(step.Session, step.Case, step.Item, cancellationToken);
                    step.Ran(instance, result);
                }, cancellationToken);
                if (applied)
                    accepted++;
            }
            catch (CaseConflictException)
            {
                // A clerk answered at the same moment: their step stands; the next sweep looks again.
            }
        }
        return accepted;
    }

    /// <summary>容缺: the applicant is reminded once, a working day before, of the materials still owed (the reminder tells them).</summary>
    public async Task<int> RemindPromisesAsync(CancellationToken cancellationToken = default)
    {
        var reminded = 0;
        foreach (var caseId in await queries.PromiseRemindersDueByAsync(clock.Now, 500, cancellationToken))
        {
            try
            {
                var applied = false;
                await commands.ExecuteAsync(caseId, step =>
                {
                    applied = step.Case.RemindPromiseDue(clock);
                    return Task.CompletedTask;
                }, cancellationToken);
                if (applied)
                    reminded++;
            }
            catch (CaseConflictException)
            {
                // Changed meanwhile; the next sweep looks again.
            }
        }
        return reminded;
    }

    /// <summary>
    /// 容缺: a case whose promised materials did not arrive by close of business of the promised day is terminated, decided
    /// or not, and the applicant gets a bad credit record for it (<see cref="Credit.BrokenPromiseRecord"/>).
    /// </summary>
    public async Task<int> TerminateBrokenPromisesAsync(CancellationToken cancellationToken = default)
    {
        var terminated = 0;
        foreach (var caseId in await queries.PromisesDueByAsync(clock.Now, 500, cancellationToken))
        {
            try
            {
                var applied = false;
                await commands.ExecuteAsync(caseId, async step =>
                {
                    if (!step.Case.PromiseBroken(clock))
                        return;
                    applied = true;
                    var promise = step.Case.Promise!;
                    step.Case.TerminateForBrokenPromise(clock);
                    // The broken promise is a bad credit record of the applicant, saved with the termination: both or neither.
                    step.Session.RecordCredit(Credit.BrokenPromiseRecord.Of(step.Case, step.Item, promise, clock.Now, clock.Due.Hours.DateOf(clock.Now)));
                    await process.CancelAsync(step.Session, step.Case, cancellationToken);
                }, cancellationToken);
                if (applied)
                    terminated++;
            }
            catch (CaseConflictException)
            {
                // Changed meanwhile (the materials may just have arrived): the next sweep looks again.
            }
        }
        return terminated;
    }

    /// <summary>
    /// 告知承诺未按期核查: a commitment still unverified past its period is the lead department's violation, once; the
    /// case stays on the department's 待核查 list until it is verified.
    /// </summary>
    public async Task<int> FlagUnverifiedCommitmentsAsync(CancellationToken cancellationToken = default)
    {
        var flagged = 0;
        foreach (var caseId in await queries.CommitmentsUnverifiedByAsync(clock.Now, 500, cancellationToken))
        {
            try
            {
                var applied = false;
                await commands.ExecuteAsync(caseId, step =>
                {
                    applied = step.Case.FlagUnverifiedCommitment(clock);
                    return Task.CompletedTask;
                }, cancellationToken);
                if (applied)
                    flagged++;
            }
            catch (CaseConflictException)
            {
                // Verified meanwhile, perhaps: the next sweep looks again.
            }
        }
        return flagged;
    }
}

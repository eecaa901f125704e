using Approval.Workflows.Catalog;
using Approval.Workflows.Notifications;
using Approval.Workflows.Notifications.Feedback;
using Approval.Workflows.Inputs;
using Approval.Workflows.People;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>A submission's outcome: the case, and whether this request created it (false for a retried key).</summary>
public sealed record Intake(Case Case, bool Created);

/// <summary>
/// 网上申报 and window registration: validates the application and files it as a case, idempotently. The applicant is told
/// it was received (number and query code) in the same commit; a retried submission tells them nothing more.
/// </summary>
public sealed class CaseIntake(ICatalog catalog, ICaseSessions sessions, CaseNumbers numbers, TimeProvider time, IDeadlineAlarms alarms, CaseClock clock,
    ApplicantNotices? applicantNotices = null, INotificationOutbox? outbox = null)
{
    /// <summary>
    /// Files an application. With an idempotency key, a retried submission returns the case the first one created.
    /// </summary>
    /// <exception cref="ApplicationInvalidException">Every field that is wrong; nothing was saved.</exception>
    public Task<Intake> SubmitAsync(Application application, string submitter, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        SubmitAsync(application, submitter, submitter, idempotencyKey, cancellationToken);

    /// <summary>
    /// Files an application for a signed-in person: the timeline names them as every other step does (<c>李敏 (clerk)</c>,
    /// <see cref="Actor.Of"/>); an idempotency key is theirs by their user id.
    /// </summary>
    /// <exception cref="ApplicationInvalidException">Every field that is wrong; nothing was saved.</exception>
    public Task<Intake> SubmitAsync(Application application, User submitter, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        SubmitAsync(application, submitter.Id, Actor.Of(submitter).Name, idempotencyKey, cancellationToken);

    private async Task<Intake> SubmitAsync(Application application, string submitter, string actor, string? idempotencyKey, CancellationToken cancellationToken)
    {
        application.CheckLimits();
        TextLimits.Check("Idempotency-Key", idempotencyKey, TextLimits.Code);
        var fingerprint = application.Fingerprint();
        if (idempotencyKey is not null && await FindSubmittedAsync(idempotencyKey, submitter, fingerprint, cancellationToken) is { } earlier)
            return new Intake(earlier, false);

        var item = await catalog.FindItemAsync(application.ItemCode, cancellationToken);
        var problems = application.Problems(item);
        if (problems.Count > 0)
            throw new ApplicationInvalidException(problems);

        for (var attempt = 1; ; attempt++)
        {
            var number = await numbers.NextNumberAsync(cancellationToken);
            var now = time.GetUtcNow();
            var @case = Case.Submit(Guid.CreateVersion7(now).ToString("N"), number, CaseNumbers.NewQueryCode(), item!,
                application.Applicant, application.Form ?? [], actor, now, clock.Rules);
            @case.NoteProvisionalDeadlines(clock);
            await using var session = await sessions.OpenAsync(cancellationToken);
            session.Add(@case);
            if (idempotencyKey is not null)
                session.AddSubmission(idempotencyKey, submitter, @case.Id, fingerprint);
            var received = applicantNotices is null ? [] : await applicantNotices.ForLinesAsync(@case, item!, 0, cancellationToken);
            if (received.Count > 0)
                session.Notify(received);
            try
            {
                await session.CommitAsync(cancellationToken);
                if (received.Count > 0)
                    outbox?.Wake();
                // Art. 32: the window's answer is due within 5 working days; the sweep accepts by silence then.
                alarms.Arm(@case.Id, clock.AcceptanceDeadline(@case.ReceivedAt));
                if (@case.NextClockThreshold(clock.Due, now) is { } prompt)
                    alarms.Arm(@case.Id, prompt);
                return new Intake(@case, true);
            }
            catch (CaseConflictException) when (attempt < 5)
            {
                // The same submission raced itself (the first one won), or the number was taken by a case filed before numbers
                // were counted (EfCaseNumberSerials starts a day after its cases already filed): draw the next.
            }
            if (idempotencyKey is not null && await FindSubmittedAsync(idempotencyKey, submitter, fingerprint, cancellationToken) is { } concurrent)
                return new Intake(concurrent, false);
        }
    }

    // The key's earlier case, when it was sent with the same application; the IETF Idempotency-Key draft refuses a key
    // reused for another request rather than answering it with the first one's result (the new application would be lost).
    private async Task<Case?> FindSubmittedAsync(string key, string submitter, string fingerprint, CancellationToken cancellationToken)
    {
        await using var session = await sessions.OpenAsync(cancellationToken);
        if (await session.FindSubmissionAsync(key, submitter, cancellationToken) is not { } earlier)
            return null;
        if (earlier.Fingerprint is { } first && first != fingerprint)
            throw new IdempotencyKeyReusedException();
        return await session.FindAsync(earlier.CaseId, cancellationToken);
    }
}

/// <summary>An Idempotency-Key sent again with another application: nothing was filed.</summary>
public sealed class IdempotencyKeyReusedException() : Exception(Reused.Text), IRefused
{
    private static readonly Refusal Reused = Refusal.Of(RefusalCode.IdempotencyKeyReused,
        $"the key was used for another request: send a new Idempotency-Key for a new application");

    public Refusal Refusal => Reused;
}

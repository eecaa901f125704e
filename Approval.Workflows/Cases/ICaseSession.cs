using Approval.Engine.Runtime;

namespace Approval.Workflows.Cases;

/// <summary>
/// One unit of work on cases: the cases loaded and added, the workflow instances their steps advanced, and the
/// notifications they raised, all saved by one <see cref="CommitAsync"/> in one transaction — a case is never half-written. A store (EF Core in
/// Approval.Api) implements it; tests run it on real SQLite and PostgreSQL.
/// </summary>
public interface ICaseSession : IAsyncDisposable
{
    Task<Case?> FindAsync(string caseId, CancellationToken cancellationToken = default);

    Task<Case?> FindByNumberAsync(string number, CancellationToken cancellationToken = default);

    void Add(Case @case);

    Task<WorkflowInstance?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Saves the instance with the case, guarded by its revision like every workflow save.</summary>
    Task StageInstanceAsync(WorkflowInstance instance, RunResult result, bool isNew, CancellationToken cancellationToken = default);

    /// <summary>The case a submission with this idempotency key created, and the fingerprint of that application, if any.</summary>
    Task<KeyedSubmission?> FindSubmissionAsync(string idempotencyKey, string submitter, CancellationToken cancellationToken = default);

    /// <summary>Remembers the key with the case it created and the fingerprint of the application (<see cref="Application.Fingerprint"/>).</summary>
    void AddSubmission(string idempotencyKey, string submitter, string caseId, string fingerprint);

    /// <summary>Inbox rows for the people a step concerns, saved by the same commit as the case: both or neither.</summary>
    void Notify(IEnumerable<Notifications.Notification> notifications);

    /// <summary>A credit record a step writes by itself (a broken 容缺 promise), saved by the same commit as the case: both or neither.</summary>
    void RecordCredit(Credit.CreditRecordChange entered);

    /// <summary>Saves everything in one transaction.</summary>
    /// <exception cref="CaseConflictException">A case or instance was saved by someone else since it was loaded.</exception>
    Task CommitAsync(CancellationToken cancellationToken = default);
}

/// <summary>Opens units of work.</summary>
public interface ICaseSessions
{
    Task<ICaseSession> OpenAsync(CancellationToken cancellationToken = default);
}

/// <summary>Someone else changed the case first; nothing of this attempt was saved.</summary>
public sealed class CaseConflictException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A submission remembered by its idempotency key: the case it created and its application's fingerprint (null for keys kept before fingerprints were).</summary>
public sealed record KeyedSubmission(string CaseId, string? Fingerprint);

using Approval.Engine.Runtime;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;

namespace Approval.Api.DemoData;

/// <summary>
/// The store the domain's use cases see while one case's history is simulated: the case in hand and its workflow
/// instance, in memory. A commit remembers what the case's row would say (its next warning threshold), so the sweeps
/// (<see cref="AcceptanceDeadlines"/>, <see cref="ClockWatch"/>) find the case exactly when they would find its row.
/// Every run staged is kept, for the execution log written with the instance.
/// </summary>
internal sealed class HistorySession(SimulatedClock clock, DueInstantCalculator due) : ICaseSessions, ICaseSession, ICaseQueries
{
    private readonly List<ExecutionLogEntry> _log = [];
    private Case? _case;
    private WorkflowInstance? _instance;
    private DateTimeOffset? _nextDeadline;

    public Case Case => _case ?? throw new InvalidOperationException("No case is being simulated.");
    public WorkflowInstance? Instance => _instance;
    public IReadOnlyList<ExecutionLogEntry> Log => _log;
    /// <summary>Units of work committed on the case: its row's revision had each been saved.</summary>
    public int Commits { get; private set; }
    /// <summary>Saves of the workflow instance: its row's revision.</summary>
    public int InstanceSaves { get; private set; }

    /// <summary>Starts on a newly submitted case, as its intake would have saved it.</summary>
    public void Begin(Case submitted)
    {
        _case = submitted;
        _instance = null;
        _log.Clear();
        Commits = 1;
        InstanceSaves = 0;
        _nextDeadline = null;
    }

    public Task<ICaseSession> OpenAsync(CancellationToken cancellationToken = default) => Task.FromResult<ICaseSession>(this);

    public Task<Case?> FindAsync(string caseId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_case?.Id == caseId ? _case : null);

    public Task<Case?> FindByNumberAsync(string number, CancellationToken cancellationToken = default) =>
        Task.FromResult(_case?.Number == number ? _case : null);

    public void Add(Case @case) => throw new NotSupportedException("The simulator submits its cases itself (Begin).");

    public Task<WorkflowInstance?> FindInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_instance?.Id == instanceId ? _instance : null);

    public Task StageInstanceAsync(WorkflowInstance instance, RunResult result, bool isNew, CancellationToken cancellationToken = default)
    {
        _instance = instance;
        InstanceSaves++;
        _log.AddRange(result.Log);
        return Task.CompletedTask;
    }

    // Notifications of the past are not sent: they would only flood the demo users' inboxes.
    public void Notify(IEnumerable<Approval.Workflows.Notifications.Notification> notifications)
    {
    }

    // A promise broken in a generated past writes no record: the history's records are GeneratedCreditRecords' alone.
    public void RecordCredit(Approval.Workflows.Credit.CreditRecordChange entered)
    {
    }

    public Task<KeyedSubmission?> FindSubmissionAsync(string idempotencyKey, string submitter, CancellationToken cancellationToken = default) =>
        Task.FromResult<KeyedSubmission?>(null);

    public void AddSubmission(string idempotencyKey, string submitter, string caseId, string fingerprint) =>
        throw new NotSupportedException("Simulated cases have no idempotency keys.");

    public Task CommitAsync(CancellationToken cancellationToken = default)
    {
        Commits++;
        _nextDeadline = Case.NextClockThreshold(due, clock.Now);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public Task<bool> AnyCaseAsync(CancellationToken cancellationToken = default) => Task.FromResult(_case is not null);

    public Task<IReadOnlyList<string>> UnansweredSinceAsync(DateTimeOffset receivedBy, int max, CancellationToken cancellationToken = default) =>
        Only(_case is { Status: CaseStatus.Submitted } c && c.ReceivedAt <= receivedBy);

    public Task<IReadOnlyList<string>> PromisesDueByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) =>
        Only(PromiseDueAt is { } at && at <= dueBy);

    public Task<IReadOnlyList<string>> CommitmentsUnverifiedByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) =>
        Only(_case is { AwaitsCommitmentVerification: true, Commitment.VerificationDueAt: { } due } && due <= dueBy
            && _case.Violations.All(v => v.Kind != ViolationKind.CommitmentVerificationOverdue));

    public Task<IReadOnlyList<Approval.Workflows.Credit.PromiseAcceptance>> OpenPromisesUnflaggedAsync(string? afterId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Approval.Workflows.Credit.PromiseAcceptance>>(
            _case is { AcceptedAt: { } at } && (_case.PromiseDueAt(due) is not null || _case.CommitmentWatched)
            && _case.Violations.All(v => v.Kind != ViolationKind.PromiseDespiteCredit)
            && (afterId is null || string.CompareOrdinal(_case.Id, afterId) > 0)
                ? [new(_case.Id, _case.Applicant.IdNumber, at)] : []);

    public Task<IReadOnlyList<string>> PromiseRemindersDueByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) =>
        Only(_case?.PromiseReminderAt(due) is { } at && at <= dueBy);

    public Task<IReadOnlyList<string>> ClocksDueByAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) =>
        Only(_nextDeadline is { } next && next <= dueBy);

    /// <summary>The next instant a sweep would act on the case: its acceptance window, its 容缺 promise, its next warning threshold.</summary>
    public DateTimeOffset? NextSweepAt(CaseClock caseClock)
    {
        DateTimeOffset? next = _nextDeadline;
        if (_case is { Status: CaseStatus.Submitted } c)
            next = Earliest(next, caseClock.AcceptanceDeadline(c.ReceivedAt));
        return Earliest(next, PromiseDueAt);
    }

    private DateTimeOffset? PromiseDueAt => _case?.PromiseDueAt(due);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    public Task<IReadOnlyList<string>> OpenCasesAfterAsync(string? afterId, int max, CancellationToken cancellationToken = default) =>
        Only(_case is { IsOpen: true } && (afterId is null || string.CompareOrdinal(_case.Id, afterId) > 0));

    private Task<IReadOnlyList<string>> Only(bool due) => Task.FromResult<IReadOnlyList<string>>(due ? [Case.Id] : []);
}

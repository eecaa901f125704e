using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Notifications;

namespace Approval.Api.DemoData;

/// <summary>A case whose history was simulated up to the end instant, with the workflow instance running its process.</summary>
internal sealed record SimulatedCase(Case Case, int Revision, WorkflowInstance? Instance, int InstanceRevision, IReadOnlyList<ExecutionLogEntry> Log);

/// <summary>
/// One worker of the demo history: the application's own use cases (<see cref="WindowDesk"/>, <see cref="DepartmentDesk"/>,
/// <see cref="ApplicantDesk"/>, the deadline sweeps) wired on a <see cref="SimulatedClock"/>, the workflow engine with the
/// published definitions, and an in-memory unit of work. Steps go through the same code as over HTTP; between steps the
/// clock jumps, and every sweep instant on the way (acceptance window, 容缺 promise, warning thresholds) is visited, as
/// the minutely Hangfire sweep would have. Not thread-safe: one per thread.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The session's DisposeAsync ends a unit of work in memory; it holds no resource.")]
internal sealed class CaseSimulator
{
    private readonly SimulatedClock _clock = new();
    private readonly HistorySession _session;
    private readonly AcceptanceDeadlines _acceptance;
    private readonly ClockWatch _watch;
    private readonly ICatalog _catalog;
    private readonly CaseCommands _commands;

    public CaseSimulator(ICatalog catalog, IWorkflowDefinitionStore definitions, DueInstantCalculator due, CaseRules rules, DateTimeOffset end,
        Approval.Workflows.Credit.ICreditRecords creditRecords)
    {
        End = end;
        _catalog = catalog;
        _session = new HistorySession(_clock, due);
        var engine = new WorkflowEngine(WorkflowActivities.CreateRegistry(), _clock);
        var runtime = new WorkflowRuntime(engine, definitions, new InMemoryWorkflowStore(), QuietSimulation.Instance);
        Clock = new CaseClock(due, rules, _clock);
        var credit = Credit = new Approval.Workflows.Credit.CreditStandings(creditRecords, new Approval.Workflows.Credit.CreditRules(), due.Hours);
        var process = new CaseProcess(runtime, Clock, credit);
        var commands = _commands = new CaseCommands(_session, catalog, process, QuietSimulation.Instance, Clock, QuietSimulation.Instance);
        Window = new WindowDesk(commands, process, Clock, credit);
        Departments = new DepartmentDesk(commands, process, Clock, QuietSimulation.Instance);
        Applicants = new ApplicantDesk(commands, process, Clock);
        _acceptance = new AcceptanceDeadlines(_session, commands, process, Clock);
        _watch = new ClockWatch(_session, commands, Clock, new WarningNotices(QuietSimulation.Instance));
    }

    /// <summary>Where every history stops: the generation's "now". Steps planned later have not happened yet.</summary>
    public DateTimeOffset End { get; }
    public CaseClock Clock { get; }
    public WindowDesk Window { get; }
    public DepartmentDesk Departments { get; }
    public ApplicantDesk Applicants { get; }
    /// <summary>The applicants' standings (<see cref="GeneratedCreditRecords"/>), as the window checks them.</summary>
    public Approval.Workflows.Credit.CreditStandings Credit { get; }
    public Case Case => _session.Case;
    public WorkflowInstance? Instance => _session.Instance;
    public DateTimeOffset Now => _clock.Now;

    public async Task<ApprovalItem> ItemAsync(string code) =>
        await _catalog.FindItemAsync(code) ?? throw new InvalidOperationException($"The catalog has no item {code}.");

    /// <summary>Files a submitted case (as <see cref="CaseIntake"/> would, with the ids given) at its receipt instant.</summary>
    public void Submit(CasePlan plan, ApprovalItem item, Application application)
    {
        if (application.Problems(item) is { Count: > 0 } problems)
            throw new ApplicationInvalidException(problems);
        _clock.Now = plan.ReceivedAt;
        _session.Begin(Case.Submit(plan.CaseId, plan.Number, plan.QueryCode, item, application.Applicant, application.Form ?? [], CaseStory.NameOf(plan.Submitter), plan.ReceivedAt, Clock.Rules));
    }

    /// <summary>A step of the case with no use case of its own (容缺 materials handed in), in a unit of work like any other.</summary>
    public Task StepAsync(Action<Case, CaseClock> step) =>
        _commands.ExecuteAsync(Case.Id, s =>
        {
            step(s.Case, Clock);
            return Task.CompletedTask;
        }, CancellationToken.None);

    /// <summary>
    /// Moves the clock to <paramref name="at"/>, running each sweep that falls due on the way. False when
    /// <paramref name="at"/> is past the end: the clock stops at the end and the step does not happen.
    /// </summary>
    public async Task<bool> AtAsync(DateTimeOffset at)
    {
        var target = at < End ? at : End;
        if (target < _clock.Now)
            target = _clock.Now;
        while (_session.NextSweepAt(Clock) is { } next && next <= target)
        {
            if (next > _clock.Now)
                _clock.Now = next;
            var before = (_session.Commits, Case.Status);
            await _acceptance.SweepAsync();
            await _acceptance.TerminateBrokenPromisesAsync();
            await _watch.SweepAsync();
            // A sweep instant the sweeps had nothing to do at (already past): move on rather than wait on it forever.
            if ((_session.Commits, Case.Status) == before)
                break;
        }
        _clock.Now = target;
        return at <= End;
    }

    /// <summary>The case as it stands at the end instant.</summary>
    public async Task<SimulatedCase> FinishAsync()
    {
        await AtAsync(End);
        return new SimulatedCase(Case, _session.Commits, Instance, _session.InstanceSaves, [.. _session.Log]);
    }
}

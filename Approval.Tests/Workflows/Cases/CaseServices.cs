using Approval.Api.Engine;
using Approval.Api.Hosting;
using Approval.Api.Notifications;
using Approval.Api.Persistence;
using Approval.Engine.Hosting;
using Approval.Tests.Persistence;
using Approval.Workflows.Cases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Workflows.Cases;

/// <summary>The domain's services on a real database, a fake clock in Beijing time, and the workflows/ definitions.</summary>
internal sealed class CaseServices : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private CaseServices(TestDatabase database, ServiceProvider services, FakeTimeProvider clock)
    {
        _database = database;
        _services = services;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }
    public RecordingDeadlineAlarms Alarms => (RecordingDeadlineAlarms)_services.GetRequiredService<IDeadlineAlarms>();
    public RecordingTimerScheduler Timers => (RecordingTimerScheduler)_services.GetRequiredService<IWorkflowTimerScheduler>();
    public CaseIntake Intake => _services.GetRequiredService<CaseIntake>();
    public WindowDesk Window => _services.GetRequiredService<WindowDesk>();
    public DepartmentDesk Departments => _services.GetRequiredService<DepartmentDesk>();
    public ApplicantDesk Applicants => _services.GetRequiredService<ApplicantDesk>();
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public AcceptanceDeadlines Sweep => _services.GetRequiredService<AcceptanceDeadlines>();
    public ClockWatch Watch => _services.GetRequiredService<ClockWatch>();
    public Corrections Corrections => _services.GetRequiredService<Corrections>();
    public CaseCommands Commands => _services.GetRequiredService<CaseCommands>();
    public RecordingNotificationOutbox Outbox => (RecordingNotificationOutbox)_services.GetRequiredService<Approval.Workflows.Notifications.INotificationOutbox>();
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();
    public TestDatabase Database => _database;

    /// <param name="settings">More configuration, e.g. <c>Approval:Smtp</c>.</param>
    public static async Task<CaseServices> StartAsync(DatabaseProvider provider, string beijingNow, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(ACase.Beijing(beijingNow));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.SettingsForTests).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(clock)
            .AddLogging()
            .AddApprovalPersistence(configuration)
            .AddApprovalEngine()
            .AddApprovalDomain(configuration)
            .AddApprovalNotifications(configuration)
            .AddSingleton<IWorkflowTimerScheduler, RecordingTimerScheduler>()
            .AddSingleton<IDeadlineAlarms, RecordingDeadlineAlarms>()
            .AddSingleton<Approval.Workflows.Notifications.INotificationOutbox, RecordingNotificationOutbox>()
            .BuildServiceProvider();
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        foreach (var file in Directory.GetFiles(Approval.Tests.Workflows.Process.ProcessHarness.WorkflowsFolder, "*.json"))
            Assert.That((await runtime.SaveDefinitionAsync(await File.ReadAllTextAsync(file), file)).Errors, Is.Empty);
        await services.GetRequiredService<DemoCatalogSeed>().SeedAsync(CancellationToken.None);
        return new CaseServices(database, services, clock);
    }

    /// <summary>Moves the clock to a Beijing local time.</summary>
    public void At(string beijing) => Clock.SetUtcNow(ACase.Beijing(beijing));

    public async Task<Case> LoadAsync(string caseId)
    {
        await using var session = await _services.GetRequiredService<ICaseSessions>().OpenAsync();
        return (await session.FindAsync(caseId))!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}

/// <summary>Remembers the deadline alarms the domain armed.</summary>
internal sealed class RecordingDeadlineAlarms : IDeadlineAlarms
{
    public System.Collections.Concurrent.ConcurrentQueue<(string CaseId, DateTimeOffset At)> Armed { get; } = new();

    public void Arm(string caseId, DateTimeOffset at) => Armed.Enqueue((caseId, at));
}

/// <summary>Counts the outbox's wake-ups; tests run the delivery themselves.</summary>
internal sealed class RecordingNotificationOutbox : Approval.Workflows.Notifications.INotificationOutbox
{
    private int _wakes;

    public int Wakes => _wakes;

    public void Wake() => Interlocked.Increment(ref _wakes);
}

/// <summary>A fixture per database (SQLite, PostgreSQL): fresh <see cref="CaseServices"/> for each test, the clock at 2026-11-24 10:00 Beijing time.</summary>
public abstract class CaseServicesFixture(DatabaseProvider provider)
{
    private CaseServices? _services;

    internal CaseServices Services => _services!;

    /// <summary>More configuration for the services, e.g. <c>Approval:Smtp</c>.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    [SetUp]
    public async Task StartServices() => _services = await CaseServices.StartAsync(provider, "2026-11-24T10:00:00", Settings);

    [TearDown]
    public async Task StopServices()
    {
        if (_services is not null)
            await _services.DisposeAsync();
    }
}

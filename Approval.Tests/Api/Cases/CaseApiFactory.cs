using Approval.Api.Persistence;
using Approval.Tests.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api.Cases;

/// <summary>The application on a fresh SQLite or PostgreSQL database, with a fake clock in Beijing time.</summary>
internal sealed class CaseApiFactory(TestDatabase database, FakeTimeProvider clock, IReadOnlyDictionary<string, string>? settings = null) : ApprovalApiFactoryBase
{
    private bool _ownsDatabase = true;
    // SQLite: the embedded database lives in the data directory, so a second node shares the first one's.
    private string? _sharedDataDirectory;

    public FakeTimeProvider Clock { get; } = clock;

    /// <param name="settings">More configuration, e.g. <c>Approval:Sms</c>.</param>
    public static async Task<CaseApiFactory> StartAsync(DatabaseProvider provider, string beijingNow, IReadOnlyDictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new CaseApiFactory(database, new FakeTimeProvider(Approval.Tests.Workflows.Cases.ACase.Beijing(beijingNow)), settings);
    }

    // The fake clock walks through weeks of a case: tokens live long enough not to expire on the way.
    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string>((database.Provider == DatabaseProvider.Sqlite
            ? []
            : database.SettingsForTests.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!))
            .Concat(settings ?? new Dictionary<string, string>()))
        {
            ["Approval:Auth:TokenLifetime"] = "90.00:00:00",
            ["Approval:DataDirectory"] = _sharedDataDirectory ?? DataDirectory,
        };

    protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public void At(string beijing) => Clock.SetUtcNow(Approval.Tests.Workflows.Cases.ACase.Beijing(beijing));

    /// <summary>A second application on the same database and clock, as another node (or this one restarted) would be.</summary>
    public CaseApiFactory AnotherNode() => new(database, Clock, settings) { _ownsDatabase = false, _sharedDataDirectory = _sharedDataDirectory ?? DataDirectory };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            await database.DisposeAsync();
    }
}

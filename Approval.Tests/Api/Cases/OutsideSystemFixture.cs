using Approval.Api.Persistence;

namespace Approval.Tests.Api.Cases;

/// <summary>
/// A fixture of one application per database (SQLite or PostgreSQL) beside a loopback stand-in for a system outside it
/// (an SMTP server, a department's system, a webhook receiver), started before the application so that its address can be
/// configured, and stopped after it; the administrator's client is signed in once for the fixture.
/// </summary>
public abstract class OutsideSystemFixture(DatabaseProvider provider)
{
    /// <summary>The stand-in (the fixture reads it through a property of its own type).</summary>
    private protected IDisposable Outside { get; private set; } = null!;

    private protected CaseApiFactory Factory { get; private set; } = null!;

    private protected HttpClient Admin { get; private set; } = null!;

    /// <summary>The stand-in, listening before the application starts.</summary>
    private protected abstract IDisposable StartOutside();

    /// <summary>The application's configuration, read after <see cref="StartOutside"/>: it may name the stand-in's address.</summary>
    private protected abstract Dictionary<string, string> Settings { get; }

    [OneTimeSetUp]
    public async Task StartApplication()
    {
        Outside = StartOutside();
        Factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T09:00:00", Settings);
        Admin = await Factory.CreateClientAsync("admin");
    }

    [OneTimeTearDown]
    public async Task StopApplication()
    {
        Admin?.Dispose();
        if (Factory is not null)
            await Factory.DisposeAsync();
        Outside?.Dispose();
    }
}

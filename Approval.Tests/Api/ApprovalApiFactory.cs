using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Tests.Persistence;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Hosting;
using Approval.Tests.Api.Contract;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Approval.Tests.Api;

/// <summary>
/// The real application over HTTP in memory, with its data in a temporary folder and no job server, on a clock pinned at
/// <see cref="ApprovalApiFactoryBase.PinnedNow"/>: what it answers does not depend on the year the suite runs in.
/// </summary>
internal sealed class ApprovalApiFactory : ApprovalApiFactoryBase
{
    public FakeTimeProvider Clock { get; } = new(PinnedNow);

    protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>
/// The application under test, with its demo users; subclasses replace services (a fake clock, a PostgreSQL database).
/// <see cref="CreateClientAsync(Role)"/> gives a client signed in with a bearer token.
/// </summary>
internal abstract class ApprovalApiFactoryBase : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "approval-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Where a factory without a clock of its own starts: a working Monday of a year the shipped calendar has, 09:00 Beijing.</summary>
    public static readonly DateTimeOffset PinnedNow = new(2026, 6, 15, 9, 0, 0, TimeSpan.FromHours(8));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Approval:DataDirectory", DataDirectory);
        builder.UseSetting("Approval:BackgroundJobs:RunServer", "false");
        // Tests make their own cases; DemoCaseSeedTests turns the demo cases on.
        builder.UseSetting("Approval:Demo:SeedCases", "false");
        // The fewest iterations the hasher accepts in the environment: each start hashes the passwords of all demo users.
        var iterations = EnvironmentName == Pbkdf2PasswordHasher.TestingEnvironment ? Pbkdf2PasswordHasher.TestingMinimumIterations : Pbkdf2PasswordHasher.MinimumIterations;
        builder.UseSetting("Approval:Auth:PasswordIterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Tests sign in again and again from one address: the abuse limits are off unless a test sets them (Identity/AbuseLimitTests).
        foreach (var limit in (string[])["SignInPerAddress", "SignInPerAccount", "StatusQueryPerAddress", "CalendarPerAddress"])
            builder.UseSetting($"Approval:RateLimits:{limit}", "0");
        var settings = Settings;
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(Configure);
        StartOnMigratedCopy(settings);
    }

    /// <summary>
    /// Gives an embedded database that does not exist yet the run's migrated template (<see cref="MigratedTemplates"/>),
    /// as the application would have made it at start, minus the migrating.
    /// </summary>
    private void StartOnMigratedCopy(IReadOnlyDictionary<string, string> settings)
    {
        if (settings.TryGetValue($"{DatabaseOptions.Section}:Provider", out var provider) && provider != nameof(DatabaseProvider.Sqlite)
            || settings.ContainsKey($"{DatabaseOptions.Section}:ConnectionString"))
            return;
        var file = Path.Combine(settings.GetValueOrDefault(Approval.Api.Persistence.DataDirectory.Key, DataDirectory), MigratedTemplates.SqliteFileName);
        if (!File.Exists(file))
            MigratedTemplates.CopySqliteToAsync(file).GetAwaiter().GetResult();
    }

    /// <summary>
    /// A client whose every answer is held to the committed OpenAPI document (<see cref="ContractCheck"/>), asking for
    /// English problem texts: the specifications read the API's English sentences (the Chinese default has tests of its own).
    /// </summary>
    public new HttpClient CreateClient() => CreateClient(ClientOptions);

    /// <inheritdoc cref="CreateClient()"/>
    public new HttpClient CreateClient(WebApplicationFactoryClientOptions options)
    {
        // As WebApplicationFactory builds its own (redirects, then cookies), with the contract check innermost: it sees every answer.
        var handlers = new List<DelegatingHandler>();
        if (options.AllowAutoRedirect)
            handlers.Add(new RedirectHandler(options.MaxAutomaticRedirections));
        if (options.HandleCookies)
            handlers.Add(new CookieContainerHandler());
        handlers.Add(new ContractCheck());
        var client = CreateDefaultClient(options.BaseAddress, [.. handlers]);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>A client signed in as the demo user of the role (<c>admin</c>, <c>supervisor</c>, <c>clerk</c>, <c>samr-reviewer</c>, ...).</summary>
    public Task<HttpClient> CreateClientAsync(Role role) => CreateClientAsync(DemoUsers.For(role).UserName);

    /// <summary>A client carrying a bearer token from <c>POST /api/auth/token</c> for the demo user.</summary>
    public async Task<HttpClient> CreateClientAsync(string userName)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = DemoUsers.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The host environment: <c>Testing</c> unless a test is about another one.</summary>
    protected virtual string EnvironmentName => Pbkdf2PasswordHasher.TestingEnvironment;

    /// <summary>More configuration, e.g. the database provider.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Replaces services of the application; by default the clock, pinned at <see cref="PinnedNow"/>.</summary>
    protected virtual void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(new FakeTimeProvider(PinnedNow));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
    }
}

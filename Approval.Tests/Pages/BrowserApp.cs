using System.Net;
using Approval.Api.Identity;
using Approval.Tests.Api;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace Approval.Tests.Pages;

/// <summary>
/// The real application on a loopback port (Kestrel, not the in-memory test server: a browser needs a socket), with a
/// fresh data directory and a fake clock, and Debian's chromium driven by Playwright. The browser is never downloaded:
/// <c>APPROVAL_TEST_CHROMIUM</c> names it (default <c>/usr/bin/chromium</c>); when it is set and missing the tests fail,
/// when it is not set and the default is missing they are skipped with the reason. A browser fixture is
/// <c>[NonParallelizable]</c>, though the other fixtures run two at a time: in the first parallel run two browser fixtures
/// (started together, being neighbours in the run's order) took a first page load past the 15 s step timeout on CI's two
/// cores; alone they do not.
/// </summary>
internal sealed class BrowserApp : IAsyncDisposable
{
    public const string ChromiumVariable = "APPROVAL_TEST_CHROMIUM";
    private const string DefaultChromium = "/usr/bin/chromium";

    private readonly KestrelFactory _factory;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserApp(KestrelFactory factory, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _factory = factory;
        _playwright = playwright;
        _browser = browser;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public FakeTimeProvider Clock => _factory.Clock;

    /// <summary>The running application's services, for arranging what no page does yet (another account, a supervisor's notice).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>An HTTP client of the running application signed in as the user (a bearer token), for arranging many cases at once.</summary>
    public Task<HttpClient> ApiClientAsync(string userName) => _factory.CreateClientAsync(userName);

    /// <summary>Adds a staff account with the demo password (the demo data has one reviewer and one head per department).</summary>
    public async Task AddUserAsync(User user)
    {
        var hasher = Services.GetRequiredService<Pbkdf2PasswordHasher>();
        await Services.GetRequiredService<EfUserStore>().SaveAsync(new UserAccount(user, hasher.Hash(DemoUsers.Password)));
    }

    public static async Task<BrowserApp> StartAsync()
    {
        var chromium = ChromiumPath();
        var factory = new KestrelFactory(new FakeTimeProvider(Approval.Tests.Workflows.Cases.ACase.Beijing("2026-11-24 10:00")));
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new BrowserApp(factory, playwright, browser, address.TrimEnd('/'));
    }

    /// <summary>A fresh browser context (its own cookies) on a laptop-sized window, or a 390 px phone.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
            // The browser's own widgets (a date field) speak Chinese, as a Chinese person's browser does.
            Locale = "zh-CN",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private static string ChromiumPath()
    {
        var configured = Environment.GetEnvironmentVariable(ChromiumVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(configured))
                Assert.Fail($"{ChromiumVariable}={configured}, but there is no such file: install Debian's chromium (apt-get install chromium fonts-noto-cjk).");
            return configured;
        }
        if (!File.Exists(DefaultChromium))
            Assert.Ignore($"No browser at {DefaultChromium} and {ChromiumVariable} is not set: install Debian's chromium and fonts-noto-cjk to run the browser tests.");
        return DefaultChromium;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }

    private sealed class KestrelFactory(FakeTimeProvider clock) : ApprovalApiFactoryBase
    {
        public FakeTimeProvider Clock { get; } = clock;

        // The browser walks through days of a case on the fake clock: the cookie lives long enough.
        protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["Approval:Auth:TokenLifetime"] = "90.00:00:00",
        };

        protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}

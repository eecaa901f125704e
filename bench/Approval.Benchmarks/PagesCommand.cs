using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>pages</c> command: how long the pages each role opens take on a running application (issue #9: everything a
/// supervisor reads opens in under a second at a million cases). Signs in through the sign-in form as the demo users, as a
/// browser does, then requests each page one after another — the server's time plus one local round trip, no browser
/// rendering. Start the application on the database to measure first, e.g. on a <c>seed-demo</c> file with the background
/// jobs off so that no sweep runs meanwhile.
/// </summary>
internal static partial class PagesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = "http://127.0.0.1:5000";
        var iterations = 10;
        var password = "Demo@2026";
        string? caseId = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--url": url = args[i + 1].TrimEnd('/'); break;
                case "--iterations": iterations = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--password": password = args[i + 1]; break;
                case "--case": caseId = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --url, --iterations, --password, --case)");
            }
        }
        if (caseId is null)
        {
            await Console.Error.WriteLineAsync("usage: pages --url URL --case CASE-ID (a case in review, for the drill-down and the reviewer's case page) [--iterations 10] [--password Demo@2026]");
            return 2;
        }

        (string User, string Path)[] pages =
        [
            ("supervisor", "/oversight"), ("supervisor", "/oversight?wall=true"), ("supervisor", "/oversight/lists"),
            ("supervisor", "/oversight/lists?kind=tasks"), ("supervisor", "/oversight/lists?department=fire"),
            ("supervisor", "/oversight/lists?level=Red&page=20"), ("supervisor", $"/oversight/cases/{caseId}"),
            ("supervisor", "/oversight/violations"), ("supervisor", "/oversight/notices"), ("supervisor", "/oversight/complaints"),
            ("supervisor", "/oversight/performance"),
            ("admin", "/admin/catalog"), ("admin", "/admin/definitions"), ("admin", "/admin/calendar"), ("admin", "/admin/users"),
            ("clerk", "/workbench/window"), ("samr-head", "/workbench/tasks"), ("samr-reviewer", "/workbench/tasks"),
            ("samr-reviewer", $"/workbench/cases/{caseId}"), ("applicant", "/portal/mine/cases"),
        ];
        Console.WriteLine(Machine.Describe());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{url}: each page once to warm up, then {iterations} times; milliseconds."));
        Console.WriteLine();
        Console.WriteLine("| page | user | status | bytes | min | median | max |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        var clients = new Dictionary<string, HttpClient>();
        var slow = 0;
        try
        {
            foreach (var (user, path) in pages)
            {
                if (!clients.TryGetValue(user, out var client))
                    clients[user] = client = await SignInAsync(url, user, password);
                var times = new double[iterations];
                var (status, bytes) = (0, 0);
                for (var i = -1; i < iterations; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (i >= 0)
                        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    (status, bytes) = ((int)response.StatusCode, body.Length);
                }
                Array.Sort(times);
                if (times[^1] >= 1000 || status != 200)
                    slow++;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| `{path}` | {user} | {status} | {bytes:N0} | {times[0]:N0} | {times[times.Length / 2]:N0} | {times[^1]:N0} |"));
            }
        }
        finally
        {
            foreach (var client in clients.Values)
                client.Dispose();
        }
        Console.WriteLine();
        Console.WriteLine(slow == 0 ? "Every page answered 200 in under a second, every time." : $"{slow} page(s) answered otherwise than 200 or took a second or more at least once.");
        return slow == 0 ? 0 : 1;
    }

    // As a browser: the form's antiforgery token and cookie, then the sign-in post; the authentication cookie stays in the container.
    private static async Task<HttpClient> SignInAsync(string url, string user, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(url) };
        var form = await client.GetStringAsync(new Uri("/account/sign-in", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["ReturnUrl"] = "/",
        });
        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
        if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri?.AbsolutePath == "/account/sign-in")
            throw new InvalidOperationException($"could not sign in as {user}: {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Workflows.Applicants;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>http-load</c> command: the product's own path under load. Starts Approval.Api as a process of its own (Kestrel on
/// a loopback port, a fresh database, the shipped configuration but for the public status query's per-address limit, which
/// would answer 429 to a driver that is one address), signs in as the demo clerk and supervisor, then runs each mix with N
/// connections for a fixed time after a warm-up, and prints requests/s, p50/p95/p99 and every answer that was not 2xx by
/// status. Then, the application stopped, the raw baseline on the same database: transactions inserting as many rows of
/// as many bytes as one submission wrote (both counted during the run), committed the same way; its rate over the
/// submissions' is the ratio the issue asks for.
/// </summary>
internal static class HttpLoadCommand
{
    private static readonly string[] AllMixes = ["submit", "status", "overview", "catalog"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = HttpLoadOptions.Parse(args);
        await using var database = await BenchDatabase.CreateAsync(options.Postgres, "http");
        var api = ApiAssembly(options.ApiPath);
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"Approval.Api from {api} on {database.Describe}; {options.Connections} connections, {options.WarmupSeconds} s of warm-up then {options.Seconds} s a mix.");

        SubmissionWrites writes;
        var figures = new List<MixFigures>();
        await using (var app = await ApiProcess.StartAsync(api, database, options.Port))
        {
            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.Connections,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                UseCookies = false,
            };
            using var http = new HttpClient(handler) { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            var signIn = Stopwatch.StartNew();
            var clerk = await TokenAsync(http, "clerk", options.Password);
            var supervisor = await TokenAsync(http, "supervisor", options.Password);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Signed in as clerk and supervisor in {signIn.Elapsed.TotalMilliseconds:N0} ms (two password checks)."));

            var receipts = new ConcurrentBag<(string Number, string QueryCode)>();
            var counter = 0;
            (string Number, string QueryCode)[] known = [];
            var before = await TableRows.CountAsync(database);
            var mixes = new Dictionary<string, Func<HttpRequestMessage>>
            {
                ["submit"] = () => Submission(clerk, Interlocked.Increment(ref counter)),
                ["status"] = () =>
                {
                    var (number, code) = known[Random.Shared.Next(known.Length)];
                    return new HttpRequestMessage(HttpMethod.Get, $"/api/status?number={Uri.EscapeDataString(number)}&queryCode={Uri.EscapeDataString(code)}");
                },
                ["overview"] = () => Authorized(HttpMethod.Get, "/api/supervision/overview", supervisor),
                ["catalog"] = () => new HttpRequestMessage(HttpMethod.Get, "/api/catalog/items"),
            };
            foreach (var mix in options.Mixes)
            {
                if (mix == "status" && receipts.IsEmpty)
                    receipts.Add(await ReceiptAsync(http, Submission(clerk, Interlocked.Increment(ref counter))));
                // Cases submitted during the run, each asked for at random (a citizen asks about their own, any of them).
                known = [.. receipts.Take(10_000)];
                var loop = new LoadLoop(http, mixes[mix], options.Connections, mix == "submit" ? receipts : null);
                await loop.RunAsync(TimeSpan.FromSeconds(options.WarmupSeconds));
                var load = Load();
                var cpu = app.ProcessorTime;
                var result = await loop.RunAsync(TimeSpan.FromSeconds(options.Seconds));
                figures.Add(result with
                {
                    Mix = mix, LoadBefore = load, LoadAfter = Load(),
                    CpuPerRequest = (app.ProcessorTime - cpu).TotalMilliseconds / Math.Max(1, result.SortedMilliseconds.Length),
                });
                Console.WriteLine(figures[^1].Line());
            }
            // What one submission wrote: every table's rows (the case, its timeline, the idempotency key, the notices, the
            // audit chain, the day's number counter, background jobs on PostgreSQL) and the database's growth in bytes.
            var after = await TableRows.CountAsync(database);
            writes = SubmissionWrites.Between(before, after, counter);
        }

        Console.WriteLine(writes.Describe());
        MixFigures? raw = null;
        if (options.Mixes.Contains("submit") && writes.Submissions > 0)
        {
            var rawWorkers = options.RawWorkers ?? (database.IsPostgres ? options.Connections : 1);
            var load = Load();
            var rawResult = await RawInsertLoop.RunAsync(database, writes, rawWorkers, TimeSpan.FromSeconds(options.WarmupSeconds), TimeSpan.FromSeconds(options.Seconds));
            raw = rawResult with { Mix = $"raw insert ({rawWorkers} writer{(rawWorkers == 1 ? "" : "s")})", LoadBefore = load, LoadAfter = Load() };
            Console.WriteLine(raw.Line());
        }

        Console.WriteLine();
        Console.WriteLine("| mix | requests/s | p50 ms | p95 ms | p99 ms | max ms | app CPU ms a request | not 2xx | load average before → after |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var figure in figures.Append(raw).OfType<MixFigures>())
            Console.WriteLine(figure.Row());
        var submit = figures.FirstOrDefault(f => f.Mix == "submit");
        if (submit is not null && raw is not null)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"\nraw insert transactions/s ÷ submissions/s = {raw.PerSecond / submit.PerSecond:N2} (goal ≤ 3)"));
        return figures.All(f => f.Failures.Count == 0) ? 0 : 1;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

    private static HttpRequestMessage Authorized(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>A walk-in's 个体工商户设立登记 registered at the window: a new applicant and a new Idempotency-Key every time.</summary>
    private static HttpRequestMessage Submission(string clerkToken, int n)
    {
        var first17 = string.Create(CultureInfo.InvariantCulture, $"3501021985{n % 12 + 1:00}{n / 12 % 28 + 1:00}{n / 336 % 1000:000}");
        var id = first17 + ResidentIdNumber.CheckDigitOf(first17);
        var request = Authorized(HttpMethod.Post, "/api/cases", clerkToken);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        request.Content = JsonContent.Create(new
        {
            itemCode = "GT-DJ-001",
            applicant = new { kind = "Person", idNumber = id, name = $"申请人{n}", phone = "13800000000" },
            form = new { businessName = $"示范小吃店{n}", operatorId = id, businessScope = "小吃服务", address = "福州市鼓楼区示范路1号" },
        });
        return request;
    }

    private static async Task<(string, string)> ReceiptAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return LoadLoop.ReceiptOf(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    private static async Task<string> TokenAsync(HttpClient http, string user, string password)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"could not sign in as {user}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    /// <summary>The API's build output of the same configuration as this benchmark's (Release under <c>-c Release</c>).</summary>
    private static string ApiAssembly(string? given)
    {
        if (given is not null)
            return Path.GetFullPath(given);
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Approval.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("Approval.sln not found above the benchmark; pass --api PATH/Approval.Api.dll");
        // bench/Approval.Benchmarks/bin/Release/net10.0/ → Approval.Api/bin/Release/net10.0/
        var configuration = here.Parent!.Name;
        var framework = here.Name;
        var dll = Path.Combine(root.FullName, "Approval.Api", "bin", configuration, framework, "Approval.Api.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found: build Approval.Api ({configuration}) or pass --api");
    }

    private sealed record HttpLoadOptions(string? Postgres, int Connections, int Seconds, int WarmupSeconds, IReadOnlyList<string> Mixes, int Port,
        string? ApiPath, string Password, int? RawWorkers)
    {
        public static HttpLoadOptions Parse(string[] args)
        {
            var options = new HttpLoadOptions(null, 50, 10, 10, AllMixes, 0, null, "Demo@2026", null);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = args[i + 1];
                options = args[i] switch
                {
                    "--postgres" => options with { Postgres = value },
                    "--connections" => options with { Connections = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--seconds" => options with { Seconds = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--warmup-seconds" => options with { WarmupSeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--mixes" => options with { Mixes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                    "--port" => options with { Port = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--api" => options with { ApiPath = value },
                    "--password" => options with { Password = value },
                    "--raw-workers" => options with { RawWorkers = int.Parse(value, CultureInfo.InvariantCulture) },
                    _ => throw new ArgumentException($"unknown option {args[i]} (use --postgres, --connections, --seconds, --warmup-seconds, --mixes, --port, --api, --password, --raw-workers)"),
                };
            }
            if (options.Mixes.FirstOrDefault(m => !AllMixes.Contains(m)) is { } unknown)
                throw new ArgumentException($"unknown mix {unknown} (use {string.Join(", ", AllMixes)})");
            return options;
        }
    }
}

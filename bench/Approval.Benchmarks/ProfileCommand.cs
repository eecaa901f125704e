using System.Diagnostics;
using System.Globalization;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>profile</c> command: runs complete instances on one thread (or <c>--workers</c> threads) for a while and
/// prints one line, so a profiler (<c>perf record</c>, <c>dotnet-trace collect</c>) sees only the engine's hot path.
/// </summary>
internal static class ProfileCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        var seconds = 10;
        var recordLog = true;
        var workers = 1;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--log": recordLog = args[i + 1] != "off"; break;
                case "--workers": workers = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --seconds, --log on|off, --workers)");
            }
        }
        var engine = ReferenceProcess.Engine(recordLog);
        var workflow = ReferenceProcess.Compile(engine);
        var elapsed = Stopwatch.StartNew();
        long instances = 0;
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            var driver = new ReferenceProcessDriver(engine, workflow);
            while (elapsed.Elapsed.TotalSeconds < seconds)
            {
                // Every run completes synchronously: waiting on the ValueTask blocks nothing.
                driver.RunOneAsync().AsTask().GetAwaiter().GetResult();
                Interlocked.Increment(ref instances);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Console.WriteLine($"{instances:N0} instances in {elapsed.Elapsed.TotalSeconds:0.0} s ({instances / elapsed.Elapsed.TotalSeconds:N0}/s) on {workers} thread(s), execution log {(recordLog ? "on" : "off")}");
        return Task.FromResult(0);
    }
}

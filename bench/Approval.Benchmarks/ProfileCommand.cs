using System.Diagnostics;
using System.Globalization;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>profile</c> command: runs complete instances on one thread for a while and prints nothing else, so a
/// profiler (<c>dotnet-trace collect -- dotnet Approval.Benchmarks.dll profile</c>) sees only the engine's hot path.
/// </summary>
internal static class ProfileCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = 10;
        var recordLog = true;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--log": recordLog = args[i + 1] != "off"; break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --seconds, --log on|off)");
            }
        }
        var engine = ReferenceProcess.Engine(recordLog);
        var driver = new ReferenceProcessDriver(engine, ReferenceProcess.Compile(engine));
        var elapsed = Stopwatch.StartNew();
        long instances = 0;
        while (elapsed.Elapsed.TotalSeconds < seconds)
        {
            await driver.RunOneAsync();
            instances++;
        }
        Console.WriteLine($"{instances:N0} instances in {elapsed.Elapsed.TotalSeconds:0.0} s ({instances / elapsed.Elapsed.TotalSeconds:N0}/s), execution log {(recordLog ? "on" : "off")}");
        return 0;
    }
}

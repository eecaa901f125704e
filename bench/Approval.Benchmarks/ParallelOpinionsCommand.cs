using System.Globalization;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>opinions</c> command: six departments × N cases giving their opinions at once from two nodes on one
/// PostgreSQL database (issue #13). It fails (exit 1) on any error returned or any case not reaching its decision once.
/// </summary>
internal static class ParallelOpinionsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = 1_000;
        var inFlight = 8;
        var runs = 3;
        string? postgres = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--cases": cases = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--in-flight": inFlight = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --cases, --in-flight, --runs, --postgres)");
            }
        }
        if (postgres is null)
        {
            await Console.Error.WriteLineAsync("--postgres CONN is required: the opinions collide in a PostgreSQL database shared by two nodes");
            return 1;
        }
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"Parallel opinions: 6 departments × {cases:N0} 企业设立登记 cases, all six opinions of {inFlight} cases at a time started together, " +
                          "departments alternating between two nodes (two service providers in this process) on one PostgreSQL database; a fresh database per run.");
        Console.WriteLine();
        Console.WriteLine($"{"run",3} | {"set-up s",8} | {"opinions",8} | {"errors",6} | {"re-runs",7} | {"seconds",7} | {"opinions/s",10} | {"decided once",12}");
        Console.WriteLine($"{new string('-', 3)}-|-{new string('-', 8)}-|-{new string('-', 8)}-|-{new string('-', 6)}-|-{new string('-', 7)}-|-{new string('-', 7)}-|-{new string('-', 10)}-|-{new string('-', 12)}");
        var rates = new List<double>();
        var failed = false;
        for (var run = 1; run <= runs; run++)
        {
            await using var benchmark = new ParallelOpinionsBenchmark(postgres);
            var setUp = System.Diagnostics.Stopwatch.StartNew();
            await benchmark.SetUpAsync(cases);
            setUp.Stop();
            var result = await benchmark.RunAsync(inFlight);
            var rate = result.Opinions / result.Seconds;
            rates.Add(rate);
            Console.WriteLine($"{run,3} | {setUp.Elapsed.TotalSeconds,8:N0} | {result.Opinions,8:N0} | {result.Errors,6:N0} | {result.Retries,7:N0} | {result.Seconds,7:N1} | {rate,10:N0} | {result.Decided,12:N0}");
            foreach (var error in result.FirstErrors)
                await Console.Error.WriteLineAsync("  " + error);
            failed |= result.Errors > 0 || result.Decided != result.Cases;
        }
        Console.WriteLine();
        Console.WriteLine($"opinions/s: min {rates.Min():N0}, median {ResultTable.Median(rates):N0}, max {rates.Max():N0}");
        return failed ? 1 : 0;
    }
}

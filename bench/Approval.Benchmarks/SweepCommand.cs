using System.Globalization;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>sweep</c> command: the deadline sweep over 10k, 100k and 1M open clocks with the same number crossing a
/// threshold. Its work must grow with the clocks that cross, not with those open (issue #4): the rows should match.
/// </summary>
internal static class SweepCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        int[] sizes = [10_000, 100_000, 1_000_000];
        var crossing = 200;
        var sweeps = 6;
        string? postgres = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--sizes": sizes = [.. args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))]; break;
                case "--crossing": crossing = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--sweeps": sweeps = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--postgres": postgres = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --sizes, --crossing, --sweeps, --postgres)");
            }
        }
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"Deadline sweep (DeadlineJobs.RunAsync) on {(postgres is null ? "SQLite (a file, write-ahead log)" : "PostgreSQL")}: " +
                          $"{crossing} 企业设立登记 cases cross each threshold together; the other open cases are due months later.");
        Console.WriteLine("Each sweep timed from its start to its last commit; 'idle' is a sweep with nothing due.");
        Console.WriteLine();
        Console.WriteLine($"{"open clocks",12} | {"set-up s",8} | {"crossing",8} | {"sweeps",6} | {"median ms",9} | {"max ms",8} | {"ms per crossing",15} | {"idle ms",7} | every sweep, ms");
        Console.WriteLine($"{new string('-', 12)}-|-{new string('-', 8)}-|-{new string('-', 8)}-|-{new string('-', 6)}-|-{new string('-', 9)}-|-{new string('-', 8)}-|-{new string('-', 15)}-|-{new string('-', 7)}-|----------------");
        // A small run first, not shown: the first row would otherwise pay for compiling the observe-and-save path.
        await using (var warmUp = new SweepBenchmark(postgres))
        {
            await warmUp.SetUpAsync(crossing * 2, crossing);
            await warmUp.MeasureAsync(crossing, sweeps);
        }
        foreach (var size in sizes)
        {
            await using var benchmark = new SweepBenchmark(postgres);
            var setUp = System.Diagnostics.Stopwatch.StartNew();
            await benchmark.SetUpAsync(size, crossing);
            setUp.Stop();
            var open = await benchmark.OpenCaseCountAsync();
            await benchmark.MeasureIdleAsync(3);
            var idle = await benchmark.MeasureIdleAsync(5);
            var results = await benchmark.MeasureAsync(crossing, sweeps);
            if (results.Count == 0 || results.Any(r => r.Observed != crossing))
            {
                await Console.Error.WriteLineAsync($"the sweeps over {open:N0} clocks did not observe {crossing} clocks each: {string.Join(", ", results)}");
                return 1;
            }
            var times = results.Select(r => r.Milliseconds).ToList();
            var median = ResultTable.Median(times);
            Console.WriteLine($"{open,12:N0} | {setUp.Elapsed.TotalSeconds,8:N0} | {crossing,8:N0} | {results.Count,6} | {median,9:N0} | {times.Max(),8:N0} | {median / crossing,15:N2} | {idle,7:N1} | {string.Join(" ", times.Select(t => t.ToString("N0", CultureInfo.InvariantCulture)))}");
        }
        return 0;
    }
}

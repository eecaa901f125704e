using System.Globalization;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>sqlite</c> command: the reference process on the EF Core store over a SQLite file, through the runtime
/// (a transaction per call) and through a group-committing host; execution log on and off.
/// </summary>
internal static class SqliteCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var instances = 3_000;
        var groupSize = 100;
        var repeat = 3;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--instances": instances = value; break;
                case "--group": groupSize = value; break;
                case "--repeat": repeat = Math.Max(1, value); break;
                default: throw new ArgumentException($"unknown option {args[i]} (use --instances, --group, --repeat)");
            }
        }
        var runtimeInstances = Math.Max(instances / 10, 50);
        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"Reference process on SQLite (a file in {Path.GetTempPath()}, write-ahead log); every start and resume committed before it counts.");
        Console.WriteLine($"Runtime rows: {runtimeInstances:N0} instances; group-commit rows: {instances:N0} instances, {groupSize} per transaction;");
        Console.WriteLine($"after 8 s of warm-up; each row measured {repeat} times, alternating, median shown.");
        Console.WriteLine();

        var rows = new List<(string Name, double[] Values)>
        {
            ("runtime, a transaction per call, 1 caller", new double[2]),
            ("runtime, a transaction per call, 4 callers", new double[2]),
            ($"group commit ({groupSize} per transaction), 1 host", new double[2]),
            ($"group commit ({groupSize} per transaction), 2 hosts", new double[2]),
        };
        long synchronous = -1;
        foreach (var (column, recordLog) in new[] { (0, true), (1, false) })
        {
            await using var benchmark = new SqliteBenchmark();
            await benchmark.SetUpAsync(recordLog);
            synchronous = await benchmark.SynchronousModeAsync();
            // Warm-up until tiered compilation has settled on EF Core's paths too (it has far more code than the engine).
            var warmUp = System.Diagnostics.Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromSeconds(8))
            {
                await benchmark.MeasureRuntimeAsync(10, 2);
                await benchmark.MeasureGroupCommitAsync(groupSize * 2, groupSize, 2);
            }
            var measured = rows.Select(_ => new List<double>()).ToList();
            for (var r = 0; r < repeat; r++)
            {
                measured[0].Add(await benchmark.MeasureRuntimeAsync(runtimeInstances, 1));
                measured[1].Add(await benchmark.MeasureRuntimeAsync(runtimeInstances, 4));
                measured[2].Add(await benchmark.MeasureGroupCommitAsync(instances, groupSize, 1));
                measured[3].Add(await benchmark.MeasureGroupCommitAsync(instances, groupSize, 2));
            }
            for (var row = 0; row < rows.Count; row++)
                rows[row].Values[column] = ResultTable.Median(measured[row]);
        }

        var width = rows.Max(r => r.Name.Length);
        Console.WriteLine($"{"complete instances/s".PadRight(width)} | {"execution log on",17} | {"execution log off",17} | target");
        Console.WriteLine($"{new string('-', width)}-|-{new string('-', 17)}-|-{new string('-', 17)}-|-{new string('-', 10)}");
        foreach (var (name, values) in rows)
            Console.WriteLine($"{name.PadRight(width)} | {values[0],17:N0} | {values[1],17:N0} | ≥ 2,000");
        Console.WriteLine();
        Console.WriteLine($"PRAGMA synchronous = {synchronous} ({(synchronous == 2 ? "FULL: the write-ahead log is synced at every commit" : "not FULL")})");
        return 0;
    }
}

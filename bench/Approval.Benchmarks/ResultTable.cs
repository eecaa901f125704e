using System.Globalization;

namespace Approval.Benchmarks;

/// <summary>Prints the in-memory figures side by side, with the issue's targets: per configuration, the median over its processes.</summary>
internal static class ResultTable
{
    public static void Print(InMemoryOptions options, IReadOnlyList<InMemoryFigures> withLog, IReadOnlyList<InMemoryFigures> withoutLog)
    {
        var rows = new List<(string Metric, Func<InMemoryFigures, double> Value, string Format, string Target)>
        {
            ("complete instances/s, 1 thread", f => f.InstancesPerSecond, "N0", "≥ 20,000"),
            ("resumes/s, 1 thread", f => f.ResumesPerSecond, "N0", "≥ 100,000"),
            ("starts/s, 1 thread", f => f.StartsPerSecond, "N0", ""),
            ($"complete instances/s, {options.Workers} workers", f => f.ParallelInstancesPerSecond, "N0", ""),
            ("allocated bytes/instance", f => f.BytesPerInstance, "N0", "≤ 20,480"),
            ("  of which per start", f => f.BytesPerStart, "N0", ""),
            ("  of which per resume", f => f.BytesPerResume, "N0", ""),
            ($"gen0 GCs per {options.Instances:N0} complete instances", f => f.Gen0Collections, "N0", ""),
        };
        const string header1 = "execution log on", header2 = "execution log off", header3 = "target";
        var width = rows.Max(r => r.Metric.Length);
        Console.WriteLine($"{"".PadRight(width)} | {header1,17} | {header2,17} | {header3}");
        Console.WriteLine($"{new string('-', width)}-|-{new string('-', 17)}-|-{new string('-', 17)}-|-{new string('-', 10)}");
        foreach (var (metric, value, format, target) in rows)
        {
            var a = Median(withLog.Select(value)).ToString(format, CultureInfo.InvariantCulture);
            var b = Median(withoutLog.Select(value)).ToString(format, CultureInfo.InvariantCulture);
            Console.WriteLine($"{metric.PadRight(width)} | {a,17} | {b,17} | {target}");
        }
        Console.WriteLine();
        Console.WriteLine("per process, complete instances/s on 1 thread | on the workers:");
        Console.WriteLine($"  log on:  {PerProcess(withLog)}");
        Console.WriteLine($"  log off: {PerProcess(withoutLog)}");
    }

    private static string PerProcess(IReadOnlyList<InMemoryFigures> figures) =>
        string.Join(", ", figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.InstancesPerSecond:N0} | {f.ParallelInstancesPerSecond:N0}")));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Approval.Benchmarks;

/// <summary>
/// The <c>inmemory</c> command: measures with the execution log on and off, each in processes of its own (so
/// neither inherits the other's JIT profile or heap), and prints the table. On this 2-core VM one process can land
/// 30% below the next (tiered PGO does not always settle on the same code), so each configuration is measured in
/// several processes, alternating, and the table shows the median over them.
/// </summary>
internal static class InMemoryCommand
{
    private const string ChildFlag = "--log";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new InMemoryOptions(Instances: 20_000, Iterations: 7, WarmUp: TimeSpan.FromSeconds(3), Workers: Environment.ProcessorCount);
        var processes = 3;
        bool? childLog = null;
        var passOn = new List<string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == ChildFlag)
            {
                childLog = args[i + 1] == "on";
                continue;
            }
            if (args[i] == "--processes")
            {
                processes = Math.Max(1, int.Parse(args[i + 1], CultureInfo.InvariantCulture));
                continue;
            }
            passOn.AddRange([args[i], args[i + 1]]);
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--instances" => options with { Instances = Math.Max(value, InMemoryOptions.BatchSize) },
                "--iterations" => options with { Iterations = value },
                "--warmup-seconds" => options with { WarmUp = TimeSpan.FromSeconds(value) },
                "--workers" => options with { Workers = value },
                _ => throw new ArgumentException($"unknown option {args[i]} (use --instances, --iterations, --warmup-seconds, --workers, --processes)"),
            };
        }

        if (childLog is { } recordLog)
        {
            // Child: measure one configuration, hand the figures back on stdout.
            var figures = await new InMemoryBenchmark(options).MeasureAsync(recordLog);
            Console.WriteLine(JsonSerializer.Serialize(figures));
            return 0;
        }

        Console.WriteLine(Machine.Describe());
        Console.WriteLine($"Reference process: start → fork → {ReferenceProcess.Departments} × Elsa.RunTask (suspend) → resume each → FlowJoin WaitAll → end");
        Console.WriteLine($"{options.Instances:N0} instances per iteration ({options.Workers} × that in the parallel one), {options.Iterations} iterations after {options.WarmUp.TotalSeconds:0} s warm-up,");
        Console.WriteLine($"{processes} processes per configuration; medians; engine only, no store");
        Console.WriteLine();
        var withLog = new List<InMemoryFigures>();
        var withoutLog = new List<InMemoryFigures>();
        for (var i = 0; i < processes; i++)
        {
            withLog.Add(await MeasureInChildAsync(passOn, recordLog: true));
            withoutLog.Add(await MeasureInChildAsync(passOn, recordLog: false));
        }
        ResultTable.Print(options, withLog, withoutLog);
        return 0;
    }

    private static async Task<InMemoryFigures> MeasureInChildAsync(List<string> options, bool recordLog)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        // Under `dotnet run` or `dotnet Approval.Benchmarks.dll` the process is the dotnet host: name the assembly.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(InMemoryCommand).Assembly.Location);
        foreach (var argument in (string[])["inmemory", .. options, ChildFlag, recordLog ? "on" : "off"])
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the measuring process.");
        var output = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
            throw new InvalidOperationException($"The measuring process (execution log {(recordLog ? "on" : "off")}) exited with {child.ExitCode}.");
        return JsonSerializer.Deserialize<InMemoryFigures>(output.Trim().Split('\n')[^1])
            ?? throw new InvalidOperationException("The measuring process printed no figures.");
    }
}

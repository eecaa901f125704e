using System.Diagnostics;
using Approval.Engine.Runtime;

namespace Approval.Benchmarks;

/// <summary>How long and how hard the in-memory benchmark runs.</summary>
internal sealed record InMemoryOptions(int Instances, int Iterations, TimeSpan WarmUp, int Workers)
{
    /// <summary>
    /// For starts/s and resumes/s, instances are started, then resumed, in batches of this many, so the two are
    /// timed apart. (Complete instances/s runs each instance from start to finish before the next.)
    /// </summary>
    public const int BatchSize = 100;
}

/// <summary>The figures of one configuration (execution log on or off); rates are medians over the iterations.</summary>
internal sealed record InMemoryFigures(
    bool RecordLog,
    double InstancesPerSecond,
    double ResumesPerSecond,
    double StartsPerSecond,
    double BytesPerInstance,
    double BytesPerStart,
    double BytesPerResume,
    double ParallelInstancesPerSecond,
    int Gen0Collections);

/// <summary>
/// Stopwatch-driven measurement of the engine alone (no store): warm up until the JIT has settled, then run
/// several iterations over fresh instances and report medians. Allocations are counted on one thread with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>, which sees everything the engine allocates for the instance.
/// </summary>
internal sealed class InMemoryBenchmark(InMemoryOptions options)
{
    public async Task<InMemoryFigures> MeasureAsync(bool recordLog)
    {
        var engine = ReferenceProcess.Engine(recordLog);
        var workflow = ReferenceProcess.Compile(engine);
        var driver = new ReferenceProcessDriver(engine, workflow);

        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < options.WarmUp)
        {
            await RunBatchesAsync(driver, InMemoryOptions.BatchSize);
            await RunCompleteAsync(driver, InMemoryOptions.BatchSize);
        }

        var instanceRates = new List<double>();
        var resumeRates = new List<double>();
        var startRates = new List<double>();
        var gen0 = 0;
        for (var i = 0; i < options.Iterations; i++)
        {
            Settle();
            var collections = GC.CollectionCount(0);
            instanceRates.Add(options.Instances / Seconds(await RunCompleteAsync(driver, options.Instances)));
            gen0 += GC.CollectionCount(0) - collections;
            Settle();
            var (start, resume) = await RunBatchesAsync(driver, options.Instances);
            resumeRates.Add(options.Instances * ReferenceProcess.Departments / Seconds(resume));
            startRates.Add(options.Instances / Seconds(start));
        }

        var (bytesPerStart, bytesPerResume) = await MeasureAllocationsAsync(driver);

        var parallelRates = new List<double>();
        for (var i = 0; i < options.Iterations; i++)
        {
            Settle();
            parallelRates.Add(MeasureParallel(engine, workflow));
        }

        return new InMemoryFigures(recordLog, Median(instanceRates), Median(resumeRates), Median(startRates),
            bytesPerStart + bytesPerResume * ReferenceProcess.Departments, bytesPerStart, bytesPerResume,
            Median(parallelRates), gen0 / options.Iterations);
    }

    // Complete instances one after another, as a host serving one process at a time would; returns stopwatch ticks.
    private static async ValueTask<long> RunCompleteAsync(ReferenceProcessDriver driver, int count)
    {
        var t0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
            await driver.RunOneAsync();
        return Stopwatch.GetTimestamp() - t0;
    }

    // Starts a batch of instances, then completes them; returns the stopwatch ticks spent starting and resuming.
    private static async ValueTask<(long Start, long Resume)> RunBatchesAsync(ReferenceProcessDriver driver, int count)
    {
        var batch = new WorkflowInstance[Math.Min(count, InMemoryOptions.BatchSize)];
        long start = 0, resume = 0;
        for (var done = 0; done < count; done += batch.Length)
        {
            var n = Math.Min(batch.Length, count - done);
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++)
                batch[i] = await driver.StartAsync();
            var t1 = Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++)
                await driver.ResumeAllAsync(batch[i]);
            var t2 = Stopwatch.GetTimestamp();
            start += t1 - t0;
            resume += t2 - t1;
        }
        return (start, resume);
    }

    // Bytes allocated per start and per resume, on this thread only (every await here completes synchronously).
    private async ValueTask<(double PerStart, double PerResume)> MeasureAllocationsAsync(ReferenceProcessDriver driver)
    {
        var thread = Environment.CurrentManagedThreadId;
        var batch = new WorkflowInstance[InMemoryOptions.BatchSize];
        long startBytes = 0, resumeBytes = 0;
        for (var done = 0; done < options.Instances; done += batch.Length)
        {
            var b0 = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < batch.Length; i++)
                batch[i] = await driver.StartAsync();
            var b1 = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < batch.Length; i++)
                await driver.ResumeAllAsync(batch[i]);
            var b2 = GC.GetAllocatedBytesForCurrentThread();
            startBytes += b1 - b0;
            resumeBytes += b2 - b1;
        }
        if (Environment.CurrentManagedThreadId != thread)
            throw new InvalidOperationException("A run did not complete synchronously: the allocation count would miss the other thread.");
        var instances = (double)(options.Instances / batch.Length * batch.Length);
        return (startBytes / instances, resumeBytes / (instances * ReferenceProcess.Departments));
    }

    // Instances are independent: each worker completes its own, one after another, with its own driver; all share one
    // engine and workflow. Workers are dedicated threads released together.
    private double MeasureParallel(WorkflowEngine engine, CompiledWorkflow workflow)
    {
        using var ready = new Barrier(options.Workers + 1);
        var threads = Enumerable.Range(0, options.Workers).Select(_ => new Thread(() =>
        {
            var driver = new ReferenceProcessDriver(engine, workflow);
            ready.SignalAndWait();
            // Every run completes synchronously: waiting on the ValueTask blocks nothing.
            RunCompleteAsync(driver, options.Instances).AsTask().GetAwaiter().GetResult();
        })).ToList();
        threads.ForEach(t => t.Start());
        ready.SignalAndWait();
        var elapsed = Stopwatch.StartNew();
        threads.ForEach(t => t.Join());
        return options.Instances * options.Workers / elapsed.Elapsed.TotalSeconds;
    }

    // Each iteration starts from a clean heap, so one iteration does not pay for the garbage of the one before.
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    private static double Median(List<double> values) => ResultTable.Median(values);
}

using Approval.Engine.Runtime;
using BenchmarkDotNet.Attributes;

namespace Approval.Benchmarks;

/// <summary>
/// The same process under BenchmarkDotNet (the <c>bdn</c> command), for a second opinion on the stopwatch runner:
/// one complete instance, and a start alone (a resume costs about (complete − start) / 6).
/// </summary>
[MemoryDiagnoser]
public class ReferenceProcessBenchmarks
{
    private ReferenceProcessDriver _driver = null!;

    [Params(true, false)]
    public bool RecordExecutionLog { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var engine = ReferenceProcess.Engine(RecordExecutionLog);
        _driver = new ReferenceProcessDriver(engine, ReferenceProcess.Compile(engine));
    }

    [Benchmark(Description = "complete instance (start + 6 resumes)")]
    public ValueTask CompleteInstance() => _driver.RunOneAsync();

    [Benchmark(Description = "start (suspends on 6 bookmarks)")]
    public ValueTask<WorkflowInstance> Start() => _driver.StartAsync();
}

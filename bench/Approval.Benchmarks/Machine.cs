using System.Runtime;
using System.Runtime.InteropServices;

namespace Approval.Benchmarks;

/// <summary>The machine and runtime a figure was measured on, printed above every table.</summary>
internal static class Machine
{
    public static string Describe() =>
        $"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}; " +
        $"{Environment.ProcessorCount} logical cores ({CpuModel()}); " +
        $"GC {(GCSettings.IsServerGC ? "server" : "workstation")}{(GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent")}" +
        (IsDebugBuild() ? "; WARNING: Debug build, use -c Release" : "");

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        if (!File.Exists(cpuinfo))
            return "CPU model unknown";
        var line = File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line is null ? "CPU model unknown" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static bool IsDebugBuild() =>
        typeof(Approval.Engine.Runtime.WorkflowEngine).Assembly
            .GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>()
            .Any(a => a.IsJITOptimizerDisabled);
}

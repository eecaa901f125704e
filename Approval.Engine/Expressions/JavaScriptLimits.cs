namespace Approval.Engine.Expressions;

/// <summary>The sandbox limits every JavaScript expression runs under.</summary>
public sealed class JavaScriptLimits
{
    /// <summary>Wall-clock time one evaluation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Statements one evaluation may execute.</summary>
    public int MaxStatements { get; set; } = 100_000;

    /// <summary>Bytes one evaluation may allocate.</summary>
    public long MemoryBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Call depth.</summary>
    public int MaxRecursion { get; set; } = 200;
}

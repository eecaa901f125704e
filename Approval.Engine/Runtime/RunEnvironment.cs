using Approval.Engine.Definitions;

namespace Approval.Engine.Runtime;

/// <summary>What a run needs from outside: the clock, the console WriteLine writes to, cancellation.</summary>
internal sealed class RunEnvironment(TimeProvider time, TextWriter console, CompiledWorkflow workflow, CancellationToken cancellationToken)
{
    public TimeProvider Time { get; } = time;
    public TextWriter Console { get; } = console;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IReadOnlyList<string> DeclaredVariables(WorkflowDefinition definition) => workflow.VariableNames;
}

using Approval.Engine.Activities;
using Approval.Engine.Definitions;

namespace Approval.Engine.Structured;

/// <summary>
/// A structured composite (<see cref="CompositeLowering"/>): the runner runs its compiled flowchart, never this type's
/// <see cref="ExecuteAsync"/>; the type is here for validation and so the registry knows the name.
/// </summary>
internal sealed class CompositeActivity(string typeName, params string[] requiredInputs) : ActivityType
{
    public override string TypeName => typeName;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        throw new InvalidOperationException($"{typeName} is run by the runner as its compiled flowchart.");

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        foreach (var input in requiredInputs)
        {
            if (node.Input(input) is null)
                yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", input));
        }
    }

    public static IEnumerable<ActivityType> All() =>
    [
        new CompositeActivity(CompositeLowering.Sequence), new CompositeActivity(CompositeLowering.Parallel),
        new CompositeActivity(CompositeLowering.If, "condition"), new CompositeActivity(CompositeLowering.Switch),
        new CompositeActivity(CompositeLowering.Fork), new CompositeActivity(CompositeLowering.While, "condition"),
        new BreakActivity(),
    ];
}

/// <summary><c>Elsa.Break</c>: ends the innermost loop it is in (its other work is cancelled); outside a loop it just completes.</summary>
internal sealed class BreakActivity : ActivityType
{
    public override string TypeName => "Elsa.Break";
    public override IReadOnlyList<string> Outcomes { get; } = [];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => new(ActivityResult.BreakLoop);
}

using Approval.Engine.Definitions;

namespace Approval.Engine.Activities;

/// <summary>
/// The behaviour of one activity type, registered by its Elsa type name. Stateless: everything an
/// execution needs is in its <see cref="ActivityContext"/>. Approval.Workflows adds its own types this way.
/// </summary>
public abstract class ActivityType
{
    /// <summary>The type name used in definitions, e.g. <c>Elsa.WriteLine</c>.</summary>
    public abstract string TypeName { get; }

    /// <summary>The outcome ports it can complete through, for documentation and tooling.</summary>
    public virtual IReadOnlyList<string> Outcomes { get; } = [ActivityResult.DoneOutcome];

    /// <summary>Runs the activity when a token reaches it.</summary>
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Continues the activity when one of its bookmarks is resumed; by default it completes through Done.</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context) => new(ActivityResult.Done);

    /// <summary>
    /// Work done once per definition instead of on every execution, e.g. a constant input parsed; the result reaches
    /// <see cref="ExecuteAsync"/> as <see cref="ActivityContext.Prepared"/>. Null (the default) prepares nothing.
    /// Must not throw: what cannot be prepared is left to run time, where a failure becomes an incident.
    /// </summary>
    internal virtual object? Prepare(ActivityNode node) => null;

    /// <summary>Reasons a definition's use of this activity is invalid (checked at load), each a code with its parameters.</summary>
    public virtual IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition) => [];

    /// <summary>
    /// Elsa's structured form of an activity with outcomes: instead of connections leaving its ports, it holds an activity
    /// per outcome (<c>Elsa.SendHttpRequest</c>'s <c>expectedStatusCodes[i].activity</c>, <c>timeout</c>, …). The pairs
    /// say which of <paramref name="node"/>'s slots runs on which port; the runner then runs the activity and the slot of the
    /// port it took as a small flowchart, and the activity completes (through Done) when that has. Empty: no such form.
    /// </summary>
    public virtual IReadOnlyList<SlotPort> SlotPorts(ActivityNode node) => [];
}

/// <summary>An activity slot (<see cref="ActivityNode.Slots"/> key) that runs when its owner completes through <paramref name="Port"/>.</summary>
public sealed record SlotPort(string Port, string Slot);

/// <summary>Elsa type names the engine treats specially.</summary>
public static class BuiltInTypes
{
    public const string Flowchart = "Elsa.Flowchart";
    public const string Start = "Elsa.Start";
    public const string FlowJoin = "Elsa.FlowJoin";
}

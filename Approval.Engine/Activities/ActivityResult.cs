using System.Text.Json.Nodes;

namespace Approval.Engine.Activities;

/// <summary>What an activity execution did.</summary>
public enum ActivityResultKind
{
    /// <summary>Completed through one or more outcome ports.</summary>
    Complete,
    /// <summary>Waits on a bookmark.</summary>
    Suspend,
    /// <summary>Completes the flowchart it is in, cancelling that flowchart's other branches (<c>Elsa.End</c>).</summary>
    EndFlowchart,
    /// <summary>Completes the whole workflow, cancelling everything else (<c>Elsa.Complete</c>).</summary>
    CompleteWorkflow,
    /// <summary>Faults the instance with a message (<c>Elsa.Fault</c>).</summary>
    Fault,
    /// <summary>Ends the innermost loop it is in (<c>Elsa.Break</c>).</summary>
    BreakLoop,
}

/// <summary>The result of executing or resuming an activity.</summary>
public readonly record struct ActivityResult
{
    public const string DoneOutcome = "Done";

    /// <summary>The port of a connection taken on any completion (a compiled Sequence goes on whatever its child's outcome).</summary>
    public const string AnyOutcome = "*";

    public ActivityResultKind Kind { get; private init; }
    public string? Outcome { get; private init; }
    public IReadOnlyList<string>? MoreOutcomes { get; private init; }
    public string? BookmarkName { get; private init; }
    public DateTimeOffset? DueAt { get; private init; }
    public JsonNode? Payload { get; private init; }
    public string? Message { get; private init; }

    public static ActivityResult Done { get; } = new() { Kind = ActivityResultKind.Complete, Outcome = DoneOutcome };

    /// <summary>Completes through one port.</summary>
    public static ActivityResult Through(string outcome) => new() { Kind = ActivityResultKind.Complete, Outcome = outcome };

    /// <summary>Completes through several ports at once (each starts a branch).</summary>
    public static ActivityResult Through(IReadOnlyList<string> outcomes) =>
        outcomes.Count == 1 ? Through(outcomes[0]) : new() { Kind = ActivityResultKind.Complete, MoreOutcomes = outcomes };

    /// <summary>Suspends on a bookmark answering to <paramref name="name"/> (an event or task name), with a payload.</summary>
    public static ActivityResult Suspend(string? name, JsonNode? payload = null) =>
        new() { Kind = ActivityResultKind.Suspend, BookmarkName = name, Payload = payload };

    /// <summary>Suspends until an instant: a timer bookmark.</summary>
    public static ActivityResult SuspendUntil(DateTimeOffset dueAt, string? name = null) =>
        new() { Kind = ActivityResultKind.Suspend, BookmarkName = name, DueAt = dueAt };

    public static ActivityResult EndFlowchart { get; } = new() { Kind = ActivityResultKind.EndFlowchart };

    public static ActivityResult CompleteWorkflow { get; } = new() { Kind = ActivityResultKind.CompleteWorkflow };

    public static ActivityResult Fault(string message) => new() { Kind = ActivityResultKind.Fault, Message = message };

    public static ActivityResult BreakLoop { get; } = new() { Kind = ActivityResultKind.BreakLoop };

    /// <summary>Whether the result completes through <paramref name="port"/>.</summary>
    public bool Takes(string port) =>
        Kind == ActivityResultKind.Complete && (Outcome == port || port == AnyOutcome || (MoreOutcomes?.Contains(port) ?? false));
}

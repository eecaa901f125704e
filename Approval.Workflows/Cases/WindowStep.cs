using Approval.Workflows.Supervision;

namespace Approval.Workflows.Cases;

/// <summary>The steps a case spends at the window (domain.md §6: 受理 … 办结), each on a clock of its own.</summary>
public enum WindowStepKind
{
    /// <summary>受理: the window answers an application within 5 working days of receipt (Art. 32).</summary>
    Acceptance,
    /// <summary>办结/出件: the result is handed out within 10 working days of the decision (Art. 44).</summary>
    Delivery,
}

/// <summary>
/// The window step a case is in, and how far its clock has gone. The department steps (承办, 审核) are the tasks;
/// 批准 runs on the case's own clock. A step overdue while its case is not is a breach of its own.
/// </summary>
public sealed record WindowStep(WindowStepKind Kind, DateTimeOffset Start, int LimitDays, WarningLevel Level = WarningLevel.Green)
{
    public SupervisedClock Clock => new(Start, LimitDays);

    /// <summary>How a warning line of the step names it on the timeline: <c>受理 (acceptance)</c>, <c>办结 (delivery)</c>.</summary>
    public static string SubjectOf(WindowStepKind kind) => kind == WindowStepKind.Acceptance ? "受理 (acceptance)" : "办结 (delivery)";

    /// <summary>The highest level the step itself shows: an acceptance never turns red, Art. 32 accepts it by silence instead.</summary>
    public WarningLevel Cap(WarningLevel level) => Kind == WindowStepKind.Acceptance && level == WarningLevel.Red ? WarningLevel.Yellow : level;
}

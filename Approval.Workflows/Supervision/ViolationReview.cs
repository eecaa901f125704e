namespace Approval.Workflows.Supervision;

/// <summary>Where a supervisor's review of a recorded violation (自动违规警示) stands. The violation itself is never deleted.</summary>
public enum ViolationReview
{
    /// <summary>Recorded by the rules, not yet looked at.</summary>
    Open,
    /// <summary>确认: a breach; it counts against the unit's score.</summary>
    Confirmed,
    /// <summary>撤销: not a breach after all (e.g. a delay the law excuses), with the reason why.</summary>
    Dismissed,
}

/// <summary>
/// A supervisor's verdict on an open violation: confirmed (a reason is optional) or dismissed (a reason is required).
/// A violation is reviewed once; a second review of a reviewed violation is refused, so the first verdict stands.
/// </summary>
public sealed record ViolationVerdict(ViolationReview Review, string Reviewer, string? Reason, DateTimeOffset At)
{
    /// <summary>Longest reason kept, in characters.</summary>
    public const int MaxReasonLength = Inputs.TextLimits.Reason;

    public static ViolationVerdict Confirm(string reviewer, string? reason, DateTimeOffset at) => new(ViolationReview.Confirmed, reviewer, Clean(reason), at);

    public static ViolationVerdict Dismiss(string reviewer, string? reason, DateTimeOffset at) => new(ViolationReview.Dismissed, reviewer, Clean(reason), at);

    /// <summary>Why the verdict cannot be given as it is, or null when it can.</summary>
    public string? Problem() => this switch
    {
        { Review: ViolationReview.Open } => "a review confirms or dismisses the violation",
        { Review: ViolationReview.Dismissed, Reason: null } => "a dismissal states its reason",
        { Reason.Length: > MaxReasonLength } => $"at most {MaxReasonLength} characters",
        _ => null,
    };

    private static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
}

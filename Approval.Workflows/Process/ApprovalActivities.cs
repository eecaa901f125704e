using Approval.Engine.Activities;

namespace Approval.Workflows.Process;

/// <summary>The approval domain's activity types, for process definitions in workflows/.</summary>
public static class ApprovalActivities
{
    /// <summary>A registry of Elsa's built-ins plus the approval activities.</summary>
    public static ActivityRegistry CreateRegistry() => ActivityRegistry.CreateDefault()
        .Register(new DepartmentReviewActivity())
        .Register(new ClockSuspensionActivity())
        .Register(new DecisionActivity());
}

/// <summary>Type names and bookmark names the domain and the definitions share.</summary>
public static class ApprovalTypes
{
    public const string DepartmentReview = "Approval.DepartmentReview";
    public const string ClockSuspension = "Approval.ClockSuspension";
    public const string Decision = "Approval.Decision";

    /// <summary>The workflow variable holding the opinions given so far, by department code.</summary>
    public const string OpinionsVariable = "opinions";

    /// <summary>The workflow variable holding the lead's decision.</summary>
    public const string DecisionVariable = "decision";
}

using Approval.Engine.Activities;

namespace Approval.Api;

/// <summary>The activity types this application runs: Elsa's built-ins and the approval domain's.</summary>
internal static class WorkflowActivities
{
    public static ActivityRegistry CreateRegistry() => Approval.Workflows.Process.ApprovalActivities.CreateRegistry();
}

using Approval.Engine.Activities;

namespace Approval.Api;

/// <summary>The activity types this application runs: Elsa's built-ins (and, as they come, the approval domain's).</summary>
internal static class WorkflowActivities
{
    public static ActivityRegistry CreateRegistry() => ActivityRegistry.CreateDefault();
}

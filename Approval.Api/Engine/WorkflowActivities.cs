using Approval.Engine.Activities;

namespace Approval.Api;

/// <summary>The activity types this application runs: Elsa's built-ins and the approval domain's.</summary>
internal static class WorkflowActivities
{
    public static ActivityRegistry CreateRegistry() => Approval.Workflows.Process.ApprovalActivities.CreateRegistry();

    /// <summary>The registry the server runs definitions with: Elsa's built-ins, the domain's, and every <see cref="HostActivityTypes"/> registered.</summary>
    public static ActivityRegistry CreateRegistry(IServiceProvider services) =>
        services.GetServices<HostActivityTypes>().SelectMany(h => h.Create(services)).Aggregate(CreateRegistry(), (registry, type) => registry.Register(type));
}

/// <summary>Activity types the host adds from its services (e.g. the HTTP activities of DepartmentSystems), beside
/// Elsa's built-ins and the domain's: register one with <c>services.AddSingleton(new HostActivityTypes(sp => …))</c>.</summary>
public sealed record HostActivityTypes(Func<IServiceProvider, IEnumerable<ActivityType>> Create);

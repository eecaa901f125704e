using System.Diagnostics.CodeAnalysis;
using Approval.Engine.Activities.BuiltIn;

namespace Approval.Engine.Activities;

/// <summary>The activity types a runtime can execute, by type name. Types not registered are refused at load.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityType> _types = new(StringComparer.Ordinal);

    // Elsa types we know of but deliberately do not run: said by name when a definition uses one.
    private static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["Elsa.HttpEndpoint"] = "HTTP activities are not supported: the approval API receives requests",
        ["Elsa.WriteHttpResponse"] = "HTTP activities are not supported: the approval API answers requests",
        ["Elsa.SendHttpRequest"] = "HTTP activities are not supported",
        ["Elsa.FlowSendHttpRequest"] = "HTTP activities are not supported",
        ["Elsa.RunCSharp"] = "C# scripts are not supported (use JavaScript)",
        ["Elsa.ExecuteWorkflow"] = "sub-workflows are not supported (nest an Elsa.Flowchart instead)",
        ["Elsa.DispatchWorkflow"] = "sub-workflows are not supported (nest an Elsa.Flowchart instead)",
        ["Elsa.ParallelForEach"] = "Elsa.ParallelForEach is not supported (fork explicitly with connections)",
        ["Elsa.ForEach"] = "Elsa.ForEach is not supported (loop with connections back to an earlier activity)",
        ["Elsa.Sequence"] = "Elsa.Sequence is not supported (use an Elsa.Flowchart)",
    };

    /// <summary>A registry holding every built-in activity type.</summary>
    public static ActivityRegistry CreateDefault()
    {
        var registry = new ActivityRegistry();
        foreach (var type in BuiltInActivities.All())
            registry.Register(type);
        return registry;
    }

    /// <summary>Adds (or replaces) a type.</summary>
    public ActivityRegistry Register(ActivityType type)
    {
        _types[type.TypeName] = type;
        return this;
    }

    public bool TryGet(string typeName, [NotNullWhen(true)] out ActivityType? type) => _types.TryGetValue(typeName, out type);

    public ActivityType Get(string typeName) =>
        _types.TryGetValue(typeName, out var type) ? type : throw new KeyNotFoundException(UnsupportedReason(typeName));

    public IEnumerable<ActivityType> Types => _types.Values;

    /// <summary>Why a type name cannot be used.</summary>
    public string UnsupportedReason(string typeName) => Refused.TryGetValue(typeName, out var reason)
        ? $"activity type '{typeName}' is not supported: {reason}"
        : $"activity type '{typeName}' is not supported (unknown type)";
}

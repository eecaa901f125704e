using System.Diagnostics.CodeAnalysis;
using Approval.Engine.Activities.BuiltIn;
using Approval.Engine.Definitions;

namespace Approval.Engine.Activities;

/// <summary>The activity types a runtime can execute, by type name. Types not registered are refused at load.</summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityType> _types = new(StringComparer.Ordinal);

    // Elsa types we know of but deliberately do not run: said by name when a definition uses one.
    private static readonly Dictionary<string, DefinitionErrorCode> Refused = new(StringComparer.Ordinal)
    {
        ["Elsa.HttpEndpoint"] = DefinitionErrorCode.HttpActivityUnsupported,
        ["Elsa.WriteHttpResponse"] = DefinitionErrorCode.HttpActivityUnsupported,
        ["Elsa.SendHttpRequest"] = DefinitionErrorCode.HttpActivityUnsupported,
        ["Elsa.FlowSendHttpRequest"] = DefinitionErrorCode.HttpActivityUnsupported,
        ["Elsa.RunCSharp"] = DefinitionErrorCode.CSharpUnsupported,
        ["Elsa.SendEmail"] = DefinitionErrorCode.EmailActivityUnsupported,
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
        _types.TryGetValue(typeName, out var type) ? type : throw new KeyNotFoundException(UnsupportedReason(typeName).English);

    public IEnumerable<ActivityType> Types => _types.Values;

    /// <summary>Why a type name cannot be used.</summary>
    public DefinitionErrorReason UnsupportedReason(string typeName) =>
        DefinitionErrorReason.Of(Refused.GetValueOrDefault(typeName, DefinitionErrorCode.ActivityTypeUnknown), ("type", typeName));
}

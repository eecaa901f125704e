using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Engine.Runtime;

namespace Approval.Engine.Hosting;

/// <summary>The JSON form of an instance's state, as stores keep it.</summary>
public static class WorkflowInstanceJson
{
    public static string Serialize(WorkflowInstance instance) =>
        JsonSerializer.Serialize(instance, InstanceJsonContext.Default.WorkflowInstance);

    public static WorkflowInstance Deserialize(string json) =>
        JsonSerializer.Deserialize(json, InstanceJsonContext.Default.WorkflowInstance)
        ?? throw new JsonException("The stored workflow instance is empty.");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(WorkflowInstance))]
internal sealed partial class InstanceJsonContext : JsonSerializerContext;

using Approval.Engine.Hosting;

namespace Approval.Api.Persistence;

/// <summary>A row of <c>WorkflowDefinitions</c>: one version of a definition, keyed by (definition id, version).</summary>
public sealed class WorkflowDefinitionRecord
{
    public required string DefinitionId { get; init; }
    public int Version { get; init; }
    public required string Name { get; set; }
    public required string Json { get; set; }
    public bool IsPublished { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public static WorkflowDefinitionRecord From(StoredDefinition definition) => new()
    {
        DefinitionId = definition.DefinitionId,
        Version = definition.Version,
        Name = definition.Name,
        Json = definition.Json,
        IsPublished = definition.IsPublished,
        CreatedAt = definition.CreatedAt,
    };

    public StoredDefinition ToStored() => new(DefinitionId, Version, Name, Json, IsPublished, CreatedAt);
}

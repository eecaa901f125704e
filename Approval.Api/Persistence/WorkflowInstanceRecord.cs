using Approval.Engine.Hosting;
using Approval.Engine.Runtime;

namespace Approval.Api.Persistence;

/// <summary>
/// A row of <c>WorkflowInstances</c>: the instance's state as JSON, with the columns a query filters on copied
/// out of it. <see cref="Revision"/> is the optimistic concurrency token.
/// </summary>
public sealed class WorkflowInstanceRecord
{
    public required string Id { get; init; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    /// <summary>Stored as its name.</summary>
    public WorkflowStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public string? Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>What <see cref="Approval.Engine.Hosting.WorkflowInstanceJson.Serialize"/> wrote.</summary>
    public required string State { get; set; }

    /// <summary>1 on insert, one more on every update; an update whose expected revision is gone fails.</summary>
    public long Revision { get; set; }

    public static WorkflowInstanceRecord From(WorkflowInstance instance) => new()
    {
        Id = instance.Id,
        DefinitionId = instance.DefinitionId,
        DefinitionVersion = instance.DefinitionVersion,
        Status = instance.Status,
        CorrelationId = instance.CorrelationId,
        Name = instance.Name,
        CreatedAt = instance.CreatedAt,
        UpdatedAt = instance.UpdatedAt,
        FinishedAt = instance.FinishedAt,
        State = WorkflowInstanceJson.Serialize(instance),
        Revision = instance.Revision,
    };
}

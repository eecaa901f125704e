using Approval.Engine.Runtime;

namespace Approval.Api.Persistence;

/// <summary>A row of <c>Incidents</c>: a fault of an instance. Kept for good; resolving it sets <see cref="ResolvedAt"/>.</summary>
public sealed class IncidentRecord
{
    public required string Id { get; init; }
    public required string InstanceId { get; init; }
    public string? ActivityId { get; init; }
    public string? ActivityType { get; init; }
    public IncidentKind Kind { get; init; }
    public required string Message { get; init; }
    public string? ExceptionType { get; init; }
    public DateTimeOffset At { get; init; }
    public DateTimeOffset? ResolvedAt { get; set; }

    public static IncidentRecord From(string instanceId, Incident incident) => new()
    {
        Id = incident.Id,
        InstanceId = instanceId,
        ActivityId = incident.ActivityId,
        ActivityType = incident.ActivityType,
        Kind = incident.Kind,
        Message = incident.Message,
        ExceptionType = incident.ExceptionType,
        At = incident.At,
        ResolvedAt = incident.ResolvedAt,
    };
}

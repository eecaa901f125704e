using Approval.Engine.Runtime;

namespace Approval.Api.Persistence;

/// <summary>A row of <c>ExecutionLog</c>: one thing that happened to an activity execution. Only ever appended.</summary>
public sealed class ExecutionLogRecord
{
    public long Id { get; init; }
    public required string InstanceId { get; init; }
    public DateTimeOffset At { get; init; }
    public int ExecutionId { get; init; }
    public required string ActivityId { get; init; }
    public required string ActivityType { get; init; }
    public ExecutionEvent Event { get; init; }
    public string? Detail { get; init; }

    public static ExecutionLogRecord From(string instanceId, ExecutionLogEntry entry) => new()
    {
        InstanceId = instanceId,
        At = entry.At,
        ExecutionId = entry.ExecutionId,
        ActivityId = entry.ActivityId,
        ActivityType = entry.ActivityType,
        Event = entry.Event,
        Detail = entry.Detail,
    };
}

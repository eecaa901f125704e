using Approval.Engine.Runtime;

namespace Approval.Api.Persistence;

/// <summary>
/// The rows of a workflow instance written whole, after all its runs happened in memory (the demo history): the instance
/// row at the revision its saves would have reached, the bookmarks it still waits on, its incidents, and the execution
/// log of every run — each mapped as <see cref="EfWorkflowStore"/> maps them run by run.
/// </summary>
internal sealed record InstanceRows(WorkflowInstanceRecord Instance, IReadOnlyList<BookmarkRecord> Bookmarks, IReadOnlyList<IncidentRecord> Incidents,
    IReadOnlyList<ExecutionLogRecord> Log)
{
    public static InstanceRows Of(WorkflowInstance instance, long revision, IEnumerable<ExecutionLogEntry> log)
    {
        instance.Revision = revision;
        return new InstanceRows(
            WorkflowInstanceRecord.From(instance),
            [.. instance.Bookmarks.Select(b => BookmarkRecord.From(instance.Id, b))],
            [.. instance.Incidents.Select(i => IncidentRecord.From(instance.Id, i))],
            [.. log.Select(e => ExecutionLogRecord.From(instance.Id, e))]);
    }
}

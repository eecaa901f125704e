using Approval.Engine.Runtime;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;

namespace Approval.Api.Persistence;

/// <summary>
/// The rows of many whole cases and their workflow instances, mapped as the unit of work maps them
/// (<see cref="CaseRows"/>, <see cref="InstanceRows"/>), to be written together by a <see cref="BulkRowWriter"/>.
/// Mapping (and the JSON it serialises) happens where the batch is filled, so a worker thread can do it.
/// </summary>
internal sealed class CaseRowBatch
{
    private readonly List<CaseRecord> _cases = [];
    private readonly List<CaseTaskRecord> _tasks = [];
    private readonly List<CaseDepartmentRecord> _departments = [];
    private readonly List<CaseEventRecord> _events = [];
    private readonly List<ViolationRecord> _violations = [];
    private readonly List<WorkflowInstanceRecord> _instances = [];
    private readonly List<BookmarkRecord> _bookmarks = [];
    private readonly List<IncidentRecord> _incidents = [];
    private readonly List<ExecutionLogRecord> _log = [];

    public int Count => _cases.Count;

    /// <summary>A case as it stands at <paramref name="now"/>, saved <paramref name="revision"/> times, with its instance (saved <paramref name="instanceRevision"/> times).</summary>
    public void Add(Case @case, long revision, WorkflowInstance? instance, long instanceRevision, IEnumerable<ExecutionLogEntry> log, DueInstantCalculator due, DateTimeOffset now)
    {
        _cases.Add(CaseRows.Case(@case, revision, due, now));
        _tasks.AddRange(CaseRows.Tasks(@case));
        _departments.AddRange(CaseRows.Departments(@case));
        _events.AddRange(CaseRows.Events(@case, 0));
        _violations.AddRange(CaseRows.Violations(@case, 0));
        if (instance is null)
            return;
        var rows = InstanceRows.Of(instance, instanceRevision, log);
        _instances.Add(rows.Instance);
        _bookmarks.AddRange(rows.Bookmarks);
        _incidents.AddRange(rows.Incidents);
        _log.AddRange(rows.Log);
    }

    /// <summary>Parents before children, as the foreign keys want them.</summary>
    public void WriteTo(BulkRowWriter writer)
    {
        writer.Insert(_cases);
        writer.Insert(_tasks);
        writer.Insert(_departments);
        writer.Insert(_events);
        writer.Insert(_violations);
        writer.Insert(_instances);
        writer.Insert(_bookmarks);
        writer.Insert(_incidents);
        writer.Insert(_log);
    }
}

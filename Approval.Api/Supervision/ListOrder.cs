namespace Approval.Api.Supervision;

/// <summary>
/// What a supervisors' list is sorted by: <c>sort=dueAt</c> (the default, soonest due first), <c>-receivedAt</c> (newest
/// received first), and so on — the name of a column, a leading minus for descending. Only columns of the list's own index
/// are offered, so that a sorted page is still decided on the index alone.
/// </summary>
internal readonly record struct ListOrder<TColumn>(TColumn Column, bool Descending) where TColumn : struct, Enum
{
    /// <summary>How a page writes it back into a link (and the CSV export's query).</summary>
    public override string ToString() => (Descending ? "-" : "") + char.ToLowerInvariant(Column.ToString()[0]) + Column.ToString()[1..];
}

/// <summary>The columns the case list sorts by.</summary>
internal enum CaseSortColumn
{
    DueAt,
    ReceivedAt,
    Number,
}

/// <summary>The columns the task list sorts by.</summary>
internal enum TaskSortColumn
{
    DueAt,
    CaseNumber,
    DepartmentCode,
}

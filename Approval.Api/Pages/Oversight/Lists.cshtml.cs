using Approval.Api.Contract;
using Microsoft.AspNetCore.Mvc;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Workflows.Cases;
using Approval.Workflows.Calendar;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Oversight;

/// <summary>
/// The overdue and near-due lists of cases and of tasks: the filters, order and pages of <c>/api/supervision/cases</c>
/// and <c>/tasks</c>, read by the same queries and checked by the same <see cref="ListQuery"/>, so the CSV link (the
/// API's export with this page's query) holds exactly the rows the list shows, every page of them.
/// </summary>
internal sealed class ListsModel(SupervisedCaseList caseList, SupervisedTaskList taskList, BusinessHours hours, ICatalog catalog) : PageModel
{
    private static readonly WarningLevel[] DueLevels = [WarningLevel.Prompt, WarningLevel.Yellow, WarningLevel.Red];

    /// <summary>The query parameters each list takes (besides page), as the API names them.</summary>
    private static readonly string[] CaseParameters = ["level", "status", "department", "item", "window", "clerk", "receivedFrom", "receivedTo", "sort", "pageSize"];
    private static readonly string[] TaskParameters = ["level", "status", "department", "claimedBy", "item", "sort", "pageSize"];

    public bool IsTasks { get; private set; }
    public Page<SupervisedCase>? Cases { get; private set; }
    public Page<SupervisedTask>? Tasks { get; private set; }
    public IReadOnlyList<(string Field, ProblemText Reason)> Errors { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<ApprovalItem> Items { get; private set; } = [];
    public IReadOnlyList<string> Levels { get; private set; } = [];
    public IReadOnlyList<string> Statuses { get; private set; } = [];
    public string Sort { get; private set; } = "dueAt";

    /// <summary>The API's CSV export of this very list: the same query, every matching row.</summary>
    public string CsvHref { get; private set; } = "";

    public async Task OnGetAsync(string? kind, string? department, string? item, string? window, string? clerk, string? claimedBy,
        string? receivedFrom, string? receivedTo, string? sort, [FromQuery(Name = "page")] int? page, int? pageSize, CancellationToken cancellationToken)
    {
        IsTasks = string.Equals(kind, "tasks", StringComparison.OrdinalIgnoreCase);
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
        Items = await catalog.ListItemsAsync(cancellationToken);
        var query = new ListQuery(hours);
        string[] levels = Request.Query["level"]!, statuses = Request.Query["status"]!;
        Levels = query.Names("level", levels, DueLevels);
        var paging = query.PageOf(page, pageSize);
        if (IsTasks)
        {
            Statuses = query.Names("status", statuses, [Approval.Workflows.Cases.TaskStatus.Open]);
            var order = query.Order("sort", sort, TaskSortColumn.DueAt);
            Sort = order.ToString();
            if (query.IsValid)
                Tasks = await taskList.PageAsync(new TaskListFilter(Levels, Statuses, ListQuery.Code(department), ListQuery.Code(claimedBy), ListQuery.Code(item), order), paging, cancellationToken);
        }
        else
        {
            Statuses = query.Names("status", statuses, Case.OpenStatuses);
            var (from, before) = query.Days("receivedFrom", receivedFrom, "receivedTo", receivedTo);
            var order = query.Order("sort", sort, CaseSortColumn.DueAt);
            Sort = order.ToString();
            if (query.IsValid)
                Cases = await caseList.PageAsync(new CaseListFilter(Levels, Statuses, ListQuery.Code(department), ListQuery.Code(item), from, before,
                    ListQuery.Code(window), ListQuery.Code(clerk), order), paging, cancellationToken);
        }
        Errors = query.Errors;
        if (Cases is { } cases)
            Pager = Pager.For(cases, Request, "page");
        if (Tasks is { } tasks)
            Pager = Pager.For(tasks, Request, "page");
        CsvHref = (IsTasks ? "/api/supervision/tasks" : "/api/supervision/cases") + Forwarded(IsTasks ? TaskParameters : CaseParameters, ("format", "csv"));
    }

    /// <summary>The filter's value as given, for the form.</summary>
    public string Given(string name) => Request.Query[name].ToString();

    /// <summary>This list sorted by a column: ascending, or descending when it is sorted by it ascending already.</summary>
    public string SortHref(string column) =>
        Request.Path + Forwarded(IsTasks ? TaskParameters : CaseParameters, ("kind", IsTasks ? "tasks" : null), ("sort", Sort == column ? "-" + column : column));

    /// <summary>How a column header says it is sorted, for aria-sort.</summary>
    public string? SortState(string column) => Sort == column ? "ascending" : Sort == "-" + column ? "descending" : null;

    // The list's own parameters as given (empty ones dropped), with some replaced or added.
    private string Forwarded(IEnumerable<string> names, params (string Name, string? Value)[] set)
    {
        var builder = new QueryBuilder();
        foreach (var name in names.Where(n => set.All(s => s.Name != n)))
        {
            foreach (var value in Request.Query[name].Where(v => !string.IsNullOrWhiteSpace(v)))
                builder.Add(name, value!);
        }
        foreach (var (name, value) in set.Where(s => s.Value is not null))
            builder.Add(name, value!);
        return builder.ToQueryString().ToString();
    }
}

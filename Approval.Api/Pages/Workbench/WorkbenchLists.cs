using Approval.Api.Supervision;
using Approval.Api.WorkLists;
using Approval.Workflows.Calendar;
using Approval.Workflows.People;

namespace Approval.Api.Pages.Workbench;

/// <summary>What the staff search page asks for; days are the service center's calendar days, the last one included.</summary>
public sealed record CaseSearchForm(string? Number, string? ApplicantName, string? ApplicantId, string? Item, DateOnly? ReceivedFrom, DateOnly? ReceivedTo)
{
    public bool IsEmpty => Number is null && ApplicantName is null && ApplicantId is null && Item is null && ReceivedFrom is null && ReceivedTo is null;
}

/// <summary>
/// The pages' door to the role work lists (Approval.Api/WorkLists): the same query classes, visibility rules and order as
/// the API, a page at a time. The query classes are internal to the API, so the (public) page models ask this class.
/// </summary>
public sealed class WorkbenchLists
{
    /// <summary>Rows per page on the pages: a screen's worth, not the API's 50.</summary>
    public const int PageSize = 20;

    private readonly WorkListCaseReader _cases;
    private readonly DepartmentTaskList _tasks;
    private readonly ApplicantCaseList _applicantCases;
    private readonly WorkListCounts _counts;
    private readonly BusinessHours _hours;
    private readonly TimeProvider _time;

    internal WorkbenchLists(WorkListCaseReader cases, DepartmentTaskList tasks, ApplicantCaseList applicantCases, WorkListCounts counts, BusinessHours hours, TimeProvider time)
    {
        _cases = cases;
        _tasks = tasks;
        _applicantCases = applicantCases;
        _counts = counts;
        _hours = hours;
        _time = time;
    }

    /// <summary>The badge counts of the person's lists (keys as <c>GET /api/me/worklist/counts</c> answers them).</summary>
    public Task<IReadOnlyDictionary<string, int>> CountsAsync(User user, bool center, CancellationToken cancellationToken) =>
        _counts.ForAsync(user, WindowOf(user, center), cancellationToken);

    /// <summary>A window queue: the clerk's window, or the whole center for a lead clerk who asks for it.</summary>
    public Task<Page<WorkListCase>> WindowAsync(WindowList list, User user, bool center, int page, CancellationToken cancellationToken) =>
        _cases.PageAsync(WindowWorkLists.For(list, WindowOf(user, center), null), Paging(page), cancellationToken);

    /// <summary>One view of the person's department's open tasks; none for a person of no department.</summary>
    public async Task<Page<DepartmentTask>> TasksAsync(TaskView view, User user, int page, CancellationToken cancellationToken)
    {
        if (user.DepartmentCode is not { } department || (view == TaskView.Reassignable && user.Role != Role.DepartmentHead))
            return new Page<DepartmentTask>(page, PageSize, 0, []);
        return await _tasks.PageAsync(new TaskListRequest(view, department, user.UserName, [], null, _time.GetUtcNow()), Paging(page), cancellationToken);
    }

    /// <summary>A department head's case list; none for anybody else.</summary>
    public async Task<Page<WorkListCase>> HeadAsync(HeadList list, User user, int page, CancellationToken cancellationToken)
    {
        if (user.Role != Role.DepartmentHead || user.DepartmentCode is not { } department)
            return new Page<WorkListCase>(page, PageSize, 0, []);
        return await _cases.PageAsync(HeadWorkLists.For(list, department), Paging(page), cancellationToken);
    }

    /// <summary>The applicant's own cases, what they must do first on top.</summary>
    public async Task<Page<ApplicantCase>> ApplicantAsync(User user, int page, CancellationToken cancellationToken)
    {
        if (user.ApplicantIdNumber is not { } id)
            return new Page<ApplicantCase>(page, PageSize, 0, []);
        return await _applicantCases.PageAsync(id, [], Paging(page), cancellationToken);
    }

    /// <summary>办件查询: what the person may read of the matching cases, newest received first; the IDs masked.</summary>
    public Task<Page<WorkListCase>> SearchAsync(User user, CaseSearchForm form, int page, CancellationToken cancellationToken)
    {
        var criteria = new CaseSearchCriteria(ListQuery.Code(form.Number), ListQuery.Code(form.ApplicantName), ListQuery.Code(form.ApplicantId),
            ListQuery.Code(form.Item), [], form.ReceivedFrom is { } from ? _hours.StartOf(from) : null,
            form.ReceivedTo is { } to ? _hours.StartOf(to.AddDays(1)) : null);
        return _cases.PageAsync(StaffCaseSearch.For(user, criteria), Paging(page), cancellationToken);
    }

    // The whole center only for a lead clerk, as the API's scope=center.
    private static string? WindowOf(User user, bool center) => center && user.IsLeadClerk ? null : WindowWorkLists.OwnWindow(user);

    private static Paging Paging(int page) => new(Math.Max(page, 1), PageSize);
}

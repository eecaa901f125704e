using Approval.Api.Identity;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Api.WorkLists;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Approval.Api.Pages.Localization;

namespace Approval.Api.Pages.Workbench;

/// <summary>
/// A department's work: its task views (the department's, unclaimed, claimed by me, delegated to me, as substitute; for the
/// head also the tasks to reassign) and the head's case lists (awaiting decision, extension candidates), one tab at a time,
/// each with its count, the most urgent first.
/// </summary>
[Authorize(Policy = Policies.DepartmentStaff)]
internal sealed class TasksModel(WorkbenchLists lists, NoticeList notices, ICatalog catalog, IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<ListTab> Tabs { get; private set; } = [];
    public string Current { get; private set; } = "";
    public Page<DepartmentTask>? Tasks { get; private set; }
    public Page<WorkListCase>? Cases { get; private set; }
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);
    public string DepartmentName { get; private set; } = "";

    /// <summary>The correction notices (督办) the department has still to answer.</summary>
    public int NoticesToAnswer { get; private set; }

    // "page" is also the route value naming the Razor page ("/Workbench/Tasks"), which binds first: the number is the query's.
    public async Task OnGetAsync(string? list, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        var user = User.ToUser()!;
        var head = user.Role == Role.DepartmentHead;
        var counts = await lists.CountsAsync(user, false, cancellationToken);
        var views = Enum.GetValues<TaskView>().Where(v => v != TaskView.Reassignable || head).Select(v => (Key: $"tasks.{WorkListEndpoints.Key(v)}", Label: text.Name(v)));
        var headLists = head ? Enum.GetValues<HeadList>().Select(l => (Key: WorkListEndpoints.Key(l), Label: text.Name(l))) : [];
        var all = views.Concat(headLists).ToList();
        Current = all.Any(t => t.Key == list) ? list! : all[0].Key;
        Tabs = [.. all.Select(t => new ListTab(t.Key, t.Label, $"/workbench/tasks?list={t.Key}", counts.GetValueOrDefault(t.Key), t.Key == Current))];

        if (Current.StartsWith("tasks.", StringComparison.Ordinal))
        {
            Tasks = await lists.TasksAsync(Enum.Parse<TaskView>(Current["tasks.".Length..], ignoreCase: true), user, page ?? 1, cancellationToken);
            Pager = Pager.For(Tasks, Request, "page");
        }
        else
        {
            Cases = await lists.HeadAsync(Enum.Parse<HeadList>(Current, ignoreCase: true), user, page ?? 1, cancellationToken);
            Pager = Pager.For(Cases, Request, "page");
        }
        NoticesToAnswer = (await NoticesModel.PageAsync(notices, user, answered: false, 1, cancellationToken)).Total;
        var department = user.DepartmentCode;
        DepartmentName = (await catalog.ListDepartmentsAsync(cancellationToken)).FirstOrDefault(d => d.Code == department)?.Name ?? department ?? "";
    }
}

using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Api.WorkLists;
using Approval.Workflows.Calendar;
using Approval.Workflows.People;
using Microsoft.EntityFrameworkCore;

namespace Approval.Benchmarks;

/// <summary>
/// Every role's work list (Approval.Api/WorkLists) as its endpoint reads it, with the people, IDs and numbers of the
/// generated history: the applicant of the newest case, window w01 (and the center, as a lead clerk), a reviewer who
/// holds open fire tasks, the samr head, and a search by each criterion as each role.
/// </summary>
internal sealed class WorkListReads(IDbContextFactory<ApprovalDbContext> contexts, BusinessHours hours)
{
    private readonly WorkListCaseReader _cases = new(contexts);
    private readonly DepartmentTaskList _tasks = new(contexts);
    private readonly ApplicantCaseList _applicantCases = new(contexts);
    private readonly Paging _page = new(1, Paging.DefaultSize);

    public async Task<IReadOnlyList<(string Name, Func<Task<int>> Read)>> AllAsync(DateOnly today)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var newest = await db.Cases.OrderByDescending(c => c.ReceivedAt).Select(c => new { c.ApplicantIdNumber, c.ApplicantName, c.Number }).FirstAsync();
        var open = nameof(Approval.Workflows.Cases.TaskStatus.Open);
        // The reviewer of fire who holds the most open tasks (the longest "my tasks" list), whatever order an index returns them in.
        var holder = await db.CaseTasks.Where(t => t.DepartmentCode == "fire" && t.Status == open && t.ClaimedBy != null)
            .GroupBy(t => t.ClaimedBy!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstOrDefaultAsync() ?? "fire-reviewer";
        var now = TimeProvider.System.GetUtcNow();
        var reviewer = new User("bench", "fire-reviewer", "bench", Role.DepartmentReviewer) { DepartmentCode = "fire" };
        var supervisor = new User("bench", "supervisor", "bench", Role.Supervisor);
        var (monthFrom, monthBefore) = (hours.StartOf(today.AddDays(-30)), hours.StartOf(today.AddDays(1)));
        TaskListRequest Tasks(TaskView view, string department, string user) => new(view, department, user, [], null, now);
        CaseSearchCriteria Search(string? number = null, string? name = null, string? id = null, string? item = null, DateTimeOffset? from = null, DateTimeOffset? before = null) =>
            new(number, name, id, item, [], from, before);
        return
        [
            ("GET me/cases (applicant of the newest case)", async () => (await _applicantCases.PageAsync(newest.ApplicantIdNumber, [], _page, default)).Items.Count),
            ("GET me/worklist/counts (applicant)", async () => await _applicantCases.ActionNeededAsync(newest.ApplicantIdNumber, default)),
            ("GET window/awaiting-acceptance", () => Cases(WindowWorkLists.For(WindowList.AwaitingAcceptance, "w01", null))),
            ("GET window/supplements-returned (w01)", () => Cases(WindowWorkLists.For(WindowList.SupplementsReturned, "w01", null))),
            ("GET window/supplements-returned?scope=center", () => Cases(WindowWorkLists.For(WindowList.SupplementsReturned, null, null))),
            ("GET window/promises-due (w01)", () => Cases(WindowWorkLists.For(WindowList.PromisesDue, "w01", null))),
            ("GET window/promises-due?scope=center", () => Cases(WindowWorkLists.For(WindowList.PromisesDue, null, null))),
            ("GET window/results-ready (w01)", () => Cases(WindowWorkLists.For(WindowList.ResultsReady, "w01", null))),
            ("GET window/results-ready?scope=center", () => Cases(WindowWorkLists.For(WindowList.ResultsReady, null, null))),
            ("GET me/worklist/counts (clerk, 4 lists)", async () =>
            {
                var total = 0;
                foreach (var list in Enum.GetValues<WindowList>())
                    total += await _cases.CountAsync(WindowWorkLists.For(list, "w01", null), default);
                return total;
            }),
            ("GET department/tasks (fire)", () => TaskPage(Tasks(TaskView.Department, "fire", holder))),
            ("GET department/tasks?view=Unclaimed (fire)", () => TaskPage(Tasks(TaskView.Unclaimed, "fire", holder))),
            ($"GET department/tasks?view=Claimed ({holder})", () => TaskPage(Tasks(TaskView.Claimed, "fire", holder))),
            ($"GET department/tasks?view=Delegated ({holder})", () => TaskPage(Tasks(TaskView.Delegated, "fire", holder))),
            ("GET department/tasks?view=Substitute (fire-head)", () => TaskPage(Tasks(TaskView.Substitute, "fire", "fire-head"))),
            ("GET department/tasks?view=Reassignable (fire-head)", () => TaskPage(Tasks(TaskView.Reassignable, "fire", "fire-head"))),
            ("GET department/extension-candidates (samr)", () => Cases(HeadWorkLists.For(HeadList.ExtensionCandidates, "samr"))),
            ("GET department/awaiting-decision (samr)", () => Cases(HeadWorkLists.For(HeadList.AwaitingDecision, "samr"))),
            ("GET search/cases?number (supervisor)", () => Cases(StaffCaseSearch.For(supervisor, Search(number: newest.Number)))),
            ("GET search/cases?applicantId (fire reviewer)", () => Cases(StaffCaseSearch.For(reviewer, Search(id: newest.ApplicantIdNumber)))),
            ("GET search/cases?applicantName (supervisor)", () => Cases(StaffCaseSearch.For(supervisor, Search(name: newest.ApplicantName)))),
            ("GET search/cases?item=SP-JY-001 (supervisor)", () => Cases(StaffCaseSearch.For(supervisor, Search(item: "SP-JY-001")))),
            ("GET search/cases?item=QY-SL-001&30 days (fire reviewer)", () => Cases(StaffCaseSearch.For(reviewer, Search(item: "QY-SL-001", from: monthFrom, before: monthBefore)))),
            ("GET search/cases?receivedFrom&To (30 days, supervisor)", () => Cases(StaffCaseSearch.For(supervisor, Search(from: monthFrom, before: monthBefore)))),
        ];
    }

    private async Task<int> Cases(CaseListQuery query) => (await _cases.PageAsync(query, _page, default)).Items.Count;

    private async Task<int> TaskPage(TaskListRequest request) => (await _tasks.PageAsync(request, _page, default)).Items.Count;
}

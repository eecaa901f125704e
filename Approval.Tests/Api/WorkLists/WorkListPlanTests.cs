using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Api.WorkLists;
using Approval.Tests.Api.Cases;
using Approval.Workflows.People;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.WorkLists;

/// <summary>
/// The plans SQLite gives the work lists' queries, as the application writes them (issue #14: each list under 50 ms at a
/// million cases). A plan does not depend on the rows, so an empty database shows it.
/// </summary>
public class WorkListPlanTests
{
    [Test]
    public async Task A_department_search_tells_whether_a_case_has_a_task_of_the_department_from_an_index_alone()
    {
        await using var factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T10:00:00");
        var reviewer = new User("plan", "fire-reviewer", "plan", Role.DepartmentReviewer) { DepartmentCode = "fire" };
        var criteria = new CaseSearchCriteria(null, null, null, "QY-SL-001", [], DateTimeOffset.Parse("2026-10-24T00:00:00+08:00"), null);

        var query = StaffCaseSearch.For(reviewer, criteria);

        // Counted and paged on the department's membership rows alone: no case row, no task probed per case (the count probed
        // the tasks once per case of the item in the range: p95 140–184 ms at 100,000 cases, ten times the cases at a million).
        foreach (var plan in new[] { await PlanAsync(factory, query, ordered: false), await PlanAsync(factory, query) })
        {
            // The count from the index alone; the page's 50 ids from their rows, found by the index in order.
            Assert.That(plan, Does.Contain("INDEX IX_CaseDepartments_DepartmentCode_ItemCode_ReceivedAt_CaseNumber (DepartmentCode=? AND ItemCode=? AND ReceivedAt>?)"), plan);
            Assert.That(plan.Split('\n'), Has.Length.EqualTo(1), plan);
            Assert.That(plan, Does.Not.Contain("TEMP B-TREE"), plan);
        }
    }

    [Test]
    public async Task A_department_search_by_number_looks_the_few_cases_found_up_in_the_membership_key()
    {
        await using var factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T10:00:00");
        var reviewer = new User("plan", "fire-reviewer", "plan", Role.DepartmentReviewer) { DepartmentCode = "fire" };
        var criteria = new CaseSearchCriteria("YF-2026-000001", null, null, null, [], null, null);

        var plan = await PlanAsync(factory, StaffCaseSearch.For(reviewer, criteria));

        Assert.That(plan, Does.Contain("SEARCH c USING INDEX IX_Cases_Number (Number=?)"), plan);
        Assert.That(plan, Does.Contain("USING COVERING INDEX sqlite_autoindex_CaseDepartments_1 (CaseId=? AND DepartmentCode=?)"), plan);
    }

    [Test]
    public async Task Supplements_returned_are_read_from_the_case_s_own_columns_not_its_timeline()
    {
        await using var factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T10:00:00");

        var center = await PlanAsync(factory, WindowWorkLists.For(WindowList.SupplementsReturned, null, null));
        var window = await PlanAsync(factory, WindowWorkLists.For(WindowList.SupplementsReturned, "w01", null));

        // Per waiting application, its timeline lines were read (p95 up to 275 ms for the center at 100,000 cases).
        Assert.That(center, Does.Contain("USING INDEX IX_Cases_SupplementsReturned").And.Not.Contain("CaseEvents").And.Not.Contain("TEMP B-TREE"), center);
        Assert.That(window, Does.Contain("USING INDEX IX_Cases_SupplementsReturnedTo_WindowDueAt_Number (SupplementsReturnedTo=?)").And.Not.Contain("CaseEvents"), window);
        Assert.That(window, Does.Not.Contain("TEMP B-TREE"), "a window's list is read in its order");
    }

    [Test]
    public async Task Cases_awaiting_the_head_s_decision_are_read_from_the_case_s_own_column_not_the_open_tasks()
    {
        await using var factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T10:00:00");

        var query = HeadWorkLists.For(HeadList.AwaitingDecision, "samr");

        // NOT IN the open tasks' cases built a list of every open task's case for each read (tenfold at a million cases).
        foreach (var plan in new[] { await PlanAsync(factory, query, ordered: false), await PlanAsync(factory, query) })
            Assert.That(plan, Does.Contain("INDEX IX_Cases_AwaitingDecision (LeadDepartmentCode=?)").And.Not.Contain("CaseTasks").And.Not.Contain("TEMP B-TREE"), plan);
    }

    [Test]
    public async Task A_head_s_extension_candidates_are_counted_and_paged_off_the_index_of_warned_cases()
    {
        await using var factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T10:00:00");

        var parts = HeadWorkLists.For(HeadList.ExtensionCandidates, "samr").Parts.ToList();

        // One query over both statuses read the level from every in-review case's row and sorted all the warned ones for each page
        // (p50 104 ms for 27,250 of samr's cases at a million): now in review, then suspended, each in its index's order.
        Assert.That(parts, Has.Count.EqualTo(2));
        foreach (var part in parts)
        {
            var (count, page) = (await PlanAsync(factory, part, ordered: false), await PlanAsync(factory, part));
            Assert.That(count, Does.Contain("COVERING INDEX"), "counted from an index alone: " + count);
            Assert.That(page, Does.Contain("INDEX IX_Cases_ExtensionCandidates (LeadDepartmentCode=? AND Status=?)").And.Not.Contain("TEMP B-TREE"), page);
        }
    }

    [TestCase(TaskView.Unclaimed)]
    [TestCase(TaskView.Claimed)]
    public async Task A_reviewer_s_task_lists_are_counted_and_sorted_from_an_index_alone(TaskView view)
    {
        await using var factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T10:00:00");
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var request = new TaskListRequest(view, "fire", "fire-reviewer", [], null, DateTimeOffset.Parse("2026-11-24T10:00:00+08:00"));
        var tasks = await DepartmentTaskList.FilteredAsync(db, request, CancellationToken.None);

        var count = await PlanAsync(db, CountSql(tasks.Select(t => t.Id)));
        var page = await PlanAsync(db, DepartmentTaskList.Ordered(tasks).Take(Paging.DefaultSize).ToQueryString());

        // On (DepartmentCode, Status, DueAt) or (ClaimedBy, Status, DueAt) both read every matching task's row (p50 53 ms for
        // fire's 2,839 unclaimed tasks at a million cases). The page still sorts (nulls last), but on the index's entries.
        // Either index serves both lists (ClaimedBy IS NULL is an equality for SQLite); which one the planner takes depends on its statistics.
        Assert.That(count, Does.Match(@"COVERING INDEX IX_CaseTasks_(Department|Holder) \((ClaimedBy|DepartmentCode)=\? AND Status=\? AND (DepartmentCode|ClaimedBy)=\?\)"), count);
        Assert.That(page, Does.Match("INDEX IX_CaseTasks_(Department|Holder) "), page);
    }

    private static async Task<string> PlanAsync(CaseApiFactory factory, CaseListQuery query, bool ordered = true)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var read = ordered ? query.OrderedIds(db).Take(Paging.DefaultSize) : query.Ids(db);
        return await PlanAsync(db, ordered ? read.ToQueryString() : CountSql(read));
    }

    private static async Task<string> PlanAsync(ApprovalDbContext db, string query)
    {
        // ToQueryString declares the parameters as ".param set" lines; unbound parameters are NULL, which leaves the plan as it is.
        var sql = string.Join('\n', query.Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(3));
        return string.Join('\n', lines);
    }

    // The count the list runs (EF Core writes COUNT(*) over the same filter); ToQueryString cannot show a terminal operator.
    private static string CountSql(IQueryable<string> ids)
    {
        var select = ids.ToQueryString();
        var from = select.IndexOf("FROM", StringComparison.Ordinal);
        return string.Concat(select.AsSpan(0, select.IndexOf("SELECT", StringComparison.Ordinal)), "SELECT COUNT(*)\n", select.AsSpan(from));
    }
}

using Approval.Api.Persistence;
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

        var plan = await PlanAsync(factory, StaffCaseSearch.For(reviewer, criteria));

        // Through the CaseId index alone, every task row of each case found was read (~300 ms for an item over 30 days at 100,000 cases).
        Assert.That(plan, Does.Contain("USING COVERING INDEX IX_CaseTasks_CaseId_DepartmentCode_Status (CaseId=? AND DepartmentCode=?)"), plan);
    }

    private static async Task<string> PlanAsync(CaseApiFactory factory, CaseListQuery query)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        // ToQueryString declares the parameters as ".param set" lines; unbound parameters are NULL, which leaves the plan as it is.
        var sql = string.Join('\n', query.Order(query.Matching(db)).ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));
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
}

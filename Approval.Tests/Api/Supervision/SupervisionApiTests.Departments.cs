using Approval.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Supervision;

/// <summary>
/// A department's cases (<c>department=</c>) are the cases it leads and the cases led elsewhere where it has an open task,
/// each once (samr leads cases where it also has open tasks; fire only has tasks). The list reads the two apart and unites
/// them (SupervisedCaseList); whatever the form, the answer is the list without the department narrowed to those cases:
/// the same rows in the same order, the same total, page after page, and its export.
/// </summary>
public partial class SupervisionApiTests
{
    [TestCase("")]
    [TestCase("level=Green,Prompt,Yellow,Red")]
    [TestCase("level=Yellow")]
    [TestCase("level=Green,Prompt,Yellow,Red&sort=-dueAt")]
    [TestCase("level=Green,Prompt,Yellow,Red&sort=receivedAt")]
    [TestCase("sort=-number")]
    [TestCase("receivedFrom=2026-11-24")]
    [TestCase("item=QY-SL-001&level=Green,Prompt,Yellow,Red")]
    public async Task A_department_s_cases_are_the_list_narrowed_to_the_cases_it_leads_or_has_an_open_task_in_page_by_page(string query)
    {
        await using var db = await _cases.Factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>().CreateDbContextAsync();
        var leads = await db.Cases.ToDictionaryAsync(c => c.Id, c => c.LeadDepartmentCode);
        var openTasks = await db.CaseTasks.Where(t => t.Status == "Open").Select(t => new { t.CaseId, t.DepartmentCode }).ToListAsync();
        var everyList = Ids(await Read($"/api/supervision/cases?pageSize=200&{query}"), "caseId");

        string[] departments = ["samr", "fire", "tax", "housing", "planning"];
        // What makes the comparison say something, on the defaults: samr leads cases it has open tasks in (each comes once),
        // fire leads none of the cases of its open task (found through the task alone).
        if (query.Length == 0)
        {
            Assert.That(everyList.Where(id => leads[id] == "samr").Count(id => openTasks.Any(t => t.CaseId == id && t.DepartmentCode == "samr")), Is.GreaterThan(0));
            Assert.That(everyList.Count(id => leads[id] != "fire" && openTasks.Any(t => t.CaseId == id && t.DepartmentCode == "fire")), Is.GreaterThan(0));
        }
        foreach (var department in departments)
        {
            var expected = everyList.Where(id => leads[id] == department || openTasks.Any(t => t.CaseId == id && t.DepartmentCode == department)).ToList();
            var whole = await Read($"/api/supervision/cases?pageSize=200&department={department}&{query}");
            Assert.That(Ids(whole, "caseId"), Is.EqualTo(expected), department);
            Assert.That(whole["total"]!.GetValue<int>(), Is.EqualTo(expected.Count), department);

            var paged = new List<string>();
            for (var number = 1; number <= expected.Count + 1; number++)
            {
                var page = await Read($"/api/supervision/cases?pageSize=1&page={number}&department={department}&{query}");
                Assert.That(page["total"]!.GetValue<int>(), Is.EqualTo(expected.Count), $"{department}, page {number}");
                paged.AddRange(Ids(page, "caseId"));
            }
            Assert.That(paged, Is.EqualTo(expected), $"{department}: pages neither overlap nor skip");
            var csv = Lines(await Csv($"/api/supervision/cases?format=csv&department={department}&{query}"));
            Assert.That(csv.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(expected), $"{department}: the export");
        }
    }
}

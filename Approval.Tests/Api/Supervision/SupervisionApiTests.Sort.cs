namespace Approval.Tests.Api.Supervision;

/// <summary>
/// The lists sort by the columns of their own index (sort=, a leading - for descending), and the CSV export follows. The
/// Yellow and Prompt cases were received at the same instant on the same day, so between them the case number (a serial
/// the day's numbering drew) decides: <c>Tied</c> stands for the two in ascending number order, <c>Tied-</c> descending.
/// </summary>
public partial class SupervisionApiTests
{
    [TestCase("", "Red,Prompt,Yellow")]
    [TestCase("sort=dueAt", "Red,Prompt,Yellow")]
    [TestCase("sort=-dueAt", "Yellow,Prompt,Red")]
    [TestCase("sort=receivedAt", "Red,Tied")]
    [TestCase("sort=-receivedAt", "Tied-,Red")]
    [TestCase("sort=number", "Red,Tied")]
    [TestCase("sort=-Number", "Tied-,Red")]
    public async Task The_case_list_sorts_by_due_received_or_number_and_its_CSV_in_the_same_order(string query, string expected)
    {
        var wanted = await SortedAsync(expected);
        var page = await Read($"/api/supervision/cases?{query}");
        Assert.That(Ids(page, "caseId"), Is.EqualTo(wanted));
        var csv = Lines(await Csv($"/api/supervision/cases?{query}&format=csv"));
        Assert.That(csv.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(wanted), "the export holds the list in the list's order");
    }

    [Test]
    public async Task A_sorted_list_pages_without_overlap_or_gap()
    {
        var pages = new List<string>();
        for (var number = 1; number <= 3; number++)
            pages.AddRange(Ids(await Read($"/api/supervision/cases?sort=-receivedAt&page={number}&pageSize=1"), "caseId"));
        Assert.That(pages, Is.EqualTo(await SortedAsync("Tied-,Red")));
    }

    [TestCase("sort=departmentCode", "Yellow/eco,Yellow/fire,Yellow/health,Yellow/hrss,Red/samr,Yellow/samr,Prompt/samr,Yellow/tax")]
    [TestCase("sort=-dueAt&department=samr", "Prompt/samr,Yellow/samr,Red/samr")]
    public async Task The_task_list_sorts_by_due_or_department(string query, string expected)
    {
        var page = await Read($"/api/supervision/tasks?{query}");
        var rows = page["items"]!.AsArray().Select(t => $"{t!["caseId"]!.GetValue<string>()}/{t["departmentCode"]!.GetValue<string>()}");
        var wanted = expected.Split(',').Select(e => e.Split('/')).Select(e => $"{Cases(e[0]).Single()}/{e[1]}");
        Assert.That(rows, Is.EqualTo(wanted));
    }

    [Test]
    public async Task The_task_list_sorts_by_case_number_descending_departments_in_order_within_a_case()
    {
        var page = await Read("/api/supervision/tasks?sort=-caseNumber");
        var rows = page["items"]!.AsArray().Select(t => (Case: t!["caseId"]!.GetValue<string>(), Department: t["departmentCode"]!.GetValue<string>())).ToList();
        var caseOrder = rows.Select(r => r.Case).Distinct().ToList();
        Assert.That(caseOrder, Is.EqualTo(await SortedAsync("Tied-,Red")));
        Assert.That(rows.Where(r => r.Case == _cases.Yellow).Select(r => r.Department), Is.EqualTo(new[] { "eco", "fire", "health", "hrss", "samr", "tax" }));
    }

    // The named cases, "Tied" expanded to Yellow and Prompt by their numbers (ascending, or descending for "Tied-").
    private async Task<string[]> SortedAsync(string expected)
    {
        var numbers = (await Read("/api/supervision/cases?level=Prompt,Yellow"))["items"]!.AsArray()
            .ToDictionary(c => c!["caseId"]!.GetValue<string>(), c => c!["number"]!.GetValue<string>());
        var tied = new[] { _cases.Yellow, _cases.Prompt }.OrderBy(id => numbers[id], StringComparer.Ordinal).ToArray();
        return [.. expected.Split(',').SelectMany(name => name switch
        {
            "Tied" => tied,
            "Tied-" => tied.Reverse(),
            _ => Cases(name),
        })];
    }
}

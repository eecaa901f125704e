using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Api.WorkLists;
using Approval.Tests.Api.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.WorkLists;

/// <summary>
/// 延期候选 is read as two parts (in review by due instant, then the suspended by number), each off its own index range: the
/// list the head pages through must still be one list, the same as one query ordered "soonest due first, no due instant last".
/// </summary>
public class ExtensionCandidateOrderTests
{
    private static readonly DateTimeOffset Received = DateTimeOffset.Parse("2026-11-02T09:00:00+08:00");

    [Test]
    public async Task The_warned_cases_in_review_come_soonest_due_first_then_the_suspended_and_pages_run_across_the_two()
    {
        await using var factory = await CaseApiFactory.StartAsync(DatabaseProvider.Sqlite, "2026-11-24T10:00:00");
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<ApprovalDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Cases.AddRange(
                Row("N-05", "InReview", "Red", due: 3),
                Row("N-01", "InReview", "Yellow", due: 9),
                Row("N-04", "InReview", "Prompt", due: 1),
                Row("N-09", "Suspended", "Red", due: null),
                Row("N-02", "Suspended", "Yellow", due: null),
                Row("N-03", "InReview", "Green", due: 2),          // not warned
                Row("N-06", "Suspended", "Green", due: null),      // not warned
                Row("N-07", "InReview", "Red", due: 1, lead: "fire"), // another department leads
                Row("N-08", "Decided", "Red", due: 1));            // past the extension
            await db.SaveChangesAsync();
        }
        var reader = new WorkListCaseReader(contexts);
        var query = HeadWorkLists.For(HeadList.ExtensionCandidates, "samr");

        var pages = new List<Page<WorkListCase>>();
        for (var number = 1; number <= 3; number++)
            pages.Add(await reader.PageAsync(query, new Paging(number, 2), CancellationToken.None));
        var streamed = new List<string>();
        await foreach (var line in reader.StreamAsync(query, CancellationToken.None))
            streamed.Add(line.Number);

        string[] expected = ["N-04", "N-05", "N-01", "N-02", "N-09"];
        Assert.That(pages.SelectMany(p => p.Items).Select(c => c.Number), Is.EqualTo(expected), "page 2 ends the cases in review and starts the suspended");
        Assert.That(pages.Select(p => p.Total), Is.All.EqualTo(5));
        Assert.That(pages.Select(p => p.Items.Count), Is.EqualTo(new[] { 2, 2, 1 }));
        Assert.That(await reader.CountAsync(query, CancellationToken.None), Is.EqualTo(5));
        Assert.That(streamed, Is.EqualTo(expected), "the CSV export has the pages' order");
    }

    private static CaseRecord Row(string number, string status, string level, int? due, string lead = "samr") => new()
    {
        Id = "case-" + number, Number = number, QueryCode = "q-" + number, ItemCode = "QY-SL-001", Status = status, Level = level,
        ApplicantIdNumber = "110105199001010011", ApplicantName = "申请人", LeadDepartmentCode = lead, ReceivedAt = Received,
        AcceptedAt = Received, DueAt = due is { } days ? Received.AddDays(20 + days) : null, State = "{}",
    };
}

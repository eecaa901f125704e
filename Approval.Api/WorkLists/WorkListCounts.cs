using Approval.Api.Supervision;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;

namespace Approval.Api.WorkLists;

/// <summary>The pending count of each of the caller's lists, for badges: one COUNT per list, each on the list's own index.</summary>
internal sealed class WorkListCounts(WorkListCaseReader cases, DepartmentTaskList tasks, ApplicantCaseList applicantCases, NoticeList notices, TimeProvider time)
{
    /// <summary>The notices a department still has to answer (the head's list is <c>GET /api/notices?status=Open,Overdue,Escalated</c>).</summary>
    public static readonly IReadOnlyList<string> NoticesToAnswer = [nameof(NoticeStatus.Open), nameof(NoticeStatus.Overdue), nameof(NoticeStatus.Escalated)];

    /// <param name="window">For a clerk: their window, or null for the whole center (a lead clerk's choice).</param>
    public async Task<IReadOnlyDictionary<string, int>> ForAsync(User user, string? window, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        switch (user.Role)
        {
            case Role.Applicant:
                counts["actionNeeded"] = user.ApplicantIdNumber is { } id ? await applicantCases.ActionNeededAsync(id, cancellationToken) : 0;
                break;
            case Role.WindowClerk:
                foreach (var list in Enum.GetValues<WindowList>())
                    counts[WorkListEndpoints.Key(list)] = await cases.CountAsync(WindowWorkLists.For(list, window, null), cancellationToken);
                break;
            case Role.DepartmentReviewer or Role.DepartmentHead when user.DepartmentCode is { } department:
                var now = time.GetUtcNow();
                foreach (var view in Enum.GetValues<TaskView>().Where(v => v != TaskView.Reassignable || user.Role == Role.DepartmentHead))
                    counts[$"tasks.{WorkListEndpoints.Key(view)}"] = await tasks.CountAsync(new TaskListRequest(view, department, user.UserName, [], null, now), cancellationToken);
                if (user.Role == Role.DepartmentHead)
                {
                    foreach (var list in Enum.GetValues<HeadList>())
                        counts[WorkListEndpoints.Key(list)] = await cases.CountAsync(HeadWorkLists.For(list, department), cancellationToken);
                    counts["noticesToAnswer"] = (await notices.PageAsync(new NoticeListFilter(NoticesToAnswer, department), new Paging(1, 1), cancellationToken)).Total;
                }
                break;
        }
        return counts;
    }
}

using Approval.Api.Supervision;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;

namespace Approval.Api.Pages.Workbench;

/// <summary>
/// The pages' door to the correction notices (督办) and supervision recommendations sent to a department: the same list and
/// answer as <c>GET /api/notices</c> and <c>POST /api/supervision/notices/{id}/answer</c> (internal to the API, hence this
/// public class).
/// </summary>
public sealed class DepartmentNotices
{
    /// <summary>The notices still waiting for the department's answer: open, overdue or escalated.</summary>
    public static readonly IReadOnlyList<string> Unanswered = [nameof(NoticeStatus.Open), nameof(NoticeStatus.Overdue), nameof(NoticeStatus.Escalated)];

    private readonly NoticeList _list;
    private readonly CorrectionNoticeDesk _desk;

    internal DepartmentNotices(NoticeList list, CorrectionNoticeDesk desk)
    {
        _list = list;
        _desk = desk;
    }

    /// <summary>A page of the person's department's notices, soonest due first: unanswered or answered ones; none for a person of no department.</summary>
    public async Task<Page<CorrectionNotice>> PageAsync(User user, bool answered, int page, CancellationToken cancellationToken)
    {
        if (user.DepartmentCode is not { } department)
            return new Page<CorrectionNotice>(page, WorkbenchLists.PageSize, 0, []);
        var filter = new NoticeListFilter(answered ? [nameof(NoticeStatus.Answered)] : Unanswered, department);
        return await _list.PageAsync(filter, new Paging(Math.Max(page, 1), WorkbenchLists.PageSize), cancellationToken);
    }

    /// <summary>The department's answer; null when its department has no such notice (another department's is not there for it).</summary>
    public Task<CorrectionNotice?> AnswerAsync(User user, long noticeId, string answer, CancellationToken cancellationToken) =>
        user.DepartmentCode is { } department
            ? _desk.AnswerAsync(noticeId, department, answer, Actor.Of(user).Name, cancellationToken)
            : Task.FromResult<CorrectionNotice?>(null);
}

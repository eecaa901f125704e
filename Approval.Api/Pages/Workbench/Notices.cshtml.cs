using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Workflows.Inputs;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Workbench;

/// <summary>
/// 督办 on the department's workbench: the correction notices and supervision recommendations sent to the department, those
/// to answer first (soonest due on top) and the answered ones, each open one with its answer form.
/// </summary>
[Authorize(Policy = Policies.DepartmentStaff)]
internal sealed class NoticesModel(NoticeList notices, CorrectionNoticeDesk desk, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>The notices still waiting for the department's answer: open, overdue or escalated.</summary>
    private static readonly IReadOnlyList<string> Unanswered = [nameof(NoticeStatus.Open), nameof(NoticeStatus.Overdue), nameof(NoticeStatus.Escalated)];

    /// <summary>
    /// A page of the person's department's notices, soonest due first: unanswered or answered ones (<c>GET /api/notices</c>'s
    /// query); none for a person of no department.
    /// </summary>
    public static async Task<Page<CorrectionNotice>> PageAsync(NoticeList list, User user, bool answered, int page, CancellationToken cancellationToken)
    {
        if (user.DepartmentCode is not { } department)
            return new Page<CorrectionNotice>(page, WorkbenchLists.PageSize, 0, []);
        var filter = new NoticeListFilter(answered ? [nameof(NoticeStatus.Answered)] : Unanswered, department);
        return await list.PageAsync(filter, new Paging(Math.Max(page, 1), WorkbenchLists.PageSize), cancellationToken);
    }

    public IReadOnlyList<ListTab> Tabs { get; private set; } = [];
    public bool Answered { get; private set; }
    public Page<CorrectionNotice> Notices { get; private set; } = new(1, 1, 0, []);
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The notice whose answer was refused, to show the error beside its form.</summary>
    public long? Failed { get; private set; }

    public async Task OnGetAsync(string? list, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken) => await LoadAsync(list, page, cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(long noticeId, string? answer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(answer))
            ModelState.AddModelError("answer", text["Workbench.NoticeAnswerRequired"]);
        else
        {
            try
            {
                // Another department's notice is not there for this one (as POST /api/supervision/notices/{id}/answer).
                var user = User.ToUser()!;
                if (user.DepartmentCode is not { } department
                    || await desk.AnswerAsync(noticeId, department, answer, Actor.Of(user).Name, cancellationToken) is null)
                    return NotFound();
                return Redirect("/workbench/notices?done=notice-answered");
            }
            catch (InputTooLongException e)
            {
                ModelState.AddModelError("answer", e.Message);
            }
            catch (SupervisionRuleException e)
            {
                ModelState.AddModelError("", text["Problem.NotPossible", e.Message]);
            }
        }
        Failed = noticeId;
        await LoadAsync(null, 1, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(string? list, int? page, CancellationToken cancellationToken)
    {
        var user = User.ToUser()!;
        Answered = list == "answered";
        Notices = await PageAsync(notices, user, Answered, page ?? 1, cancellationToken);
        var other = await PageAsync(notices, user, !Answered, 1, cancellationToken);
        var (open, answered) = Answered ? (other.Total, Notices.Total) : (Notices.Total, other.Total);
        Tabs =
        [
            new ListTab("notices.open", text["Workbench.NoticesToAnswer"], "/workbench/notices", open, !Answered),
            new ListTab("notices.answered", text["Workbench.NoticesAnswered"], "/workbench/notices?list=answered", answered, Answered),
        ];
        Pager = Pager.For(Notices, Request, "page");
    }
}

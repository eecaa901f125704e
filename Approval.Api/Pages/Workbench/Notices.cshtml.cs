using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Workflows.Inputs;
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
public sealed class NoticesModel(DepartmentNotices notices, IStringLocalizer<UiText> text) : PageModel
{
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
                if (await notices.AnswerAsync(User.ToUser()!, noticeId, answer, cancellationToken) is null)
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
        Notices = await notices.PageAsync(user, Answered, page ?? 1, cancellationToken);
        var other = await notices.PageAsync(user, !Answered, 1, cancellationToken);
        var (open, answered) = Answered ? (other.Total, Notices.Total) : (Notices.Total, other.Total);
        Tabs =
        [
            new ListTab("notices.open", text["Workbench.NoticesToAnswer"], "/workbench/notices", open, !Answered),
            new ListTab("notices.answered", text["Workbench.NoticesAnswered"], "/workbench/notices?list=answered", answered, Answered),
        ];
        Pager = Pager.For(Notices, Request, "page");
    }
}

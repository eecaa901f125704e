using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Workflows.Attachments;
using Approval.Workflows.Cases;
using Approval.Workflows.People;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Portal.Mine;

/// <summary>The applicant's case: where it stands, its timeline, and their steps (supplement, withdraw, rate) through <see cref="ApplicantDesk"/>.</summary>
internal sealed class CaseModel(ICaseSessions sessions, ICatalog catalog, ApplicantDesk desk, CaseFiles files, AttachmentRules rules,
    ComplaintDesk complaints, IStringLocalizer<UiText> text) : PageModel
{
    public CaseSheet Sheet { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public bool Submitted { get; set; }

    public string Accept => string.Join(",", rules.Types.Values.SelectMany(e => e));

    /// <summary>The complaint as typed, shown again when it was refused.</summary>
    public string? ComplaintContact { get; private set; }
    public string? ComplaintBody { get; private set; }

    public async Task<IActionResult> OnGetAsync(string caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ?? Page();

    public Task<IActionResult> OnPostSupplementAsync(string caseId, CancellationToken cancellationToken) =>
        StepAsync(caseId, async () =>
        {
            foreach (var file in Request.Form.Files.Where(f => f.Length > 0 && f.Name.StartsWith("file.", StringComparison.Ordinal)))
            {
                await using var content = file.OpenReadStream();
                await files.AttachAsync(caseId, file.FileName, file.ContentType, file.Length, content, file.Name["file.".Length..], CasesEndpoints.Acting(User).Name, cancellationToken);
            }
            await desk.SupplementAsync(caseId, Actor.Of(User.ToUser()!), null, cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(string caseId, string? reason, CancellationToken cancellationToken) =>
        StepAsync(caseId, () => desk.WithdrawAsync(caseId, Actor.Of(User.ToUser()!), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRateAsync(string caseId, int? score, string? comment, CancellationToken cancellationToken)
    {
        if (score is not (>= 1 and <= 5))
        {
            ModelState.AddModelError("", text["MyCase.ScoreRequired"]);
            return StepAsync(caseId, () => Task.CompletedTask, cancellationToken);
        }
        return StepAsync(caseId, () => desk.RateAsync(caseId, Actor.Of(User.ToUser()!), (Satisfaction)score.Value,
            string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), cancellationToken), cancellationToken);
    }

    /// <summary>投诉: a complaint about this case to the supervisors, who decide within 5 working days; its progress is under 我的投诉.</summary>
    public async Task<IActionResult> OnPostComplainAsync(string caseId, string? contact, string? body, CancellationToken cancellationToken)
    {
        if (await LoadAsync(caseId, cancellationToken) is { } refusal)
            return refusal;
        (ComplaintContact, ComplaintBody) = (contact, body);
        try
        {
            var complaint = await complaints.FileAsync(caseId, User.ToUser()!.UserName, contact ?? "", body ?? "", cancellationToken);
            return Redirect($"/portal/mine/complaints?filed={complaint.Id}");
        }
        catch (Exception e) when (DomainProblems.Handles(e))
        {
            DomainProblems.Report(e, ModelState, text);
            return Page();
        }
    }

    // Reads the case the applicant may see: 404 when there is none, 403 when it is another applicant's.
    private async Task<IActionResult?> LoadAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await CaseSheet.LoadAsync(caseId, sessions, catalog, cancellationToken) is not { } sheet)
            return NotFound();
        if (!CaseReading.CanRead(User.ToUser()!, sheet.Case))
            return Forbid();
        Sheet = sheet;
        return null;
    }

    private async Task<IActionResult> StepAsync(string caseId, Func<Task> step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(caseId, cancellationToken) is { } refusal)
            return refusal;
        if (ModelState.ErrorCount > 0)
            return Page();
        try
        {
            await step();
        }
        catch (Exception e) when (DomainProblems.Handles(e))
        {
            DomainProblems.Report(e, ModelState, text);
            await LoadAsync(caseId, cancellationToken);
            return Page();
        }
        return Redirect($"/portal/mine/cases/{caseId}");
    }
}

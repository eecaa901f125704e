using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Workflows.Attachments;
using Approval.Workflows.Catalog;
using Approval.Workflows.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Workbench;

/// <summary>窗口收件: the window registers a walk-in application for an applicant, through the same <see cref="CaseIntake"/> as online.</summary>
[Authorize(Policy = Policies.WindowClerk)]
public sealed class RegisterModel(ICatalog catalog, CaseIntake intake, CaseFiles files, AttachmentRules rules, IStringLocalizer<UiText> text) : PageModel
{
    public IReadOnlyList<ApprovalItem> Items { get; private set; } = [];
    public ItemForm? Form { get; private set; }

    [BindProperty]
    public string IdempotencyKey { get; set; } = "";

    [BindProperty]
    public ApplicantKind ApplicantKind { get; set; } = ApplicantKind.Person;

    [BindProperty]
    public string? ApplicantId { get; set; }

    [BindProperty]
    public string? ApplicantName { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code))
        {
            Items = await catalog.ListItemsAsync(cancellationToken);
            return Page();
        }
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } item)
            return NotFound();
        Form = new ItemForm(item, rules);
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code) || await catalog.FindItemAsync(code, cancellationToken) is not { } item)
            return NotFound();
        var form = new ItemForm(item, rules);
        Form = form;
        if (string.IsNullOrWhiteSpace(IdempotencyKey))
            IdempotencyKey = Guid.NewGuid().ToString("N");
        var data = form.Read(Request.Form);
        var uploads = form.Files(Request.Form, ModelState, text);
        if (ModelState.ErrorCount > 0)
        {
            ModelState.AddModelError("", text["Problem.Invalid"]);
            return Page();
        }
        var applicant = new Applicant(ApplicantKind, ApplicantId?.Trim().ToUpperInvariant() ?? "", ApplicantName?.Trim() ?? "", string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim());
        try
        {
            var submitted = await intake.SubmitAsync(new Application(item.Code, applicant, data), User.ToUser()!, IdempotencyKey, cancellationToken);
            await ItemForm.AttachAsync(submitted, uploads, files, CasesEndpoints.Acting(User).Name, cancellationToken);
            return Redirect($"/workbench/cases/{submitted.Case.Id}?done=registered");
        }
        catch (Exception e) when (DomainProblems.Handles(e))
        {
            DomainProblems.Report(e, ModelState, text);
            return Page();
        }
    }
}

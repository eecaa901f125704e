using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Workflows.Applicants;
using Approval.Workflows.Attachments;
using Approval.Workflows.Catalog;
using Approval.Workflows.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Portal.Mine;

/// <summary>
/// 在线申报: the item's form and materials. Submitted through <see cref="CaseIntake"/> with an idempotency key drawn when
/// the form is shown, so a double click or a resent form makes one case; the files are attached with <see cref="CaseFiles"/>.
/// </summary>
public sealed class ApplyModel(ICatalog catalog, CaseIntake intake, CaseFiles files, AttachmentRules rules, IStringLocalizer<UiText> text) : PageModel
{
    public ApprovalItem Item => Form.Item;
    public ItemForm Form { get; private set; } = null!;

    [BindProperty]
    public string IdempotencyKey { get; set; } = "";

    [BindProperty]
    public string? Phone { get; set; }

    public string ApplicantName => User.ToUser()!.DisplayName;
    public string ApplicantId => User.ToUser()!.ApplicantIdNumber ?? "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } item)
            return NotFound();
        Form = new ItemForm(item, rules);
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } item)
            return NotFound();
        Form = new ItemForm(item, rules);
        if (string.IsNullOrWhiteSpace(IdempotencyKey))
            IdempotencyKey = Guid.NewGuid().ToString("N");
        var form = Form.Read(Request.Form);
        var uploads = Form.Files(Request.Form, ModelState, text);
        if (ModelState.ErrorCount > 0)
        {
            ModelState.AddModelError("", text["Problem.Invalid"]);
            return Page();
        }
        var user = User.ToUser()!;
        var idNumber = user.ApplicantIdNumber ?? "";
        var kind = ResidentIdNumber.TryParse(idNumber, out _, out _) ? ApplicantKind.Person : ApplicantKind.Organisation;
        var application = new Application(item.Code, new Applicant(kind, idNumber.ToUpperInvariant(), user.DisplayName, string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim()), form);
        try
        {
            var submitted = await intake.SubmitAsync(application, user.Id, IdempotencyKey, cancellationToken);
            await ItemForm.AttachAsync(submitted, uploads, files, CasesEndpoints.Actor(User), cancellationToken);
            return Redirect($"/portal/mine/cases/{submitted.Case.Id}?submitted=true");
        }
        catch (Exception e) when (DomainProblems.Handles(e))
        {
            DomainProblems.Report(e, ModelState, text);
            return Page();
        }
    }
}

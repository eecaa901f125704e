using Approval.Api.Drafts;
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
/// The values can be saved as a draft (<see cref="ApplicationDrafts"/>, one per item) and are shown again here; a draft
/// keeps its idempotency key, so its submission sent twice still makes one case. Files are not kept with a draft.
/// </summary>
public sealed class ApplyModel(ICatalog catalog, CaseIntake intake, CaseFiles files, AttachmentRules rules, ApplicationDrafts drafts,
    IStringLocalizer<UiText> text) : PageModel
{
    public ApprovalItem Item => Form.Item;
    public ItemForm Form { get; private set; } = null!;

    [BindProperty]
    public string IdempotencyKey { get; set; } = "";

    [BindProperty]
    public string? Phone { get; set; }

    /// <summary>When the draft shown was saved; null when the form is fresh.</summary>
    public DateTimeOffset? DraftSavedAt { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    public string ApplicantName => User.ToUser()!.DisplayName;
    public string ApplicantId => User.ToUser()!.ApplicantIdNumber ?? "";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } item)
            return NotFound();
        Form = new ItemForm(item, rules);
        IdempotencyKey = Guid.NewGuid().ToString("N");
        if (await drafts.FindAsync(User.ToUser()!.Id, item.Code, cancellationToken) is { } draft)
        {
            foreach (var (name, value) in draft.Values)
                Form.Values[name] = value;
            Phone = draft.Phone;
            IdempotencyKey = draft.IdempotencyKey;
            DraftSavedAt = draft.SavedAt;
        }
        return Page();
    }

    /// <summary>保存草稿: the values as typed, unchecked but for their length; the files are asked again on submission.</summary>
    public async Task<IActionResult> OnPostSaveDraftAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } item)
            return NotFound();
        Form = new ItemForm(item, rules);
        if (string.IsNullOrWhiteSpace(IdempotencyKey))
            IdempotencyKey = Guid.NewGuid().ToString("N");
        Form.Read(Request.Form);
        try
        {
            await drafts.SaveAsync(User.ToUser()!.Id, item.Code, Phone, Form.Values, IdempotencyKey, cancellationToken);
        }
        catch (Exception e) when (DomainProblems.Handles(e))
        {
            DomainProblems.Report(e, ModelState, text);
            return Page();
        }
        return Redirect($"/portal/mine/apply/{Uri.EscapeDataString(item.Code)}?saved=true");
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
            var submitted = await intake.SubmitAsync(application, user, IdempotencyKey, cancellationToken);
            await ItemForm.AttachAsync(submitted, uploads, files, CasesEndpoints.Acting(User).Name, cancellationToken);
            await drafts.DeleteAsync(user.Id, item.Code, cancellationToken);
            return Redirect($"/portal/mine/cases/{submitted.Case.Id}?submitted=true");
        }
        catch (Exception e) when (DomainProblems.Handles(e))
        {
            DomainProblems.Report(e, ModelState, text);
            return Page();
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
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
    public ApprovalItem Item { get; private set; } = null!;

    [BindProperty]
    public string IdempotencyKey { get; set; } = "";

    [BindProperty]
    public string? Phone { get; set; }

    public Dictionary<string, string> Values { get; } = [];

    public string ApplicantName => User.ToUser()!.DisplayName;
    public string ApplicantId => User.ToUser()!.ApplicantIdNumber ?? "";
    public long MaxBytes => rules.MaxBytes;
    public long MaxMegabytes => rules.MaxBytes / (1024 * 1024);
    public string Accept => string.Join(",", rules.Types.Values.SelectMany(e => e));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } item)
            return NotFound();
        Item = item;
        IdempotencyKey = Guid.NewGuid().ToString("N");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } item)
            return NotFound();
        Item = item;
        if (string.IsNullOrWhiteSpace(IdempotencyKey))
            IdempotencyKey = Guid.NewGuid().ToString("N");
        var form = ReadForm(item);
        var uploads = item.Materials.Select(m => (Material: m, File: Request.Form.Files.GetFile($"file.{m.Code}")))
            .Where(u => u.File is { Length: > 0 }).ToList();
        // Checked before the case exists: a refused file must not leave a case without its files.
        foreach (var (material, file) in uploads)
        {
            if (rules.Problem(file!.FileName, file.ContentType, file.Length) is { } problem)
                ModelState.AddModelError($"file.{material.Code}", problem);
        }
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
            foreach (var (material, file) in uploads)
            {
                // A resent form finds the files of the first one already there.
                if (submitted.Case.Attachments.Any(a => a.MaterialCode == material.Code && a.FileName == Path.GetFileName(file!.FileName)))
                    continue;
                await using var content = file!.OpenReadStream();
                await files.AttachAsync(submitted.Case.Id, file.FileName, file.ContentType, file.Length, content, material.Code, CasesEndpoints.Actor(User), cancellationToken);
            }
            return Redirect($"/portal/mine/cases/{submitted.Case.Id}?submitted=true");
        }
        catch (Exception e) when (DomainProblems.Handles(e))
        {
            DomainProblems.Report(e, ModelState, text);
            return Page();
        }
    }

    // The form's values as the item's fields expect them; a value that is not what its field wants is passed on as
    // typed, so the domain's own check names the field and the reason.
    private JsonObject ReadForm(ApprovalItem item)
    {
        var form = new JsonObject();
        foreach (var field in item.Form)
        {
            var raw = Request.Form[$"form.{field.Name}"].ToString().Trim();
            Values[field.Name] = raw;
            if (field.Type == FieldType.Boolean)
            {
                form[field.Name] = raw == "true";
                continue;
            }
            if (raw.Length == 0)
                continue;
            form[field.Name] = field.Type == FieldType.Number && decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(raw);
        }
        return form;
    }
}

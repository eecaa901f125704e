using System.Globalization;
using System.Text.Json.Nodes;
using Approval.Workflows.Attachments;
using Approval.Workflows.Catalog;
using Approval.Workflows.Cases;
using Approval.Api.Pages.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Shared;

/// <summary>
/// An item's application form and material files as a page shows and reads them (the applicant online, the window for a
/// walk-in): fields named <c>form.{name}</c>, files <c>file.{materialCode}</c>, as the domain names its field errors.
/// </summary>
public sealed class ItemForm(ApprovalItem item, AttachmentRules rules)
{
    public ApprovalItem Item { get; } = item;
    public Dictionary<string, string> Values { get; } = [];
    public long MaxBytes => rules.MaxBytes;
    public long MaxMegabytes => rules.MaxBytes / (1024 * 1024);
    public string Accept => string.Join(",", rules.Types.Values.SelectMany(e => e));

    /// <summary>The form's values as the item's fields expect them; a value that is not what its field wants is passed
    /// on as typed, so the domain's own check names the field and the reason.</summary>
    public JsonObject Read(IFormCollection posted)
    {
        var form = new JsonObject();
        foreach (var field in Item.Form)
        {
            var raw = posted[$"form.{field.Name}"].ToString().Trim();
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

    /// <summary>The material files sent, each checked before the case exists: a refused file must not leave a case without its files.</summary>
    public IReadOnlyList<(RequiredMaterial Material, IFormFile File)> Files(IFormCollection posted, ModelStateDictionary state, IStringLocalizer<UiText> text)
    {
        var uploads = new List<(RequiredMaterial, IFormFile)>();
        foreach (var material in Item.Materials)
        {
            if (posted.Files.GetFile($"file.{material.Code}") is not { Length: > 0 } file)
                continue;
            if (rules.Problem(file.FileName, file.ContentType, file.Length) is { } problem)
                state.AddModelError($"file.{material.Code}", text.Say(problem));
            uploads.Add((material, file));
        }
        return uploads;
    }

    /// <summary>Attaches the files to the submitted case; a resent form finds the files of the first one already there.</summary>
    public static async Task AttachAsync(Intake submitted, IReadOnlyList<(RequiredMaterial Material, IFormFile File)> uploads, CaseFiles files, string actor,
        CancellationToken cancellationToken)
    {
        foreach (var (material, file) in uploads)
        {
            if (submitted.Case.Attachments.Any(a => a.MaterialCode == material.Code && a.FileName == Path.GetFileName(file.FileName)))
                continue;
            await using var content = file.OpenReadStream();
            await files.AttachAsync(submitted.Case.Id, file.FileName, file.ContentType, file.Length, content, material.Code, actor, cancellationToken);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Workflows.Applicants;
using Approval.Workflows.Catalog;
using Approval.Workflows.Inputs;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>What an applicant submits: the item, who they are, and the item's form filled in.</summary>
public sealed record Application(string ItemCode, Applicant Applicant, JsonObject? Form)
{
    /// <summary>Throws <see cref="InputTooLongException"/> for the first value longer than its field takes (<see cref="TextLimits"/>).</summary>
    public void CheckLimits()
    {
        TextLimits.Check("itemCode", ItemCode, TextLimits.Code);
        TextLimits.Check("applicant.idNumber", Applicant.IdNumber, TextLimits.Code);
        TextLimits.Check("applicant.name", Applicant.Name, TextLimits.Name);
        TextLimits.Check("applicant.phone", Applicant.Phone, TextLimits.Name);
        FormLimits.Check("form", Form);
    }

    /// <summary>
    /// SHA-256 (hex) of the application in a canonical form — fields in a fixed order, the form's properties sorted,
    /// no insignificant whitespace — so the same application sent twice has the same fingerprint however it was spelled.
    /// </summary>
    public string Fingerprint()
    {
        var canonical = new JsonObject
        {
            ["itemCode"] = ItemCode,
            ["applicant"] = new JsonObject
            {
                ["kind"] = Applicant.Kind.ToString(), ["idNumber"] = Applicant.IdNumber, ["name"] = Applicant.Name, ["phone"] = Applicant.Phone,
            },
            ["form"] = Canonical(Form),
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToJsonString())));
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Canonical)]),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Every problem of the application against the item (null item: the item code is wrong).</summary>
    public IReadOnlyList<FieldError> Problems(ApprovalItem? item)
    {
        var errors = new List<FieldError>();
        if (item is null)
            errors.Add(new FieldError("itemCode", Refusal.Of(RefusalCode.ItemNotInCatalog, $"'{ItemCode}' is not an item of the catalog")));
        if (string.IsNullOrWhiteSpace(Applicant.Name))
            errors.Add(new FieldError("applicant.name", Refusal.Of(RefusalCode.Required, $"is required")));
        var idOk = Applicant.Kind == ApplicantKind.Person
            ? ResidentIdNumber.TryParse(Applicant.IdNumber, out _, out var reason)
            : UnifiedSocialCreditCode.TryParse(Applicant.IdNumber, out _, out reason);
        if (!idOk)
            errors.Add(new FieldError("applicant.idNumber", reason!));
        if (item is not null)
            errors.AddRange(FormValidation.Check(item.Form, Form));
        return errors;
    }
}

/// <summary>The application was not accepted as data: every field that is wrong, and why. Nothing was saved.</summary>
public sealed class ApplicationInvalidException(IReadOnlyList<FieldError> errors)
    : Exception("The application is invalid: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

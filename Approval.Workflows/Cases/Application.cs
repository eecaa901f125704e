using System.Text.Json.Nodes;
using Approval.Workflows.Applicants;
using Approval.Workflows.Catalog;

namespace Approval.Workflows.Cases;

/// <summary>What an applicant submits: the item, who they are, and the item's form filled in.</summary>
public sealed record Application(string ItemCode, Applicant Applicant, JsonObject? Form)
{
    /// <summary>Every problem of the application against the item (null item: the item code is wrong).</summary>
    public IReadOnlyList<FieldError> Problems(ApprovalItem? item)
    {
        var errors = new List<FieldError>();
        if (item is null)
            errors.Add(new FieldError("itemCode", $"'{ItemCode}' is not an item of the catalog"));
        if (string.IsNullOrWhiteSpace(Applicant.Name))
            errors.Add(new FieldError("applicant.name", "is required"));
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

using System.ComponentModel.DataAnnotations;
using Approval.Workflows.Inputs;

namespace Approval.Workflows.Catalog;

/// <summary>
/// 告知承诺 as an item publishes it in its guide: the conditions the applicant may commit in writing that they meet, the
/// materials that commitment stands in for, and the working days after the decision within which the lead department
/// verifies it (事后核查). The department decides on the commitment without checking what it covers first; a commitment
/// found false revokes the decision.
/// </summary>
/// <param name="Conditions">The conditions the applicant commits to (as the guide words them).</param>
/// <param name="MaterialCodes">Codes of the item's materials the commitment replaces: not asked for at acceptance.</param>
/// <param name="VerificationDays">Working days from the decision for the verification; past them, a supervision violation.</param>
public sealed record CommitmentOffer(
    [property: MaxLength(TextLimits.ListItems)] IReadOnlyList<string> Conditions,
    [property: MaxLength(TextLimits.ListItems)] IReadOnlyList<string> MaterialCodes,
    int VerificationDays)
{
    /// <summary>Reasons the offer is not valid for <paramref name="item"/>, each naming the field under <c>commitment</c>.</summary>
    public IEnumerable<FieldError> Problems(ApprovalItem item)
    {
        if (Conditions.Count == 0 || Conditions.Any(string.IsNullOrWhiteSpace))
            yield return new("commitment.conditions", "a commitment names the conditions it covers");
        if (VerificationDays is < 1 or > 365)
            yield return new("commitment.verificationDays", "the verification period is between 1 and 365 working days");
        foreach (var code in MaterialCodes.Where(c => item.Materials.All(m => m.Code != c)))
            yield return new("commitment.materialCodes", $"'{code}' is not a material of the item");
    }
}

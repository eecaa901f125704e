using System.ComponentModel.DataAnnotations;
using Approval.Workflows.Inputs;
namespace Approval.Workflows.Catalog;

/// <summary>How an item is handled (domain.md §3).</summary>
public enum ItemKind
{
    /// <summary>即办件: decided on the spot at acceptance.</summary>
    Immediate,
    /// <summary>承诺件: decided within the promised limit.</summary>
    Promised,
    /// <summary>联办件: several departments review in parallel under one lead.</summary>
    Joint,
    /// <summary>上报件: reviewed here, decided by a higher authority.</summary>
    Escalated,
}

/// <summary>A department (委办局) that accepts, reviews or leads items.</summary>
public sealed record Department(string Code, string Name);

/// <summary>A material the applicant submits (申请材料).</summary>
/// <param name="MayBeMissing">Whether it may be missing at acceptance under a credit promise (容缺受理).</param>
public sealed record RequiredMaterial(string Code, string Name, MaterialForm Form, int Copies, bool MayBeMissing);

/// <summary>Whether a material is the original or a copy.</summary>
public enum MaterialForm
{
    Original,
    Copy,
    OriginalAndCopy,
    Electronic,
}

/// <summary>A co-department's parallel review and its own limit in working days.</summary>
public sealed record ParallelReview(string DepartmentCode, int LimitDays);

/// <summary>What the item issues when approved.</summary>
public sealed record ItemResult(string Name, ResultKind Kind);

/// <summary>A certificate or a decision document.</summary>
public enum ResultKind
{
    Certificate,
    DecisionDocument,
}

/// <summary>The warning thresholds of an item's clocks (domain.md §6), defaults from municipal practice.</summary>
/// <param name="PromptDaysBefore">A prompt (提示) this many working days before the limit.</param>
/// <param name="YellowShare">Yellow card (黄牌) when this share of the limit is used.</param>
public sealed record WarningRules(int PromptDaysBefore = 1, decimal YellowShare = 0.9m);

/// <summary>
/// An approval item of the catalog (审批事项目录库): who handles it, under which law, within which limits, with
/// which materials and form, by which process, issuing what. The public guide (办事指南) is rendered from it.
/// </summary>
public sealed record ApprovalItem
{
    [MaxLength(TextLimits.Code)]
    public required string Code { get; init; }

    /// <summary>
    /// The published version this is (版本): 1 for the first, one more at each publication. The catalog sets it; a case keeps
    /// the version it was submitted under. 0 in an item not yet published (a body sent to be saved says nothing by it).
    /// </summary>
    public int Version { get; init; }
    [MaxLength(TextLimits.Name)]
    public required string Name { get; init; }
    public required ItemKind Kind { get; init; }
    [MaxLength(TextLimits.Code)]
    public required string LeadDepartmentCode { get; init; }
    [MaxLength(TextLimits.ListItems)]
    public IReadOnlyList<ParallelReview> ParallelReviews { get; init; } = [];
    [MaxLength(TextLimits.Prose)]
    public required string LegalBasis { get; init; }

    /// <summary>法定时限 in working days.</summary>
    public required int StatutoryLimitDays { get; init; }

    /// <summary>承诺时限 in working days; never longer than the statutory limit.</summary>
    public required int PromisedLimitDays { get; init; }

    /// <summary>Fee in yuan; most items are free (Art. 58).</summary>
    public decimal Fee { get; init; }
    [MaxLength(TextLimits.Reason)]
    public string? FeeBasis { get; init; }
    [MaxLength(TextLimits.ListItems)]
    public IReadOnlyList<RequiredMaterial> Materials { get; init; } = [];
    [MaxLength(TextLimits.ListItems)]
    public IReadOnlyList<string> AcceptanceConditions { get; init; } = [];
    [MaxLength(TextLimits.ListItems)]
    public IReadOnlyList<FormField> Form { get; init; } = [];

    /// <summary>The process definition (its <c>definitionId</c> in workflows/) that runs cases of this item.</summary>
    [MaxLength(TextLimits.Code)]
    public required string ProcessDefinitionId { get; init; }
    public required ItemResult Result { get; init; }
    public WarningRules Warnings { get; init; } = new();

    /// <summary>告知承诺, when the item offers it (its guide publishes the conditions); null: the item does not.</summary>
    public CommitmentOffer? Commitment { get; init; }

    /// <summary>Reasons the item is not valid as catalog data, each as "field: reason".</summary>
    public IEnumerable<string> Problems() => FieldProblems().Select(p => $"{p.Field}: {p.Reason}");

    /// <summary>Reasons the item is not valid as catalog data, each naming the field (as the API's JSON names it) it is about.</summary>
    public IEnumerable<FieldError> FieldProblems()
    {
        if (Code.Length > TextLimits.Code)
            yield return new("code", TextLimits.TooLong(TextLimits.Code));
        if (string.IsNullOrWhiteSpace(Name))
            yield return new("name", "is required");
        if (Name.Length > TextLimits.Name)
            yield return new("name", TextLimits.TooLong(TextLimits.Name));
        if (StatutoryLimitDays < 0 || PromisedLimitDays < 0)
            yield return new(StatutoryLimitDays < 0 ? "statutoryLimitDays" : "promisedLimitDays", "a limit is not negative");
        if (PromisedLimitDays > StatutoryLimitDays)
            yield return new("promisedLimitDays", $"the promised limit ({PromisedLimitDays} working days) is longer than the statutory limit ({StatutoryLimitDays})");
        if (Kind == ItemKind.Immediate && PromisedLimitDays != 0)
            yield return new("promisedLimitDays", "an immediate item (即办件) is decided at acceptance: its promised limit is 0");
        if (Kind == ItemKind.Joint && ParallelReviews.Count == 0)
            yield return new("parallelReviews", "a joint item (联办件) has parallel reviews by co-departments");
        foreach (var review in ParallelReviews.Where(r => r.LimitDays > PromisedLimitDays))
            yield return new("parallelReviews", $"the review of {review.DepartmentCode} ({review.LimitDays} working days) is longer than the promised limit");
        if (Fee < 0)
            yield return new("fee", "a fee is not negative");
        if (Fee > 0 && string.IsNullOrWhiteSpace(FeeBasis))
            yield return new("feeBasis", "a fee states its legal basis");
        foreach (var duplicate in Materials.GroupBy(m => m.Code).Where(g => g.Count() > 1))
            yield return new("materials", $"material '{duplicate.Key}' is listed twice");
        foreach (var duplicate in Form.GroupBy(f => f.Name).Where(g => g.Count() > 1))
            yield return new("form", $"form field '{duplicate.Key}' is declared twice");
        foreach (var problem in Commitment?.Problems(this) ?? [])
            yield return problem;
    }
}

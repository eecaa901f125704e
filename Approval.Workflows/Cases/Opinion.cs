using Approval.Workflows.Refusals;

namespace Approval.Workflows.Cases;

/// <summary>A department's conclusion on its review, from mildest to most severe.</summary>
public enum Verdict
{
    /// <summary>准予 / 同意.</summary>
    Approve = 0,
    /// <summary>附条件同意.</summary>
    ApproveWithConditions = 1,
    /// <summary>退回补正: the application must be supplemented.</summary>
    ReturnForSupplement = 2,
    /// <summary>不予许可: requires a reason (Art. 38).</summary>
    Refuse = 3,
}

/// <summary>One department's opinion on a case.</summary>
public sealed record Opinion(string DepartmentCode, Verdict Verdict, string? Reason, string? Reviewer)
{
    /// <summary>Why the opinion cannot be given as it is, or null.</summary>
    public Refusal? Problem() => Verdict switch
    {
        Verdict.Refuse when string.IsNullOrWhiteSpace(Reason) => Refusal.Of(RefusalCode.RefusalStatesReason, $"a refusal states its reason (Art. 38)"),
        Verdict.ReturnForSupplement when string.IsNullOrWhiteSpace(Reason) => Refusal.Of(RefusalCode.ReturnListsWhatIsMissing, $"a return for supplement lists what is missing"),
        Verdict.ApproveWithConditions when string.IsNullOrWhiteSpace(Reason) => Refusal.Of(RefusalCode.ConditionsStated, $"an approval with conditions states the conditions"),
        _ => null,
    };
}

/// <summary>The opinions merged: the most severe verdict, with every department's reasons carried along.</summary>
public sealed record MergedOpinion(Verdict Verdict, IReadOnlyList<Opinion> Reasons)
{
    /// <summary>Merges by severity: refuse &gt; return for supplement &gt; approve with conditions &gt; approve.</summary>
    public static MergedOpinion Merge(IEnumerable<Opinion> opinions)
    {
        var all = opinions.ToList();
        if (all.Count == 0)
            throw new InvalidOperationException("No opinion to merge: every department has yet to review.");
        var verdict = all.Max(o => o.Verdict);
        // Reasons of every department that did not simply approve, most severe first.
        var reasons = all.Where(o => o.Verdict != Verdict.Approve).OrderByDescending(o => o.Verdict).ThenBy(o => o.DepartmentCode, StringComparer.Ordinal).ToList();
        return new MergedOpinion(verdict, reasons);
    }
}

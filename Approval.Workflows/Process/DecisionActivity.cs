using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Expressions;
using Approval.Workflows.Cases;

namespace Approval.Workflows.Process;

/// <summary>
/// <c>Approval.Decision</c>: the lead department decides (审核/批准). It proposes the opinions merged by severity
/// and waits for the head's signature: <c>{ verdict?, reason?, signer }</c>. The decision may not be milder than
/// the merged opinions; a refusal carries every department's reasons. Completes through the verdict's port.
/// </summary>
public sealed class DecisionActivity : ActivityType
{
    public override string TypeName => ApprovalTypes.Decision;

    public override IReadOnlyList<string> Outcomes { get; } =
        [nameof(Verdict.Approve), nameof(Verdict.ApproveWithConditions), nameof(Verdict.ReturnForSupplement), nameof(Verdict.Refuse)];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var opinions = OpinionJson.ReadAll(context.GetVariable(ApprovalTypes.OpinionsVariable));
        var proposal = opinions.Count == 0 ? new MergedOpinion(Verdict.Approve, []) : MergedOpinion.Merge(opinions);
        var payload = new JsonObject
        {
            ["department"] = context.GetString("department"),
            ["proposedVerdict"] = proposal.Verdict.ToString(),
            ["reasons"] = new JsonArray([.. proposal.Reasons.Select(r => (JsonNode)OpinionJson.Write(r))]),
        };
        return new(ActivityResult.Suspend("decision", payload));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        var proposed = Enum.Parse<Verdict>(Values.AsString(context.ResumedBookmarkPayload?["proposedVerdict"]) ?? nameof(Verdict.Approve));
        var verdict = Values.AsString(context.ResumeInput?["verdict"]) is { } text ? Enum.Parse<Verdict>(text, ignoreCase: true) : proposed;
        if (verdict < proposed)
            throw new InvalidOperationException($"The decision ({verdict}) is milder than the departments' opinions ({proposed}).");
        var reason = Values.AsString(context.ResumeInput?["reason"]);
        var reasons = context.ResumedBookmarkPayload?["reasons"]?.DeepClone() as JsonArray ?? [];
        if (verdict == Verdict.Refuse && string.IsNullOrWhiteSpace(reason) && !reasons.Any(r => Values.AsString(r?["verdict"]) == nameof(Verdict.Refuse)))
            throw new InvalidOperationException("A refusal states its reason (Art. 38).");
        context.SetVariable(ApprovalTypes.DecisionVariable, new JsonObject
        {
            ["verdict"] = verdict.ToString(),
            ["reason"] = reason,
            ["signer"] = Values.AsString(context.ResumeInput?["signer"]),
            ["reasons"] = reasons,
        });
        return new(ActivityResult.Through(verdict.ToString()));
    }
}

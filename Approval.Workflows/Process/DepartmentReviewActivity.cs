using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Workflows.Cases;

namespace Approval.Workflows.Process;

/// <summary>
/// <c>Approval.DepartmentReview</c>: one department's parallel review (承办/审查). Waits until the department gives its
/// opinion, records it in the <c>opinions</c> variable, and completes through <c>Done</c> and through its verdict
/// (<c>Approve</c>, <c>ApproveWithConditions</c>, <c>ReturnForSupplement</c>, <c>Refuse</c>).
/// Inputs: <c>department</c> (its code), <c>limitDays</c> (working days; the item's limit for it when unset).
/// </summary>
public sealed class DepartmentReviewActivity : ActivityType
{
    public override string TypeName => ApprovalTypes.DepartmentReview;

    public override IReadOnlyList<string> Outcomes { get; } =
        [ActivityResult.DoneOutcome, nameof(Verdict.Approve), nameof(Verdict.ApproveWithConditions), nameof(Verdict.ReturnForSupplement), nameof(Verdict.Refuse)];

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var department = context.GetString("department") ?? throw new InvalidOperationException("The review names no department.");
        var payload = new JsonObject { ["department"] = department, ["limitDays"] = Values.AsInt64(context.Evaluate("limitDays")) };
        return new(ActivityResult.Suspend($"review:{department}", payload));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        var department = Values.AsString(context.ResumedBookmarkPayload?["department"]) ?? context.GetString("department")!;
        var opinion = OpinionJson.Read(department, context.ResumeInput);
        var opinions = context.GetVariable(ApprovalTypes.OpinionsVariable) as JsonObject ?? [];
        opinions = (JsonObject)opinions.DeepClone();
        opinions[department] = OpinionJson.Write(opinion);
        context.SetVariable(ApprovalTypes.OpinionsVariable, opinions);
        return new(ActivityResult.Through([ActivityResult.DoneOutcome, opinion.Verdict.ToString()]));
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (node.Input("department") is null)
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", "department"));
    }
}

/// <summary>Opinions as workflow data.</summary>
public static class OpinionJson
{
    /// <summary>Reads an opinion delivered with a resume: <c>{ verdict, reason, reviewer }</c>.</summary>
    public static Opinion Read(string department, JsonNode? input)
    {
        var verdictText = Values.AsString(input?["verdict"]) ?? throw new InvalidOperationException("The opinion has no verdict.");
        if (!Enum.TryParse<Verdict>(verdictText, ignoreCase: true, out var verdict))
            throw new InvalidOperationException($"'{verdictText}' is not a verdict.");
        var opinion = new Opinion(department, verdict, Values.AsString(input?["reason"]), Values.AsString(input?["reviewer"]));
        if (opinion.Problem() is { } problem)
            throw new InvalidOperationException(problem.Text);
        return opinion;
    }

    public static JsonObject Write(Opinion opinion) => new()
    {
        ["department"] = opinion.DepartmentCode,
        ["verdict"] = opinion.Verdict.ToString(),
        ["reason"] = opinion.Reason,
        ["reviewer"] = opinion.Reviewer,
    };

    /// <summary>Every opinion recorded in the <c>opinions</c> variable.</summary>
    public static IReadOnlyList<Opinion> ReadAll(JsonNode? opinions) =>
        opinions is JsonObject all ? [.. all.Select(p => Read(p.Key, p.Value))] : [];
}

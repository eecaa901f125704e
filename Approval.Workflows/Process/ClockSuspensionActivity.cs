using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;

namespace Approval.Workflows.Process;

/// <summary>
/// <c>Approval.ClockSuspension</c>: a special procedure whose time does not count (Art. 45: hearing, inspection,
/// testing, expert review…). While it waits the case's clock is stopped; it completes when the procedure ends.
/// Inputs: <c>procedure</c> (e.g. 专家评审), <c>reason</c> (told to the applicant in writing), <c>expectedDays</c>.
/// </summary>
public sealed class ClockSuspensionActivity : ActivityType
{
    public override string TypeName => ApprovalTypes.ClockSuspension;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var procedure = context.GetString("procedure") ?? "特别程序";
        var reason = context.GetString("reason");
        if (string.IsNullOrWhiteSpace(reason))
            throw new InvalidOperationException("A suspension states its reason (Art. 45).");
        var payload = new JsonObject
        {
            ["procedure"] = procedure,
            ["reason"] = reason,
            ["expectedDays"] = Values.AsInt64(context.Evaluate("expectedDays")),
        };
        return new(ActivityResult.Suspend($"suspension:{procedure}", payload));
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (node.Input("reason") is null)
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", "reason"));
    }
}

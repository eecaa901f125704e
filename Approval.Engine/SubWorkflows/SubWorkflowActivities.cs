using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Approval.Engine.Runtime;

namespace Approval.Engine.SubWorkflows;

/// <summary>
/// An activity that runs another definition as a child instance. It suspends on a bookmark carrying its
/// <see cref="SubWorkflowRequest"/>; the host starts the child and resumes the bookmark with the child's
/// <see cref="SubWorkflowOutcome"/>: at once when the parent does not wait, when the child ends when it does. A child
/// that faults (or whose definition is missing) faults this activity, naming the child; retrying that incident runs
/// the activity again, with a new child.
/// </summary>
internal abstract class SubWorkflowActivity : ActivityType
{
    public static IEnumerable<ActivityType> All() => [new ExecuteWorkflowActivity(), new DispatchWorkflowActivity(), new WorkflowDefinitionActivity()];

    /// <summary>The literal definition id a definition names for this activity, for validation; null if it is computed.</summary>
    internal abstract string? LiteralDefinitionId(ActivityNode node);

    /// <summary>The version a definition pins for this activity, null for the published one.</summary>
    internal virtual int? PinnedVersion(ActivityNode node) => null;

    protected abstract SubWorkflowRequest Request(ActivityContext context, string childInstanceId);

    /// <summary>What the activity does with the child's outcome once it may go on.</summary>
    protected abstract void TakeOutcome(ActivityContext context, SubWorkflowOutcome outcome);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var request = Request(context, WorkflowIds.NewId(context.Now));
        return new(ActivityResult.Suspend(SubWorkflowRequest.BookmarkNameFor(request.ChildInstanceId), request.ToPayload()));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        var outcome = SubWorkflowOutcome.From(context.ResumeInput);
        var definitionId = context.ResumedBookmarkPayload is JsonObject p ? Values.AsString(p["definitionId"]) : null;
        if (outcome.Problem is { } problem)
            return new(ActivityResult.Fault($"sub-workflow '{definitionId}' (instance {outcome.ChildInstanceId}) {problem}"));
        TakeOutcome(context, outcome);
        return new(ActivityResult.Done);
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (node.Input("workflowDefinitionId") is null && !node.Properties.ContainsKey("workflowDefinitionId"))
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", "workflowDefinitionId"));
    }

    /// <summary>Sets the parent's variable an output property of the activity points at (<c>{ memoryReference: { id } }</c>).</summary>
    protected static void Bind(ActivityContext context, string outputName, JsonNode? value)
    {
        if (context.Node.Properties.TryGetValue(outputName, out var output) && output is JsonObject o
            && o["memoryReference"] is JsonObject reference && Values.AsString(reference["id"]) is { } variable)
            context.SetVariable(variable, value?.DeepClone());
    }

    protected static string LiteralText(ActivityNode node, string name) =>
        node.Properties.TryGetValue(name, out var raw) && Values.AsString(raw) is { } text ? text
        : node.Input(name) is { Kind: ExpressionKind.Literal } input ? input.Text ?? "" : "";

    // Elsa gives the child the parent's input when the activity sets none, and tells it its parent.
    protected static JsonObject ChildInput(ActivityContext context, JsonObject? given)
    {
        var input = given is { Count: > 0 } ? (JsonObject)given.DeepClone()
            : new JsonObject(context.Input.Select(i => KeyValuePair.Create(i.Key, i.Value?.DeepClone())));
        input["ParentInstanceId"] = context.InstanceId;
        return input;
    }
}

/// <summary>
/// <c>Elsa.ExecuteWorkflow</c>: runs the published version of <c>workflowDefinitionId</c> with <c>input</c>; with
/// <c>waitForCompletion</c> the activity completes when the child does and its <c>result</c> is the child's output,
/// without it the activity goes on once the child has run as far as it can, its result the child's id, status and output.
/// </summary>
internal sealed class ExecuteWorkflowActivity : SubWorkflowActivity
{
    public override string TypeName => "Elsa.ExecuteWorkflow";

    internal override string? LiteralDefinitionId(ActivityNode node) =>
        node.Input("workflowDefinitionId") is { Kind: ExpressionKind.Literal } ? LiteralText(node, "workflowDefinitionId") : null;

    protected override SubWorkflowRequest Request(ActivityContext context, string childInstanceId) => new(
        childInstanceId,
        context.GetString("workflowDefinitionId") ?? throw new InvalidOperationException("ExecuteWorkflow names no workflow definition."),
        null,
        ChildInput(context, context.Evaluate("input") as JsonObject),
        context.GetString("correlationId") ?? context.CorrelationId,
        context.GetBoolean("waitForCompletion") ?? false);

    protected override void TakeOutcome(ActivityContext context, SubWorkflowOutcome outcome) =>
        Bind(context, "result", outcome.Waited
            ? outcome.Output
            : new JsonObject
            {
                ["workflowInstanceId"] = outcome.ChildInstanceId,
                ["status"] = outcome.Status.ToString(),
                ["output"] = outcome.Output.DeepClone(),
                ["correlationId"] = context.CorrelationId,
            });
}

/// <summary>
/// <c>Elsa.DispatchWorkflow</c>: starts the published version of <c>workflowDefinitionId</c> and goes on (its
/// <c>result</c> the child's instance id); with <c>waitForCompletion</c> it waits for the child's end, as ExecuteWorkflow.
/// </summary>
internal sealed class DispatchWorkflowActivity : SubWorkflowActivity
{
    public override string TypeName => "Elsa.DispatchWorkflow";

    internal override string? LiteralDefinitionId(ActivityNode node) =>
        node.Input("workflowDefinitionId") is { Kind: ExpressionKind.Literal } ? LiteralText(node, "workflowDefinitionId") : null;

    protected override SubWorkflowRequest Request(ActivityContext context, string childInstanceId) => new(
        childInstanceId,
        context.GetString("workflowDefinitionId") ?? throw new InvalidOperationException("DispatchWorkflow names no workflow definition."),
        null,
        ChildInput(context, context.Evaluate("input") as JsonObject),
        context.GetString("correlationId") ?? context.CorrelationId,
        context.GetBoolean("waitForCompletion") ?? false);

    protected override void TakeOutcome(ActivityContext context, SubWorkflowOutcome outcome) =>
        Bind(context, "result", outcome.Waited ? outcome.Output : JsonValue.Create(outcome.ChildInstanceId));
}

/// <summary>
/// A published definition used as an activity (Elsa Studio writes its own type name, <c>workflowDefinitionId</c> and
/// <c>version</c>; the reader gives such a node this type). Runs that version of the child (the published one when no
/// version is given) and waits for it. Every input property is a child input by its name; every output property pointing
/// at a variable (<c>memoryReference</c>) receives the child's output of that name.
/// </summary>
internal sealed class WorkflowDefinitionActivity : SubWorkflowActivity
{
    public const string Type = "Elsa.WorkflowDefinitionActivity";

    /// <summary>The property where the reader keeps the definition's own type name (what Elsa Studio wrote).</summary>
    public const string ExportedTypeProperty = "exportedType";

    /// <summary>The property where the reader keeps the child version the export pins.</summary>
    public const string VersionProperty = "definitionVersion";

    public override string TypeName => Type;

    internal override string? LiteralDefinitionId(ActivityNode node) => LiteralText(node, "workflowDefinitionId");

    internal override int? PinnedVersion(ActivityNode node) =>
        node.Properties.TryGetValue(VersionProperty, out var v) && Values.AsInt64(v) is { } version and > 0 ? (int)version : null;

    protected override SubWorkflowRequest Request(ActivityContext context, string childInstanceId)
    {
        var input = new JsonObject();
        foreach (var name in context.Node.Inputs.Keys)
            input[name] = context.Evaluate(name)?.DeepClone();
        return new(childInstanceId, LiteralText(context.Node, "workflowDefinitionId"), PinnedVersion(context.Node),
            input, context.CorrelationId, WaitForCompletion: true);
    }

    protected override void TakeOutcome(ActivityContext context, SubWorkflowOutcome outcome)
    {
        foreach (var (name, value) in outcome.Output)
            Bind(context, name, value);
        foreach (var name in context.Node.Properties.Keys)
        {
            // An output named in camelCase by the export, the child's output in PascalCase.
            if (!outcome.Output.ContainsKey(name) && outcome.Output.FirstOrDefault(o => string.Equals(o.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } match)
                Bind(context, name, match.Value);
        }
    }
}

/// <summary>The definitions a definition runs as sub-workflows, where it names them literally.</summary>
public static class SubWorkflowReferences
{
    /// <summary>Each activity running another definition: its id, the definition id and the pinned version, if any.</summary>
    public static IEnumerable<(string ActivityId, string DefinitionId, int? Version)> Of(WorkflowDefinition definition, ActivityRegistry registry) =>
        Walk(definition.Root, registry);

    /// <summary>An error for every reference <paramref name="exists"/> does not know (definition id, pinned version or null).</summary>
    public static async Task<IReadOnlyList<DefinitionError>> MissingAsync(WorkflowDefinition definition, ActivityRegistry registry,
        Func<string, int?, Task<bool>> exists)
    {
        var errors = new List<DefinitionError>();
        foreach (var (activityId, definitionId, version) in Of(definition, registry))
        {
            // A definition may run itself (bounded at run time); it exists once it is saved.
            if (definitionId == definition.DefinitionId && version is null)
                continue;
            if (!await exists(definitionId, version))
                errors.Add(DefinitionError.At(definition.Source, activityId, DefinitionErrorCode.SubWorkflowDefinitionMissing,
                    ("definition", version is null ? definitionId : $"{definitionId} v{version}")));
        }
        return errors;
    }

    private static IEnumerable<(string, string, int?)> Walk(ActivityNode node, ActivityRegistry registry)
    {
        if (registry.TryGet(node.Type, out var type) && type is SubWorkflowActivity sub && sub.LiteralDefinitionId(node) is { Length: > 0 } id)
            yield return (node.Id, id, sub.PinnedVersion(node));
        var children = node.Activities.Concat(node.Slots.Values);
        if (node.Body is not null)
            children = children.Append(node.Body);
        foreach (var child in children)
        {
            foreach (var reference in Walk(child, registry))
                yield return reference;
        }
    }
}

using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Microsoft.Extensions.Options;

namespace Approval.Api.DepartmentSystems;

/// <summary>
/// <c>Elsa.HttpEndpoint</c> as a bookmark: the process waits until the department system configured for its <c>path</c>
/// calls <c>POST /api/workflow-callbacks/{path}?instanceId=…</c> (<see cref="WorkflowCallbackEndpoints"/>); the call's JSON body
/// becomes the activity's output (Elsa's <c>ParsedContent</c>). It does not start workflows: a department's call resumes
/// the process that asked it.
/// </summary>
internal sealed class HttpEndpointActivity(IOptionsMonitor<DepartmentSystemsOptions> options) : ActivityType
{
    public const string Type = "Elsa.HttpEndpoint";
    private const string BookmarkPrefix = "HttpEndpoint:";

    public override string TypeName => Type;

    /// <summary>The bookmark name of a callback path: Elsa writes paths with or without slashes, in any case.</summary>
    public static string BookmarkName(string path) => BookmarkPrefix + Normalize(path);

    public static string Normalize(string path) => path.Trim().Trim('/').ToLowerInvariant();

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var path = context.GetString("path") is { Length: > 0 } p ? Normalize(p) : throw new InvalidOperationException("HttpEndpoint has no path.");
        if (!options.CurrentValue.Callbacks.ContainsKey(path))
            throw new DepartmentSystemRefusedException($"no callback is configured for path '{path}' (Approval:DepartmentSystems:Callbacks)");
        return new(ActivityResult.Suspend(BookmarkName(path), new JsonObject { ["path"] = path }));
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        var body = context.ResumeInput;
        context.SetOutput(context.Node.DisplayName, body?.DeepClone());
        OutputBinding.Set(context, "parsedContent", body);
        return new(ActivityResult.Done);
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var path = node.Input("path");
        if (path is null)
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", "path"));
        else if (path.Kind == ExpressionKind.Literal && Normalize(Values.AsString(path.Value) ?? "") is var literal
                 && !options.CurrentValue.Callbacks.ContainsKey(literal))
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.CallbackPathUnknown, ("input", "path"), ("path", literal));
    }
}

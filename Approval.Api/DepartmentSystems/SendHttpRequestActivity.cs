using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Microsoft.Extensions.Options;

namespace Approval.Api.DepartmentSystems;

/// <summary>
/// <c>Elsa.FlowSendHttpRequest</c> (and <c>Elsa.SendHttpRequest</c>, in the flowchart shape or Elsa's structured one, an
/// activity per status code and failure: <see cref="SlotPorts"/>): calls a department's own
/// system and completes through the port of the status it answered (<c>expectedStatusCodes</c>), or Elsa's
/// <c>Unmatched status code</c>, <c>Failed to connect</c> and <c>Timeout</c>. A failure whose port the definition does not
/// connect is an incident instead, which <c>RetryAsync</c> sends again: nothing retries on its own, so nobody is called in a
/// loop. Only hosts on <see cref="DepartmentSystemsOptions.AllowedHosts"/> are called; credentials come from configuration.
/// </summary>
/// <remarks>
/// The request is sent while the engine runs the step in memory, before the step's transaction opens (the case session and
/// <c>WorkflowRuntime</c> both load, run, then save): no database lock is held while a department's system answers. A step
/// that loses a concurrency race runs again on fresh state, so a request can be sent twice; each carries an
/// <c>Idempotency-Key</c> of the instance and execution, the same on the second sending, for the system to drop a duplicate.
/// </remarks>
internal sealed class SendHttpRequestActivity(string typeName, IHttpClientFactory clients, IOptionsMonitor<DepartmentSystemsOptions> options) : ActivityType
{
    public const string ClientName = "department-systems";
    public const string UnmatchedStatusCode = "Unmatched status code";
    public const string FailedToConnect = "Failed to connect";
    public const string TimedOut = "Timeout";

    public override string TypeName => typeName;

    public override IReadOnlyList<string> Outcomes { get; } = [ActivityResult.DoneOutcome, UnmatchedStatusCode, FailedToConnect, TimedOut];

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var settings = options.CurrentValue;
        var url = OutboundRequest.UrlOf(context.GetString("url"));
        if (!settings.Allows(url))
            throw new DepartmentSystemRefusedException($"host '{url.Authority}' is not on the allow-list (Approval:DepartmentSystems:AllowedHosts); the request to {url} was not sent.");
        using var request = OutboundRequest.Build(context, url, settings);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", $"{context.InstanceId}:{context.ExecutionId}");
        var expected = ExpectedStatusCodes.Read(context.Node, context.Evaluate("expectedStatusCodes"));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        deadline.CancelAfter(settings.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token);
        }
        catch (HttpRequestException e)
        {
            return context.IsConnected(FailedToConnect) ? ActivityResult.Through(FailedToConnect)
                : throw new DepartmentSystemUnreachableException($"{request.Method} {url}: failed to connect ({e.Message})", e);
        }
        catch (OperationCanceledException e) when (!context.CancellationToken.IsCancellationRequested)
        {
            return context.IsConnected(TimedOut) ? ActivityResult.Through(TimedOut)
                : throw new DepartmentSystemUnreachableException($"{request.Method} {url}: no answer within {settings.RequestTimeout.TotalSeconds:0.#} s", e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var parsed = await ResponseContent.ParseAsync(response.Content, context.CancellationToken);
            // The parsed response is the activity's output (Elsa's ParsedContent), bound where the definition says.
            context.SetOutput(context.Node.DisplayName, parsed?.DeepClone());
            OutputBinding.Set(context, "parsedContent", parsed);
            OutputBinding.Set(context, "statusCode", JsonValue.Create(status));
            if (expected.Count == 0)
                return ActivityResult.Done;
            if (expected.Contains(status))
                return ActivityResult.Through(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return context.IsConnected(UnmatchedStatusCode) ? ActivityResult.Through(UnmatchedStatusCode)
                : throw new DepartmentSystemUnreachableException($"{request.Method} {url} answered {status}, not one of {string.Join(", ", expected)}");
        }
    }

    // Elsa's structured Elsa.SendHttpRequest: an activity per expected status code, and for the three failures. The engine
    // runs it as this activity connected to those, so a failure with no activity of its own is an incident, as in the flow form.
    public override IReadOnlyList<SlotPort> SlotPorts(ActivityNode node)
    {
        var ports = new List<SlotPort>();
        if (node.Properties.TryGetValue("expectedStatusCodes", out var cases) && cases is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is JsonObject @case && Values.AsString(@case["statusCode"]) is { } code)
                    ports.Add(new SlotPort(code.Trim(), $"expectedStatusCodes/{i}"));
            }
        }
        ports.Add(new SlotPort(UnmatchedStatusCode, "unmatchedStatusCode"));
        ports.Add(new SlotPort(FailedToConnect, "failedToConnect"));
        ports.Add(new SlotPort(TimedOut, "timeout"));
        return ports;
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var settings = options.CurrentValue;
        if (node.Input("url") is not { } url)
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", "url"));
        else if (url.Kind == ExpressionKind.Literal)
        {
            Uri? parsed = null;
            string? problem = null;
            try
            {
                parsed = OutboundRequest.UrlOf(Values.AsString(url.Value));
            }
            catch (InvalidOperationException e)
            {
                problem = e.Message;
            }
            if (problem is not null)
                yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputUnreadable, ("input", "url"), ("detail", problem));
            else if (!settings.Allows(parsed!))
                yield return DefinitionErrorReason.Of(DefinitionErrorCode.HostNotAllowed, ("input", "url"), ("host", parsed!.Authority));
        }
        foreach (var reason in OutboundRequest.ValidateCredentials(node, settings))
            yield return reason;
        foreach (var reason in ExpectedStatusCodes.Validate(node))
            yield return reason;
    }
}

/// <summary>A department's system could not be reached, or answered what the process does not handle: an incident to retry.</summary>
public sealed class DepartmentSystemUnreachableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A request the configuration does not allow (a host off the allow-list, a secret not configured): never sent.</summary>
public sealed class DepartmentSystemRefusedException(string message) : Exception(message);

/// <summary>Elsa's output binding: an output property holding <c>{ "memoryReference": { "id": … } }</c> sets that variable.</summary>
internal static class OutputBinding
{
    public static void Set(ActivityContext context, string output, JsonNode? value)
    {
        if (context.Node.Properties.TryGetValue(output, out var binding)
            && binding?["memoryReference"]?["id"] is JsonValue id && id.TryGetValue<string>(out var variable) && !string.IsNullOrEmpty(variable))
            context.SetVariable(variable, value?.DeepClone());
    }
}

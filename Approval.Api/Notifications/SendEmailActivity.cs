using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;

namespace Approval.Api.Notifications;

/// <summary>
/// <c>Elsa.SendEmail</c> with Elsa's inputs — <c>from</c>, <c>to</c>, <c>cc</c>, <c>bcc</c> (one address or a list),
/// <c>subject</c>, <c>body</c> (HTML) — each a literal or an expression. The step sends nothing itself: it stages a
/// <see cref="ProcessEmail"/> that the store writes to the e-mail outbox with the step's commit, and the outbox sends it
/// (<c>Approval:Smtp</c>), retrying as it does notifications. So no SMTP server is waited on inside a step, a step run again
/// after losing a race writes one e-mail, and a step never saved writes none.
/// </summary>
/// <remarks>
/// Attachments are refused at load: the outbox keeps a message as text in a row, not files (a process links to the
/// case's documents instead). A literal address that is not one is refused at load naming its input; a computed one is an
/// incident, which a retry evaluates again.
/// </remarks>
internal sealed class SendEmailActivity : ActivityType
{
    public const string Type = "Elsa.SendEmail";
    private static readonly string[] AddressInputs = ["from", "to", "cc", "bcc"];

    public override string TypeName => Type;

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var from = Addresses(context, "from") switch
        {
            [] => null,
            [var one] => one,
            var many => throw new ProcessEmailRefusedException($"input 'from': one sender, not {many.Count} ({string.Join(", ", many)})"),
        };
        var envelope = new ProcessEmail.Envelope(from, Addresses(context, "to"), Addresses(context, "cc"), Addresses(context, "bcc"));
        if (envelope.To.Count + envelope.Cc.Count + envelope.Bcc.Count == 0)
            throw new ProcessEmailRefusedException("input 'to': the e-mail has no recipient (to, cc and bcc are all empty)");
        var subject = context.GetString("subject") ?? "";
        if (subject.Length > ProcessEmail.MaxSubjectLength)
            throw new ProcessEmailRefusedException($"input 'subject': {subject.Length} characters, more than {ProcessEmail.MaxSubjectLength}");
        context.Stage(new ProcessEmail(context.InstanceId, context.ExecutionId, context.Node.Id, envelope, subject, context.GetString("body") ?? "", context.Now));
        return new(ActivityResult.Done);
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (node.Input("attachments") is { } attachments && !IsEmpty(attachments.Value))
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.EmailAttachmentsUnsupported, ("input", "attachments"));
        if (node.Input("to") is null && node.Input("cc") is null && node.Input("bcc") is null)
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", "to"));
        foreach (var input in AddressInputs)
        {
            if (node.Input(input) is not { Kind: ExpressionKind.Literal or ExpressionKind.Object } literal)
                continue;
            foreach (var address in Split(literal.Value))
            {
                if (!IsAddress(address))
                    yield return DefinitionErrorReason.Of(DefinitionErrorCode.EmailAddressInvalid, ("input", input), ("address", address));
            }
        }
    }

    private static List<string> Addresses(ActivityContext context, string input)
    {
        var addresses = Split(context.Evaluate(input));
        foreach (var address in addresses)
        {
            if (!IsAddress(address))
                throw new ProcessEmailRefusedException($"input '{input}': '{address}' is not an e-mail address");
        }
        return addresses;
    }

    /// <summary>One address, a list (a JSON array, or a JSON array written as a string), or addresses separated by , or ;.</summary>
    internal static List<string> Split(JsonNode? value)
    {
        if (value is JsonArray array)
            return [.. array.SelectMany(Split)];
        var text = Values.AsString(value)?.Trim();
        if (string.IsNullOrEmpty(text))
            return [];
        if (text.StartsWith('['))
        {
            try
            {
                return Split(JsonNode.Parse(text));
            }
            catch (JsonException)
            {
                return [text]; // not a list after all: refused as an address
            }
        }
        return [.. text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    // An address as SMTP takes it (MailAddress would also take "name <address>": so does the outbox's sender).
    private static bool IsAddress(string text) => MailAddress.TryCreate(text, out var parsed) && parsed.Host.Length > 0;

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) || s.Trim() is "[]" or "null",
        _ => false,
    };
}

/// <summary>A process's e-mail that cannot be sent as computed (an address that is not one, no recipient): an incident to retry.</summary>
public sealed class ProcessEmailRefusedException(string message) : Exception(message);

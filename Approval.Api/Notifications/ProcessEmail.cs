using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Api.Persistence;
using Approval.Engine.Activities;

namespace Approval.Api.Notifications;

/// <summary>
/// An e-mail a process sends (<c>Elsa.SendEmail</c>), staged by its step and written to the e-mail outbox as a
/// <see cref="NotificationRecord"/> in the transaction that saves the step (<c>EfWorkflowStore</c>, the case session), then
/// sent by the outbox like any notification. It is addressed by the process, not to an account: <see cref="Envelope"/>.
/// </summary>
public sealed record ProcessEmail(string InstanceId, int ExecutionId, string ActivityId, ProcessEmail.Envelope Addresses,
    string Subject, string Body, DateTimeOffset StagedAt) : StagedEffect
{
    /// <summary>The notification kind of a process's e-mail rows.</summary>
    public const string Kind = "ProcessEmail";

    /// <summary>The longest subject the outbox keeps (the Notifications title column).</summary>
    public const int MaxSubjectLength = 512;

    /// <summary>Who sends and receives the message; <see cref="From"/> null is the configured sender (<c>Approval:Smtp:From</c>).
    /// The body is HTML, as Elsa's is.</summary>
    public sealed record Envelope(string? From, IReadOnlyList<string> To, IReadOnlyList<string> Cc, IReadOnlyList<string> Bcc)
    {
        public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

        public static Envelope FromJson(string json) =>
            JsonSerializer.Deserialize<Envelope>(json, JsonOptions) ?? throw new FormatException("an e-mail envelope that is null");

        /// <summary>Every address the message goes to, for the logs.</summary>
        public string Recipients => string.Join(", ", To.Concat(Cc).Concat(Bcc));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The outbox row. Its recipient is the process (no account's inbox shows it), and its event key the execution that
    /// staged it: unique per (recipient, event), so the database itself refuses a second row for one step.
    /// </summary>
    public NotificationRecord ToRow() => new()
    {
        Recipient = $"process:{InstanceId}",
        Kind = Kind,
        Title = Subject,
        Body = Body,
        CreatedAt = StagedAt,
        EmailDueAt = StagedAt,
        EventKey = $"{ActivityId}#{ExecutionId}",
        EmailEnvelope = Addresses.ToJson(),
    };
}

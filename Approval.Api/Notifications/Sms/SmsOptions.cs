namespace Approval.Api.Notifications.Sms;

/// <summary>Where SMS copies of notifications go (<c>Approval:Sms</c>).</summary>
public sealed class SmsOptions
{
    public const string Section = "Approval:Sms";

    /// <summary><c>File</c> (default): each SMS is written to a file in <see cref="Directory"/> and logged; <c>Http</c>: posted to a gateway; <c>Off</c>: none sent.</summary>
    public SmsSenderKind Sender { get; set; } = SmsSenderKind.File;

    /// <summary>The file sink's folder; relative to the data folder (default <c>sms</c>).</summary>
    public string Directory { get; set; } = "sms";

    /// <summary>How many times a message is tried before the outbox gives it up (the inbox keeps it).</summary>
    public int MaxAttempts { get; set; } = 10;

    public HttpSmsGatewayOptions Http { get; set; } = new();
}

public enum SmsSenderKind
{
    File,
    Http,
    Off,
}

/// <summary>
/// A generic HTTP SMS gateway: each message is POSTed to <see cref="Url"/> with <see cref="BodyTemplate"/> filled in —
/// <c>{phone}</c>, <c>{text}</c>, <c>{id}</c> (the notification row, for the gateway to drop a duplicate), <c>{caseNumber}</c>,
/// <c>{kind}</c> — escaped for JSON or URL-encoded for a form; any 2xx answer is success.
/// </summary>
public sealed class HttpSmsGatewayOptions
{
    public string? Url { get; set; }

    /// <summary><c>Json</c> (application/json) or <c>Form</c> (application/x-www-form-urlencoded).</summary>
    public SmsBodyFormat Format { get; set; } = SmsBodyFormat.Json;

    public string BodyTemplate { get; set; } = """{"phone":"{phone}","content":"{text}","outId":"{id}"}""";

    /// <summary>Headers sent with each request, e.g. an API key.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public enum SmsBodyFormat
{
    Json,
    Form,
}

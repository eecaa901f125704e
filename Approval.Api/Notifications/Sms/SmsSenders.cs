using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Approval.Api.Notifications.Sms;

/// <summary>One SMS to send: the notification row it copies (its id names it everywhere), the number and the text.</summary>
public sealed record SmsMessage(long Id, string Phone, string Text, string? CaseNumber, string Kind);

/// <summary>Sends one SMS; a failure is thrown for the outbox to retry.</summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// The default sink: each SMS is written to <c>{id}.json</c> in the SMS folder of the data folder, and logged. A message sent
/// again (after a crash between sending and marking) overwrites its own file: the sink never holds it twice.
/// </summary>
public sealed class FileSmsSender(string directory, ILogger<FileSmsSender> logger, TimeProvider time) : ISmsSender
{
    public string Directory => directory;

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, message.Id.ToString("D10", CultureInfo.InvariantCulture) + ".json");
        var json = JsonSerializer.Serialize(new { message.Id, message.Phone, message.Text, message.CaseNumber, message.Kind, WrittenAt = time.GetUtcNow() },
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        await File.WriteAllTextAsync(path, json, Encoding.UTF8, cancellationToken);
        logger.LogInformation("SMS {Id} to {Phone}: {Text}", message.Id, message.Phone, message.Text);
    }
}

/// <summary>The gateway answered something other than 2xx.</summary>
public sealed class SmsGatewayException(string message) : Exception(message);

/// <summary>A generic HTTP SMS gateway (<see cref="HttpSmsGatewayOptions"/>): one POST per message, its body from the configured template.</summary>
public sealed partial class HttpSmsGateway(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken = default)
    {
        var gateway = options.Value.Http;
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway.Url) { Content = Body(gateway, message) };
        foreach (var (name, value) in gateway.Headers)
            request.Headers.TryAddWithoutValidation(name, value);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(gateway.Timeout);
        using var response = await http.SendAsync(request, timeout.Token);
        if (!response.IsSuccessStatusCode)
            throw new SmsGatewayException($"the SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    /// <summary>The request body for a message: the template with each value escaped for the format.</summary>
    public static HttpContent Body(HttpSmsGatewayOptions gateway, SmsMessage message)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["phone"] = message.Phone,
            ["text"] = message.Text,
            ["id"] = message.Id.ToString(CultureInfo.InvariantCulture),
            ["caseNumber"] = message.CaseNumber ?? "",
            ["kind"] = message.Kind,
        };
        Func<string, string> escape = gateway.Format == SmsBodyFormat.Json ? v => JsonEncodedText.Encode(v, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString() : Uri.EscapeDataString;
        var body = Placeholder().Replace(gateway.BodyTemplate, m => escape(values[m.Groups[1].Value]));
        return new StringContent(body, Encoding.UTF8, gateway.Format == SmsBodyFormat.Json ? "application/json" : "application/x-www-form-urlencoded");
    }

    [GeneratedRegex(@"\{(phone|text|id|caseNumber|kind)\}")]
    private static partial Regex Placeholder();
}

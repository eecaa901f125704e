using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;

namespace Approval.Api.DepartmentSystems;

/// <summary>
/// The request an <c>Elsa.SendHttpRequest</c> sends, from its inputs: <c>method</c>, <c>content</c>, <c>contentType</c>,
/// <c>authorization</c> and <c>requestHeaders</c>. A value <c>secret:NAME</c> is replaced by the configured secret; a
/// credential written out in a definition is refused, at load when it is literal and when it is sent otherwise.
/// </summary>
internal static class OutboundRequest
{
    public const string SecretPrefix = "secret:";

    public static Uri UrlOf(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new InvalidOperationException($"'{text}' is not an absolute http(s) URL");

    public static HttpRequestMessage Build(ActivityContext context, Uri url, DepartmentSystemsOptions settings)
    {
        var method = (context.GetString("method") is { Length: > 0 } m ? m : "GET").Trim().ToUpperInvariant();
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (context.GetString("authorization") is { Length: > 0 } authorization)
            request.Headers.TryAddWithoutValidation("Authorization", Credential("authorization", authorization, settings));
        foreach (var (name, values) in Headers(context.Evaluate("requestHeaders")))
        {
            var sent = values.Select(v => IsCredentialHeader(name) ? Credential($"requestHeaders.{name}", v, settings) : Resolve(v, settings)).ToList();
            request.Headers.TryAddWithoutValidation(name, sent);
        }
        if (context.Evaluate("content") is { } content)
            request.Content = Content(content, context.GetString("contentType"));
        return request;
    }

    /// <summary>The load-time checks of literal credentials and secret names.</summary>
    public static IEnumerable<DefinitionErrorReason> ValidateCredentials(ActivityNode node, DepartmentSystemsOptions settings)
    {
        if (node.Input("authorization") is { Kind: ExpressionKind.Literal, Text: { Length: > 0 } authorization }
            && CheckCredential("authorization", authorization, settings) is { } reason)
            yield return reason;
        if (node.Input("requestHeaders") is { Kind: ExpressionKind.Literal or ExpressionKind.Object } headers)
        {
            foreach (var (name, values) in Headers(headers.Value is JsonValue v && v.TryGetValue<string>(out var s) ? Parse(s) : headers.Value))
                foreach (var value in values)
                {
                    var checkedReason = IsCredentialHeader(name) ? CheckCredential($"requestHeaders.{name}", value, settings) : CheckSecretName($"requestHeaders.{name}", value, settings);
                    if (checkedReason is not null)
                        yield return checkedReason;
                }
        }
    }

    // Headers that carry credentials: their value must be a configured secret, so it never sits in a definition or an instance.
    private static bool IsCredentialHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase)
        || name.Contains("api-key", StringComparison.OrdinalIgnoreCase) || name.Contains("apikey", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("password", StringComparison.OrdinalIgnoreCase);

    private static DefinitionErrorReason? CheckCredential(string input, string value, DepartmentSystemsOptions settings) =>
        SecretName(value) is null
            ? DefinitionErrorReason.Of(DefinitionErrorCode.CredentialInDefinition, ("input", input))
            : CheckSecretName(input, value, settings);

    private static DefinitionErrorReason? CheckSecretName(string input, string value, DepartmentSystemsOptions settings) =>
        SecretName(value) is { } secret && !settings.Secrets.ContainsKey(secret)
            ? DefinitionErrorReason.Of(DefinitionErrorCode.SecretUnknown, ("input", input), ("secret", secret))
            : null;

    // "Bearer secret:fire-token" keeps its scheme: only the part after the prefix is the secret's name.
    private static string? SecretName(string value)
    {
        var at = value.IndexOf(SecretPrefix, StringComparison.Ordinal);
        return at < 0 ? null : value[(at + SecretPrefix.Length)..].Trim();
    }

    private static string Credential(string input, string value, DepartmentSystemsOptions settings) =>
        SecretName(value) is null
            ? throw new DepartmentSystemRefusedException($"input '{input}': a credential is not written in a definition; name a configured secret instead (secret:NAME)")
            : Resolve(value, settings);

    private static string Resolve(string value, DepartmentSystemsOptions settings)
    {
        if (SecretName(value) is not { } name)
            return value;
        if (!settings.Secrets.TryGetValue(name, out var secret))
            throw new DepartmentSystemRefusedException($"no secret named '{name}' is configured (Approval:DepartmentSystems:Secrets)");
        return value[..value.IndexOf(SecretPrefix, StringComparison.Ordinal)] + secret;
    }

    // Elsa writes headers as { "Name": ["v1", "v2"] } or { "Name": "v" }.
    private static IEnumerable<(string Name, IReadOnlyList<string> Values)> Headers(JsonNode? node)
    {
        if (node is JsonValue text && text.TryGetValue<string>(out var s))
            node = Parse(s);
        if (node is not JsonObject headers)
            yield break;
        foreach (var (name, value) in headers)
        {
            IReadOnlyList<string> values = value is JsonArray list ? [.. list.Select(Values.AsString).OfType<string>()] : Values.AsString(value) is { } one ? [one] : [];
            yield return (name, values);
        }
    }

    private static JsonNode? Parse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static HttpContent Content(JsonNode content, string? contentType)
    {
        var mediaType = string.IsNullOrWhiteSpace(contentType) ? "application/json" : contentType.Split(';')[0].Trim();
        if (mediaType == "application/x-www-form-urlencoded" && content is JsonObject fields)
            return new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, Values.AsString(f.Value) ?? "")));
        // A string is sent as it is (already JSON, or text); anything else as its JSON.
        var body = content is JsonValue v && v.TryGetValue<string>(out var s) ? s : content.ToJsonString();
        var result = new StringContent(body, Encoding.UTF8);
        result.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return result;
    }
}

/// <summary>A response body as the process sees it: JSON parsed, other text as a string, nothing as null.</summary>
internal static class ResponseContent
{
    public static async Task<JsonNode?> ParseAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var text = await content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0)
            return null;
        if (content.Headers.ContentType?.MediaType is { } type && type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                // A system that says JSON and sends something else: the process still gets what it sent.
            }
        }
        return JsonValue.Create(text);
    }
}

/// <summary><c>expectedStatusCodes</c>: the status codes that are ports of the activity.</summary>
internal static class ExpectedStatusCodes
{
    public static IReadOnlySet<int> Read(ActivityNode node, JsonNode? evaluated)
    {
        var source = evaluated ?? (node.Properties.TryGetValue("expectedStatusCodes", out var property) ? property : null);
        return Parse(source);
    }

    public static IEnumerable<DefinitionErrorReason> Validate(ActivityNode node)
    {
        if (node.Input("expectedStatusCodes") is { Kind: ExpressionKind.Literal or ExpressionKind.Object } literal)
        {
            string? problem = null;
            try
            {
                Parse(literal.Value);
            }
            catch (FormatException e)
            {
                problem = e.Message;
            }
            if (problem is not null)
                yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputUnreadable, ("input", "expectedStatusCodes"), ("detail", problem));
        }
    }

    private static HashSet<int> Parse(JsonNode? node)
    {
        if (node is JsonValue text && text.TryGetValue<string>(out var s))
        {
            s = s.Trim();
            if (s.StartsWith('['))
            {
                try
                {
                    return Parse(JsonNode.Parse(s));
                }
                catch (System.Text.Json.JsonException e)
                {
                    throw new FormatException($"'{s}' is not a list of status codes: {e.Message}", e);
                }
            }
            return [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Code)];
        }
        if (node is JsonArray list)
            return [.. list.Select(item => item is JsonObject holder ? Code(Values.AsString(holder["statusCode"])) : Code(Values.AsString(item)))];
        return node is null ? [] : [Code(Values.AsString(node))];
    }

    private static int Code(string? text) =>
        int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599
            ? code
            : throw new FormatException($"'{text}' is not an HTTP status code");
}

using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approval.Api.Identity;
using Approval.Api.Persistence;
using Approval.Tests.Api.Cases;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Tests.Api.Inputs;

/// <summary>
/// Generated from the OpenAPI document the application serves: every operation that takes a JSON body or parameters
/// is sent malformed JSON, fields of the wrong type, strings one past their maxLength (lists one past maxItems) and
/// parameter values that do not parse, as a role its policy admits. Each answer must be a 4xx problem detail whose
/// <c>errors</c> names at least one field — never a 5xx, never an empty or non-RFC 7807 body. One application per database.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public partial class OpenApiFuzzTests(DatabaseProvider provider)
{
    private CaseApiFactory _factory = null!;
    private readonly Dictionary<Role, HttpClient> _clients = [];
    private JsonObject _document = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _factory = await CaseApiFactory.StartAsync(provider, "2026-11-24T10:00:00");
        foreach (var role in Enum.GetValues<Role>())
            _clients[role] = await _factory.CreateClientAsync(role);
        var swagger = await _clients[Role.Administrator].GetJsonAsync("/swagger/v1/swagger.json");
        Assert.That(swagger.Status, Is.EqualTo(HttpStatusCode.OK));
        _document = swagger.Object;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }

    private sealed record Attempt(string Operation, string What, HttpRequestMessage Request, bool ConstrainedRoute = false)
    {
        public string Sent => $"{Request.RequestUri} {(Request.Content as StringContent)?.ReadAsStringAsync().GetAwaiter().GetResult()}";
    }

    [Test]
    public async Task Every_operation_answers_bad_input_with_a_4xx_problem_naming_a_field()
    {
        var attempts = Attempts().ToList();
        Assert.That(attempts.Select(a => a.Operation).Distinct().Count(), Is.GreaterThan(30), "the document lists the API's operations");
        Assert.That(attempts.Count(a => a.What.StartsWith("over-long", StringComparison.Ordinal)), Is.GreaterThan(15), "maxLength is in the schema");
        var failures = new List<string>();
        foreach (var attempt in attempts)
        {
            using var request = attempt.Request;
            var client = _clients[RoleFor(attempt.Operation)];
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json" && text.StartsWith('{') ? JsonNode.Parse(text) : null;
            var namesAField = problem?["errors"] is JsonObject { Count: > 0 } || (attempt.ConstrainedRoute && status == 404 && problem is not null);
            if (status is < 400 or >= 500 || !namesAField)
                failures.Add($"{attempt.Operation} [{attempt.What}: {Shorten(attempt.Sent)}] → {status} {Shorten(text)}");
        }
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    private IEnumerable<Attempt> Attempts()
    {
        foreach (var (path, item) in _document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in item!.AsObject())
            {
                var operation = operationNode!.AsObject();
                var name = $"{method.ToUpperInvariant()} {path}";
                var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];
                var body = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"]);
                if (body is null && parameters.Count == 0)
                    continue;
                string Url(string? badParameter = null, string? badValue = null)
                {
                    var url = RouteParameter().Replace(path, m => m.Groups[1].Value == badParameter ? badValue! : PlaceholderFor(parameters, m.Groups[1].Value));
                    return badParameter is not null && parameters.Any(p => (string)p["name"]! == badParameter && (string)p["in"]! == "query")
                        ? $"{url}?{badParameter}={Uri.EscapeDataString(badValue!)}" : url;
                }
                HttpRequestMessage Send(string url, HttpContent? content) => new(new HttpMethod(method.ToUpperInvariant()), url) { Content = content };

                if (body is not null)
                {
                    yield return new Attempt(name, "malformed JSON", Send(Url(), Json("{\"oops\": ")));
                    if (WrongTyped(body) is { Count: > 0 } wrong)
                        yield return new Attempt(name, "wrong types", Send(Url(), Json(wrong.ToJsonString())));
                    if (OverLong(body, 0) is { Count: > 0 } longer)
                        yield return new Attempt(name, "over-long body", Send(Url(), Json(longer.ToJsonString())));
                }
                var validBody = body is null ? null : "{}";
                foreach (var parameter in parameters)
                {
                    var parameterName = (string)parameter["name"]!;
                    var where = (string)parameter["in"]!;
                    var schema = Resolve(parameter["schema"]);
                    var type = (string?)schema?["type"];
                    if (where is "path" or "query" && type is "integer" or "number" or "boolean" || (string?)schema?["format"] is "date" or "date-time")
                        yield return new Attempt(name, $"{where} {parameterName} not a {type}", Send(Url(parameterName, "not-a-value"), validBody is null ? null : Json(validBody)),
                            ConstrainedRoute: where == "path" && IsConstrained(path, parameterName));
                    if (schema?["maxLength"] is { } maxLength)
                    {
                        var value = new string('k', (int)maxLength + 1);
                        var request = where == "header" ? Send(Url(), validBody is null ? null : Json(validBody)) : Send(Url(parameterName, value), validBody is null ? null : Json(validBody));
                        if (where == "header")
                            request.Headers.TryAddWithoutValidation(parameterName, value);
                        yield return new Attempt(name, $"over-long {where} {parameterName}", request);
                    }
                }
            }
        }
    }

    // A value of the wrong JSON type for every typed property: a number for a text, a text for a number, flag or list.
    private JsonObject WrongTyped(JsonObject schema)
    {
        var wrong = new JsonObject();
        foreach (var (property, propertySchema) in Properties(schema))
        {
            JsonNode? value = (string?)propertySchema["type"] switch
            {
                "string" when propertySchema["enum"] is not null => "no-such-value",
                "string" => 12345,
                "integer" or "number" or "boolean" or "array" => "not-a-value",
                // A record (with properties) is not a number; free JSON (a form, an input) takes any value.
                "object" when propertySchema["properties"] is not null => 12345,
                _ => null,
            };
            if (value is not null)
                wrong[property] = value;
        }
        return wrong;
    }

    // Every bounded property one past its bound, nested records included.
    private JsonObject OverLong(JsonObject schema, int depth)
    {
        var longer = new JsonObject();
        foreach (var (property, propertySchema) in Properties(schema))
        {
            if (propertySchema["maxLength"] is { } maxLength)
                longer[property] = new string('长', (int)maxLength + 1);
            else if (propertySchema["maxItems"] is { } maxItems)
                longer[property] = new JsonArray([.. Enumerable.Range(0, (int)maxItems + 1).Select(i => (JsonNode)$"m{i}")]);
            else if (depth < 2 && (string?)propertySchema["type"] == "object" && OverLong(propertySchema, depth + 1) is { Count: > 0 } inner)
                longer[property] = inner;
        }
        return longer;
    }

    private IEnumerable<(string Name, JsonObject Schema)> Properties(JsonObject schema) =>
        schema["properties"]?.AsObject().Select(p => (p.Key, Resolve(p.Value))).Where(p => p.Item2 is not null).Select(p => (p.Key, p.Item2!)) ?? [];

    // A $ref (or a oneOf/allOf of one, as nullable references come) to the schema it names.
    private JsonObject? Resolve(JsonNode? node)
    {
        for (var i = 0; i < 5 && node is JsonObject obj; i++)
        {
            if (obj["$ref"] is { } reference)
                node = _document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
            else if ((obj["oneOf"] ?? obj["allOf"] ?? obj["anyOf"]) is JsonArray { Count: > 0 } choices && obj["type"] is null)
                node = choices.FirstOrDefault(c => c?["$ref"] is not null) ?? choices[0];
            else
                return obj;
        }
        return node as JsonObject;
    }

    private string PlaceholderFor(List<JsonObject> parameters, string name) =>
        (string?)Resolve(parameters.FirstOrDefault(p => (string)p["name"]! == name)?["schema"])?["type"] is "integer" or "number" ? "1" : "x";

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    // A role the operation's policies admit, from the endpoints' metadata (as EndpointRoleMatrixTests reads it).
    private Role RoleFor(string operation)
    {
        var endpoint = Endpoints.Value.GetValueOrDefault(operation);
        var policies = endpoint?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList() ?? [];
        return Enum.GetValues<Role>().FirstOrDefault(role => policies.All(p => Policies.Roles[p].Contains(role)), Role.Administrator);
    }

    private bool IsConstrained(string path, string parameter) =>
        Endpoints.Value.Values.Any(e => Normalize(e.RoutePattern.RawText) == path && (e.RoutePattern.RawText ?? "").Contains($"{{{parameter}:", StringComparison.Ordinal));

    private Lazy<Dictionary<string, RouteEndpoint>> Endpoints => _endpoints ??= new(() =>
    {
        var map = new Dictionary<string, RouteEndpoint>();
        foreach (var endpoint in _factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                map.TryAdd($"{method} {Normalize(endpoint.RoutePattern.RawText)}", endpoint);
        return map;
    });

    private Lazy<Dictionary<string, RouteEndpoint>>? _endpoints;

    // "/api/calendar/years/{year:int}" and "api/x/" as the document spells them: "/api/calendar/years/{year}", "/api/x".
    private static string Normalize(string? raw) => "/" + Constraint().Replace(raw ?? "", "}").Trim('/');

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex Constraint();
}

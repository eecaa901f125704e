using System.Text.Json;
using Json.Schema;

namespace Approval.Tests.Api.Contract;

/// <summary>
/// Holds every answer a test client receives to the committed OpenAPI document: an operation of the document must
/// declare the status it answered, and a JSON body must fit the schema declared for that status and media type.
/// Drift fails the test where the request was sent, naming the operation, the status and what does not fit. Answers
/// of anything the document does not describe (pages, Swagger, health, the Hangfire dashboard) and bodies that are
/// not JSON (files, CSV) are let through.
/// </summary>
internal sealed class ContractCheck : DelegatingHandler
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var document = CommittedDocument.Instance;
        if (request.RequestUri is null || document.Operation(request.Method.Method, request.RequestUri.AbsolutePath) is not { } found)
            return response;
        var operation = $"{request.Method.Method} {found.Template}";
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (found.Operation["responses"]?[status] is null)
            throw new ContractDriftException($"{operation} answered {status}, which the document does not declare (openapi/Approval.Api.json).");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !(mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal)))
            return response;
        // Buffered: the test reads the same body afterwards.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (document.ResponseSchema(found.Template, request.Method.Method, status, mediaType) is not { } schema)
            throw new ContractDriftException($"{operation} answered {status} with {mediaType}, for which the document has no schema.");
        using var json = JsonDocument.Parse(body);
        var results = schema.Evaluate(json.RootElement, Evaluation);
        if (!results.IsValid)
            throw new ContractDriftException($"{operation} answered {status} with a body that does not fit the document's schema:\n"
                + string.Join("\n", Errors(results).Take(20)) + "\nBody: " + (body.Length > 2000 ? body[..2000] + "…" : body));
        return response;
    }

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Prepend(results)
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(e => $"  {r.InstanceLocation}: {e.Value} ({r.EvaluationPath})"))
            .Distinct();
}

/// <summary>An answer of the API that its committed OpenAPI document does not describe.</summary>
internal sealed class ContractDriftException(string message) : Exception(message);

using System.Text.Json;
using System.Text.RegularExpressions;
using Approval.Api.Contract;
using Approval.Workflows.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Endpoints;

/// <summary>
/// The framework's own refusals (malformed JSON, a wrong type or enum name, a missing body, a wrong content type, a
/// body too large, a route or query value that does not parse) as problem details naming the field: the JSON path
/// of the value that did not read, the parameter that did not bind, or the body or Content-Type as a whole.
/// </summary>
internal static partial class BadRequestProblems
{
    public static ProblemDetails From(BadHttpRequestException exception)
    {
        var (field, reason) = Explain(exception);
        var problem = Problems.InvalidField(field, reason);
        problem.Status = exception.StatusCode;
        if (exception.StatusCode is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType)
            problem.Extensions[ProblemLanguage.CodeMember] = ProblemLanguage.CodeOf(exception.StatusCode);
        problem.Title = exception.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "The request body is too large",
            StatusCodes.Status415UnsupportedMediaType => "The request body is not JSON",
            _ => problem.Title,
        };
        return problem;
    }

    /// <summary>For problem details the framework writes itself (status code pages): a 415 or 413 names the content type or the body.</summary>
    public static void NameTheField(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("errors"))
            return;
        (string Field, ProblemText Reason)? error = problem.Status switch
        {
            StatusCodes.Status415UnsupportedMediaType => ("Content-Type", NotJson),
            StatusCodes.Status413PayloadTooLarge => ("body", TooLarge),
            _ => null,
        };
        if (error is { } e)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [e.Field] = [e.Reason.English] };
            ProblemWords.Of(problem).Fields[e.Field] = [e.Reason];
        }
    }

    private static readonly ProblemText NotJson = ProblemText.Api("NotJson", $"send the body as application/json");
    private static readonly ProblemText TooLarge = ProblemText.Api("BodyTooLarge", $"the request body is too large");

    private static (string Field, ProblemText Reason) Explain(BadHttpRequestException exception)
    {
        if (exception.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return ("Content-Type", NotJson);
        if (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return ("body", TooLarge);
        if (exception.InnerException is JsonException json)
            return json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) && json.Path is not (null or "$")
                ? (FieldOf(json.Path), ProblemText.Api("WrongType", $"has the wrong type or an unknown value"))
                : ("body", ProblemText.Api("MalformedJson", $"is not well-formed JSON (at {json.Path ?? "$"}, line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1})"));
        if (exception.Message.Contains("as form", StringComparison.Ordinal))
            return ("file", ProblemText.Api("FileAsForm", $"send the file as multipart/form-data"));
        var message = exception.Message;
        if (message.Contains("from the request body", StringComparison.Ordinal) || message.Contains("no body was provided", StringComparison.Ordinal)
            || message.Contains("provided from body", StringComparison.Ordinal))
            return ("body", ProblemText.Api("BodyRequired", $"a JSON body is required"));
        if (BoundParameter().Match(message) is { Success: true } bound)
            return (JsonNamingPolicy.CamelCase.ConvertName(bound.Groups["name"].Value), message.Contains("was not provided", StringComparison.Ordinal)
                ? ProblemText.Of(Refusal.Of(RefusalCode.Required, $"is required"))
                : ProblemText.Api("NotAValue", $"'{bound.Groups["value"].Value}' is not a value of this field"));
        return ("request", ProblemText.Api("Unreadable", $"{message}"));
    }

    // "$.applicant.kind" → "applicant.kind"; "$['odd name']" → "odd name"; the root → "body".
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
            return "body";
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Replace("['", "", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal);
    }

    // Failed to bind parameter "int year" from "abc".  /  Required parameter "string key" was not provided from header.
    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[\w-]+)"(?: from "(?<value>[^"]*)")?""")]
    private static partial Regex BoundParameter();
}

using Approval.Api.Contract;
using Approval.Engine.Definitions;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Endpoints;

/// <summary>RFC 7807 problem details the API answers with.</summary>
internal static class Problems
{
    public static ProblemDetails NotFound(string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    };

    public static ProblemDetails Conflict(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "Conflict",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
    };

    /// <summary>No one is signed in, or the credentials or token are not good.</summary>
    public static ProblemDetails Unauthorized(string detail) => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Unauthorized",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
    };

    /// <summary>A request field that is wrong: which field, and why.</summary>
    public static ProblemDetails InvalidField(string field, string reason)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid",
            Detail = $"{field}: {reason}",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason] };
        return problem;
    }

    /// <summary>A request field that is wrong, the reason with its code: said in the reader's language (<see cref="ProblemLanguage"/>).</summary>
    public static ProblemDetails InvalidField(string field, ProblemText reason) => InvalidFields([(field, reason.English, reason)]);

    /// <summary>Every field that is wrong, each reason with its code where it has one.</summary>
    public static ProblemDetails InvalidFields(IEnumerable<(string Field, string Reason, ProblemText? Said)> errors)
    {
        var list = errors.ToList();
        var problem = InvalidFields(list.Select(e => (e.Field, e.Reason)));
        var words = ProblemWords.Of(problem);
        words.DetailListsFields = true;
        foreach (var (field, _, said) in list)
        {
            if (!words.Fields.TryGetValue(field, out var reasons))
                words.Fields[field] = reasons = [];
            reasons.Add(said);
        }
        return problem;
    }

    /// <summary>Every field that is wrong, each reason a code said in the reader's language.</summary>
    public static ProblemDetails InvalidFields(IEnumerable<(string Field, ProblemText Reason)> errors) =>
        InvalidFields(errors.Select(e => (e.Field, e.Reason.English, (ProblemText?)e.Reason)));

    /// <summary>The problem's detail is this sentence (in <paramref name="frame"/>, a <c>UiText</c> key, when given); its code is the problem's code.</summary>
    public static ProblemDetails Saying(this ProblemDetails problem, ProblemText detail, string? frame = null)
    {
        var words = ProblemWords.Of(problem);
        words.Detail = detail;
        words.Frame = frame;
        problem.Extensions[ProblemLanguage.CodeMember] = detail.Code;
        return problem;
    }

    /// <summary>Signed in, but the user's role (or the record) does not allow this.</summary>
    public static ProblemDetails Forbidden(string detail) => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "Forbidden",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
    };

    /// <summary>Every field that is wrong, and why.</summary>
    public static ProblemDetails InvalidFields(IEnumerable<(string Field, string Reason)> errors)
    {
        var list = errors.ToList();
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid",
            Detail = string.Join("; ", list.Select(e => $"{e.Field}: {e.Reason}")),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        problem.Extensions["errors"] = list.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());
        return problem;
    }

    /// <summary>Values longer than their fields take (422, as for any well-formed request the server will not process).</summary>
    public static ProblemDetails TooLong(IEnumerable<(string Field, ProblemText Reason)> errors)
    {
        var list = errors.ToList();
        var problem = InvalidFields(list.Select(e => (e.Field, e.Reason.English, (ProblemText?)e.Reason)));
        problem.Status = StatusCodes.Status422UnprocessableEntity;
        problem.Title = "A value is too long";
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21";
        problem.Extensions[ProblemLanguage.CodeMember] = "TooLong";
        return problem;
    }

    /// <summary>A well-formed request the server will not process (422), with the fields that stop it.</summary>
    public static ProblemDetails UnprocessableFields(IEnumerable<(string Field, string Reason)> errors, string title)
    {
        var problem = InvalidFields(errors);
        problem.Status = StatusCodes.Status422UnprocessableEntity;
        problem.Title = title;
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21";
        return problem;
    }

    public static ProblemDetails Unprocessable(string detail) => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The request cannot be answered",
        Detail = detail,
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.21",
    };

    /// <summary>A definition that does not validate: every error, with the activity it concerns.</summary>
    public static ProblemDetails InvalidDefinition(IReadOnlyList<DefinitionError> errors)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The workflow definition is invalid",
            Detail = string.Join("; ", errors.Select(e => e.ActivityId is null ? e.Reason : $"activity '{e.ActivityId}': {e.Reason}")),
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        // Keyed like every other problem's errors: the activity ("activities.{id}"), or the definition as a whole.
        problem.Extensions["errors"] = errors.GroupBy(e => e.ActivityId is null ? "definition" : $"activities.{e.ActivityId}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Reason).ToArray());
        // The same errors with their stable codes and parameters, for a client that says them in its own words.
        problem.Extensions["definitionErrors"] = errors.Select(e => new DefinitionErrorView(e.ActivityId, e.Code.ToString(), e.Parameters, e.Reason)).ToArray();
        problem.Extensions[ProblemLanguage.CodeMember] = "InvalidDefinition";
        return problem;
    }
}

/// <summary>One error of a refused definition: where (the activity, or null for the whole file), its code
/// (<see cref="DefinitionErrorCode"/>), the values its sentence names, and the sentence in English.</summary>
public sealed record DefinitionErrorView(string? ActivityId, string Code, IReadOnlyDictionary<string, string> Parameters, string Reason);

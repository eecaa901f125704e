using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Approval.Api.Contract;
using Approval.Workflows.Inputs;
using Approval.Workflows.Refusals;
using Microsoft.AspNetCore.Mvc;

namespace Approval.Api.Endpoints;

/// <summary>
/// Refuses a request whose values are longer than their fields take, before the handler runs: every request record's
/// (and header's) <see cref="MaxLengthAttribute"/> — the limits of <see cref="TextLimits"/>, which the OpenAPI
/// schema shows as maxLength/maxItems — is checked, and each breach answers 422 naming the field. The same request
/// so gets the same answer on every database: no value reaches a column it does not fit. The domain checks the
/// same limits again (list entries and form texts too), for callers that do not come through HTTP.
/// </summary>
internal static class InputLimits
{
    private delegate void Check(object? value, List<(string Field, ProblemText Reason)> errors);

    /// <summary>An endpoint filter factory: endpoints whose arguments carry no limit get no filter at all.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var checks = context.MethodInfo.GetParameters()
            .Select((parameter, index) => (Index: index, Check: ForParameter(parameter)))
            .Where(c => c.Check is not null)
            .ToList();
        if (checks.Count == 0)
            return next;
        return async invocation =>
        {
            var errors = new List<(string Field, ProblemText Reason)>();
            foreach (var (index, check) in checks)
                check!(invocation.Arguments[index], errors);
            return errors.Count == 0 ? await next(invocation) : TypedResults.Problem(Problems.TooLong(errors));
        };
    }

    private static Check? ForParameter(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<MaxLengthAttribute>() is { } limit)
        {
            var name = parameter.GetCustomAttribute<FromHeaderAttribute>()?.Name
                ?? parameter.GetCustomAttribute<FromQueryAttribute>()?.Name
                ?? parameter.GetCustomAttribute<FromRouteAttribute>()?.Name
                ?? parameter.Name!;
            return (value, errors) => Measure(name, value, limit.Length, errors);
        }
        return ForType(parameter.ParameterType, "", depth: 0);
    }

    // A record of the API or the domain: its bounded properties, and the bounded properties of the records inside it.
    private static Check? ForType(Type type, string prefix, int depth)
    {
        if (depth > 3 || type.IsPrimitive || type == typeof(string) || type.Namespace?.StartsWith("Approval.", StringComparison.Ordinal) != true)
            return null;
        var checks = new List<Check>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var field = prefix + (property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name));
            if (property.GetCustomAttribute<MaxLengthAttribute>() is { } limit)
                checks.Add((owner, errors) => Measure(field, owner is null ? null : property.GetValue(owner), limit.Length, errors));
            else if (ForType(property.PropertyType, field + ".", depth + 1) is { } inner)
                checks.Add((owner, errors) => inner(owner is null ? null : property.GetValue(owner), errors));
        }
        return checks.Count == 0 ? null : (value, errors) =>
        {
            if (value is null)
                return;
            foreach (var check in checks)
                check(value, errors);
        };
    }

    private static void Measure(string field, object? value, int limit, List<(string Field, ProblemText Reason)> errors)
    {
        switch (value)
        {
            case string text when text.Length > limit:
                errors.Add((field, ProblemText.Of(Refusal.Of(RefusalCode.TextTooLong, $"at most {limit} characters"))));
                break;
            case ICollection list when list.Count > limit:
                errors.Add((field, ProblemText.Of(Refusal.Of(RefusalCode.TooManyEntries, $"at most {limit} entries"))));
                break;
        }
    }
}

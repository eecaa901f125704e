using Approval.Workflows.Refusals;

namespace Approval.Workflows.Inputs;

/// <summary>
/// The longest text each kind of field takes. One table for the whole product, so the API's schema (maxLength), the
/// domain's checks and the database's column widths cannot drift apart: a value longer than its limit is refused
/// before anything is written, with the field named, on every database alike. The widths of the columns that
/// hold these values are at least these limits (Approval.Api/Persistence; a test walks the model).
/// </summary>
public static class TextLimits
{
    /// <summary>Codes and ids: item, department, material and window codes, case and task ids, correlation ids, Idempotency-Key.</summary>
    public const int Code = 128;

    /// <summary>Names and short lines: applicant, user and colleague names, contacts, phone numbers, subjects, catalog names.</summary>
    public const int Name = 200;

    /// <summary>Reasons: refusal, withdrawal, opinion, suspension, extension, decision, reassignment, correction, violation review.</summary>
    public const int Reason = 2_000;

    /// <summary>Longer prose: a complaint's body, a notice's body, a department's answer, a complaint's outcome.</summary>
    public const int Prose = 10_000;

    /// <summary>One answer in an application's form (a string field of the item's form).</summary>
    public const int FormText = 2_000;

    /// <summary>How many entries a list takes: missing materials, promised materials, a form's fields.</summary>
    public const int ListItems = 100;

    /// <summary>An attachment's display name (the sanitized file name).</summary>
    public const int FileName = 200;

    /// <summary>Throws <see cref="InputTooLongException"/> when <paramref name="value"/> is longer than <paramref name="limit"/>.</summary>
    public static void Check(string field, string? value, int limit)
    {
        if (value is { } text && text.Length > limit)
            throw new InputTooLongException(field, limit);
    }

    /// <summary>Checks a list: at most <see cref="ListItems"/> entries, each at most <paramref name="itemLimit"/> long.</summary>
    public static void Check(string field, IReadOnlyList<string>? values, int itemLimit)
    {
        if (values is null)
            return;
        if (values.Count > ListItems)
            throw new InputTooLongException(field, ListItems, items: true);
        for (var i = 0; i < values.Count; i++)
            Check($"{field}[{i}]", values[i], itemLimit);
    }

    /// <summary>The reason told when a value is too long (English; the field is named beside it).</summary>
    public static string TooLong(int limit) => $"at most {limit} characters";
}

/// <summary>A value longer than its field's limit (<see cref="TextLimits"/>): nothing was written.</summary>
public sealed class InputTooLongException(string field, int limit, bool items = false)
    : Exception($"{field}: {RefusalOf(limit, items).Text}"), IRefused
{
    /// <summary>The field, as the request names it (camelCase, with a path for nested fields).</summary>
    public string Field { get; } = field;

    public string Reason => Refusal.Text;

    public Refusal Refusal { get; } = RefusalOf(limit, items);

    private static Refusal RefusalOf(int limit, bool items) => items
        ? Refusal.Of(RefusalCode.TooManyEntries, $"at most {limit} entries")
        : Refusal.Of(RefusalCode.TextTooLong, $"at most {limit} characters");
}

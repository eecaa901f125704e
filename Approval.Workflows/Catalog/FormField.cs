using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Approval.Workflows.Applicants;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Catalog;

/// <summary>The types a form field can have.</summary>
public enum FieldType
{
    Text,
    Number,
    Date,
    Boolean,
    Choice,
    ResidentId,
    CreditCode,
}

/// <summary>One field of the form an applicant fills in for an item.</summary>
public sealed record FormField(string Name, string Label, FieldType Type, bool Required = false)
{
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Why a value is not acceptable for this field, or null when it is.</summary>
    public Refusal? Check(JsonNode? value)
    {
        if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var empty) && string.IsNullOrWhiteSpace(empty)))
            return Required ? Refusal.Of(RefusalCode.Required, $"is required") : null;
        switch (Type)
        {
            case FieldType.Number:
                if (!TryNumber(value, out var number))
                    return Refusal.Of(RefusalCode.MustBeNumber, $"must be a number");
                if (Min is { } min && number < min)
                    return Refusal.Of(RefusalCode.AtLeast, $"must be at least {min.ToString(CultureInfo.InvariantCulture)}");
                if (Max is { } max && number > max)
                    return Refusal.Of(RefusalCode.AtMost, $"must be at most {max.ToString(CultureInfo.InvariantCulture)}");
                return null;
            case FieldType.Boolean:
                return value is JsonValue b && b.TryGetValue<bool>(out _) ? null : Refusal.Of(RefusalCode.MustBeBoolean, $"must be true or false");
            case FieldType.Date:
                return Text(value) is { } d && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                    ? null : Refusal.Of(RefusalCode.MustBeDate, $"must be a date of the form YYYY-MM-DD");
            case FieldType.Choice:
                return Text(value) is { } c && Choices.Contains(c) ? null : Refusal.Of(RefusalCode.MustBeOneOf, $"must be one of: {string.Join(", ", Choices)}");
            case FieldType.ResidentId:
                return ResidentIdNumber.TryParse(Text(value), out _, out var idReason) ? null : idReason;
            case FieldType.CreditCode:
                return UnifiedSocialCreditCode.TryParse(Text(value), out _, out var codeReason) ? null : codeReason;
            default:
                var text = Text(value);
                if (text is null)
                    return Refusal.Of(RefusalCode.MustBeText, $"must be text");
                if (MaxLength is { } length && text.Length > length)
                    return Refusal.Of(RefusalCode.TextTooLong, $"must be at most {length} characters");
                if (Pattern is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)))
                    return Refusal.Of(RefusalCode.WrongFormat, $"does not have the expected format");
                return null;
        }
    }

    private static string? Text(JsonNode value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool TryNumber(JsonNode value, out decimal number)
    {
        number = 0;
        if (value is not JsonValue v)
            return false;
        // A number however it was built (int, long, double, parsed text): read its JSON form.
        if (v.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            return decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        return v.TryGetValue<string>(out var s) && decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out number);
    }
}

/// <summary>A field of a request that is wrong, and why.</summary>
public sealed record FieldError(string Field, string Reason)
{
    /// <summary>The reason as a code and parameters, for a page to say in its reader's language (null: only the English <see cref="Reason"/>).</summary>
    public Refusal? Refusal { get; init; }

    public FieldError(string field, Refusal refusal) : this(field, refusal.Text) => Refusal = refusal;
}

/// <summary>Checks an applicant's form data against an item's form.</summary>
public static class FormValidation
{
    /// <summary>Every problem of the data: missing or invalid fields, and fields the form does not have.</summary>
    public static IReadOnlyList<FieldError> Check(IReadOnlyList<FormField> form, JsonObject? data)
    {
        data ??= [];
        var errors = new List<FieldError>();
        foreach (var field in form)
        {
            if (field.Check(data[field.Name]) is { } reason)
                errors.Add(new FieldError($"form.{field.Name}", $"{field.Label} {reason.Text}") { Refusal = reason });
        }
        foreach (var (name, _) in data)
        {
            if (!form.Any(f => f.Name == name))
                errors.Add(new FieldError($"form.{name}", Refusal.Of(RefusalCode.NotAFieldOfForm, $"is not a field of this item's form")));
        }
        return errors;
    }
}

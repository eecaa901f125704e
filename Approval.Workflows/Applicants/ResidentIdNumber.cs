using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Applicants;

/// <summary>An 18-digit resident identity card number (公民身份号码, GB 11643-1999), check digit verified.</summary>
public sealed record ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>The date of birth the number encodes.</summary>
    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ResidentIdNumber? id, out Refusal? reason)
    {
        id = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 18)
        {
            reason = Refusal.Of(RefusalCode.ResidentIdLength, $"a resident ID number has 18 characters");
            return false;
        }
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                reason = Refusal.Of(RefusalCode.ResidentIdDigits, $"the first 17 characters of a resident ID number are digits");
                return false;
            }
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1800)
        {
            reason = Refusal.Of(RefusalCode.ResidentIdBirthDate, $"characters 7–14 of a resident ID number are not a valid date of birth");
            return false;
        }
        if (value[17] != CheckDigitOf(value.AsSpan(0, 17)))
        {
            reason = Refusal.Of(RefusalCode.ResidentIdCheckDigit, $"the check digit of the resident ID number is wrong");
            return false;
        }
        id = new ResidentIdNumber(value);
        reason = null;
        return true;
    }

    /// <summary>The check digit for the first 17 digits (region, date of birth, serial): what makes a number of them.</summary>
    public static char CheckDigitOf(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("the check digit is computed over 17 digits", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    public override string ToString() => Value;
}

using System.Diagnostics.CodeAnalysis;
using Approval.Workflows.Refusals;

namespace Approval.Workflows.Applicants;

/// <summary>An 18-character unified social credit code of an organisation (统一社会信用代码, GB 32100-2015), check character verified.</summary>
public sealed record UnifiedSocialCreditCode
{
    // The code's alphabet: digits and capitals without I, O, Z, S, V.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(string? text, [NotNullWhen(true)] out UnifiedSocialCreditCode? code, out Refusal? reason)
    {
        code = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 18)
        {
            reason = Refusal.Of(RefusalCode.CreditCodeLength, $"a unified social credit code has 18 characters");
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var digit = Alphabet.IndexOf(value[i], StringComparison.Ordinal);
            if (digit < 0)
            {
                reason = Refusal.Of(RefusalCode.CreditCodeCharacter, $"'{value[i]}' is not a character of a unified social credit code");
                return false;
            }
            sum += digit * Weights[i];
        }
        var check = (31 - sum % 31) % 31;
        if (value[17] != Alphabet[check])
        {
            reason = Refusal.Of(RefusalCode.CreditCodeCheckCharacter, $"the check character of the unified social credit code is wrong");
            return false;
        }
        code = new UnifiedSocialCreditCode(value);
        reason = null;
        return true;
    }

    /// <summary>The check character for the first 17 characters of the code's alphabet.</summary>
    public static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("the check character is computed over 17 characters", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var digit = Alphabet.IndexOf(first17[i]);
            if (digit < 0)
                throw new ArgumentException($"'{first17[i]}' is not a character of a unified social credit code", nameof(first17));
            sum += digit * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>The characters a code is written with (digits and capitals without I, O, Z, S, V).</summary>
    public static string Characters => Alphabet;

    public override string ToString() => Value;
}

using System.Globalization;

namespace Approval.Workflows.Supervision;

/// <summary>A part of a whole, as the published figures state it: a percentage rounded to two decimals, half away from zero.</summary>
public readonly record struct Rate(int Part, int Whole)
{
    /// <summary>Part ÷ whole, unrounded; null when the whole is zero (no rate, rather than 0% or 100%).</summary>
    public decimal? Value => Whole == 0 ? null : (decimal)Part / Whole;

    /// <summary>102.94 for 24,375 of 23,678; null when the whole is zero.</summary>
    public decimal? Percent => Value is { } value ? Math.Round(100 * value, 2, MidpointRounding.AwayFromZero) : null;

    public override string ToString() =>
        Percent is { } percent ? percent.ToString("0.00", CultureInfo.InvariantCulture) + "%" : "—";
}

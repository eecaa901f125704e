using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Localization;

/// <summary>
/// The pages' texts: <c>UiText.resx</c> in Chinese (the neutral language), <c>UiText.en.resx</c> in English. Enum
/// values are keyed <c>TypeName.Value</c> (<c>CaseStatus.InReview</c>, <c>Role.WindowClerk</c>, <c>WarningLevel.Yellow</c>).
/// </summary>
public sealed class UiText;

/// <summary>Names of the domain's enums in the person's language.</summary>
public static class EnumText
{
    public static string Name<TEnum>(this IStringLocalizer<UiText> text, TEnum value) where TEnum : struct, Enum =>
        text[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>The name of an enum value given by its name, as rows store it; the name itself when unknown.</summary>
    public static string Name<TEnum>(this IStringLocalizer<UiText> text, string value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value, out var parsed) ? text.Name(parsed) : value;
}

using Approval.Workflows.Refusals;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Localization;

/// <summary>The domain's refusals in the person's language: <c>Refusal.{Code}</c>, its parameters formatted in their culture.</summary>
public static class RefusalText
{
    public static string Say(this IStringLocalizer<UiText> text, Refusal refusal) =>
        text[$"Refusal.{refusal.Code}", [.. refusal.Arguments.Select(a => Argument(text, a))]];

    // An enum value is said by its label (CreditStanding.Dishonest: 失信), not by the name the API's English sentence uses;
    // a value with no label stays as it is.
    private static object Argument(IStringLocalizer<UiText> text, object? argument) =>
        argument is Enum value && text[$"{value.GetType().Name}.{value}"] is { ResourceNotFound: false } label ? label.Value : argument ?? "";
}

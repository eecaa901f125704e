using Approval.Workflows.Refusals;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Localization;

/// <summary>The domain's refusals in the person's language: <c>Refusal.{Code}</c>, its parameters formatted in their culture.</summary>
public static class RefusalText
{
    public static string Say(this IStringLocalizer<UiText> text, Refusal refusal) =>
        text[$"Refusal.{refusal.Code}", [.. refusal.Arguments.Select(a => a ?? "")]];
}

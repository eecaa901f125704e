using Approval.Engine.Definitions;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Localization;

/// <summary>
/// The engine's definition errors in the person's language: <c>DefinitionError.{Code}</c> with the engine's named
/// placeholders (<c>{activity}</c>) filled from the error's parameters. The engine keeps no text but its English one.
/// </summary>
public static class DefinitionErrorText
{
    public static string Say(this IStringLocalizer<UiText> text, DefinitionError error)
    {
        var sentence = text[$"DefinitionError.{error.Code}"];
        // A code without a text yet (DefinitionErrorTextTests fails on it) is said in the engine's English, not as its key.
        return sentence.ResourceNotFound ? error.Reason : DefinitionErrorTexts.Fill(sentence.Value, error.Parameters);
    }
}

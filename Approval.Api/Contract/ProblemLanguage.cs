using System.Globalization;
using Approval.Api.Pages.Localization;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Contract;

/// <summary>
/// Words every problem detail the API writes in the reader's language, from the same <c>UiText</c> resources the pages
/// use: Chinese (zh-CN) by default, English when <c>Accept-Language</c> prefers it (the pages' <c>?culture=</c> and
/// cookie count when the header names neither). The <c>title</c> follows the problem's <c>code</c> or status, the
/// <c>detail</c> and the reasons in <c>errors</c> follow their codes (<see cref="ProblemWords"/>); a sentence that has
/// no code yet stays in English. The <c>code</c> member is set on every problem: the refusal's code, or one the API
/// gives (<see cref="CodeOf"/>), so a machine never has to read the words.
/// </summary>
internal static class ProblemLanguage
{
    public const string CodeMember = "code";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var words = problem.Extensions.Remove(ProblemWords.Member, out var carried) ? carried as ProblemWords : null;
        var code = problem.Extensions.TryGetValue(CodeMember, out var given) && given is string named ? named : CodeOf(problem.Status);
        problem.Extensions[CodeMember] = code;

        var text = context.HttpContext.RequestServices.GetService<IStringLocalizer<UiText>>();
        if (text is null)
            return;
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = LanguageOf(context.HttpContext.Request);
        try
        {
            problem.Title = Say(text, $"Api.Title.{code}") ?? Say(text, $"Api.Title.{problem.Status}") ?? problem.Title;
            if (words is null)
                return;
            var errors = problem.Extensions.TryGetValue("errors", out var listed) ? listed as IDictionary<string, string[]> : null;
            if (errors is not null)
                foreach (var (field, reasons) in words.Fields)
                    if (errors.TryGetValue(field, out var english))
                        errors[field] = [.. english.Select((reason, i) => i < reasons.Count && reasons[i] is { } said ? Say(text, said) : reason)];
            if (words.Detail is { } detail)
                problem.Detail = words.Frame is { } frame ? text[frame, Say(text, detail)] : Say(text, detail);
            else if (words.DetailListsFields && errors is not null)
                problem.Detail = string.Join("; ", errors.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}")));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>English when the request prefers it, Chinese when it prefers that; else the request's culture (zh-CN unless chosen).</summary>
    public static CultureInfo LanguageOf(HttpRequest request)
    {
        foreach (var asked in request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = asked.Value.Value ?? "";
            if (asked.Quality == 0)
                continue;
            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
                return CultureInfo.GetCultureInfo(UiCulture.English);
            if (tag.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
                return CultureInfo.GetCultureInfo(UiCulture.Chinese);
        }
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == UiCulture.English
            ? CultureInfo.GetCultureInfo(UiCulture.English)
            : CultureInfo.GetCultureInfo(UiCulture.Chinese);
    }

    /// <summary>The code of a problem that was given none: one per status.</summary>
    public static string CodeOf(int? status) => status switch
    {
        StatusCodes.Status400BadRequest => "InvalidRequest",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "NotFound",
        StatusCodes.Status405MethodNotAllowed => "MethodNotAllowed",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "BodyTooLarge",
        StatusCodes.Status415UnsupportedMediaType => "NotJson",
        StatusCodes.Status422UnprocessableEntity => "Unprocessable",
        StatusCodes.Status429TooManyRequests => "TooManyRequests",
        >= 500 => "ServerError",
        _ => "Problem",
    };

    private static string? Say(IStringLocalizer<UiText> text, string key) => text[key] is { ResourceNotFound: false } found ? found.Value : null;

    private static string Say(IStringLocalizer<UiText> text, ProblemText said)
    {
        var found = text[said.Key, [.. said.Arguments.Select(a => a ?? "")]];
        return found.ResourceNotFound ? said.English : found.Value;
    }
}

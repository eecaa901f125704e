using System.Globalization;
using Approval.Workflows.Refusals;

namespace Approval.Api.Contract;

/// <summary>
/// A sentence of a problem detail as a code: the stable <see cref="Code"/> a machine reads, the English the API has
/// always answered with, and the <c>UiText</c> key and parameters that say it in the reader's language.
/// </summary>
internal sealed record ProblemText(string Code, string Key, string English, IReadOnlyList<object?> Arguments)
{
    /// <summary>A refusal of the domain: its <see cref="RefusalCode"/>, said by <c>Refusal.{Code}</c>, as the pages say it.</summary>
    public static ProblemText Of(Refusal refusal) => new(refusal.Code.ToString(), $"Refusal.{refusal.Code}", refusal.Text, refusal.Arguments);

    /// <summary>A reason of the HTTP API itself (a body that is not JSON, a value of the wrong type): <c>Api.Reason.{code}</c>.</summary>
    public static ProblemText Api(string code, FormattableString english) =>
        new(code, $"Api.Reason.{code}", english.ToString(CultureInfo.InvariantCulture), english.GetArguments());

    public override string ToString() => English;
}

/// <summary>
/// What a problem detail says, as codes, carried with it until <see cref="ProblemLanguage"/> words it for the request
/// (and removes it): the detail, and each field error beside the English reason in <c>errors</c>.
/// </summary>
internal sealed class ProblemWords
{
    /// <summary>The extension member it travels under; never written to the wire.</summary>
    public const string Member = "__words";

    /// <summary>The detail, when it is one sentence of its own.</summary>
    public ProblemText? Detail { get; set; }

    /// <summary>A <c>UiText</c> key the detail is set in (<c>Problem.NotPossible</c>: "Not possible now: {0}").</summary>
    public string? Frame { get; set; }

    /// <summary>The detail lists the field errors ("field: reason; …"), so it is listed again in the reader's language.</summary>
    public bool DetailListsFields { get; set; }

    /// <summary>Each field's reasons in the order of <c>errors</c>; null where the reason has no code yet (said in English).</summary>
    public Dictionary<string, List<ProblemText?>> Fields { get; } = [];

    public static ProblemWords Of(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        if (problem.Extensions.TryGetValue(Member, out var existing) && existing is ProblemWords words)
            return words;
        var created = new ProblemWords();
        problem.Extensions[Member] = created;
        return created;
    }
}

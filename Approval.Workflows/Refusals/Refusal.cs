using System.Globalization;

namespace Approval.Workflows.Refusals;

/// <summary>
/// Why the domain said no: a stable code and its parameters, for the pages to say in the reader's language
/// (<c>UiText</c> keys <c>Refusal.{Code}</c>), beside the English sentence the API has always answered with.
/// </summary>
/// <param name="English">The rule in English; its interpolated values are the code's parameters, in order.</param>
public sealed record Refusal(RefusalCode Code, FormattableString English)
{
    public static Refusal Of(RefusalCode code, FormattableString english) => new(code, english);

    /// <summary>The parameters the code's sentence takes ({0}, {1}…).</summary>
    public IReadOnlyList<object?> Arguments => English.GetArguments();

    /// <summary>The English sentence, as the API tells it.</summary>
    public string Text => English.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Text;
}

/// <summary>An exception of the domain that says why with a <see cref="Refusal"/>.</summary>
public interface IRefused
{
    Refusal Refusal { get; }
}

namespace Approval.Engine.Definitions;

/// <summary>
/// Why a definition was refused: the file, the activity (if any) and the reason, as a stable code with its parameters
/// (for a host to say in its reader's language) and the English sentence (for logs and the command line).
/// </summary>
public sealed record DefinitionError(string? Source, string? ActivityId, DefinitionErrorReason Why)
{
    public DefinitionErrorCode Code => Why.Code;

    /// <summary>The values the code's sentence names, by placeholder (<c>{activity}</c> → <c>review-taks</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters => Why.Parameters;

    /// <summary>The reason in English.</summary>
    public string Reason => Why.English;

    /// <summary>An error of <paramref name="code"/> at a file and (when not null) an activity.</summary>
    public static DefinitionError At(string? source, string? activityId, DefinitionErrorCode code, params (string Name, string Value)[] parameters) =>
        new(source, activityId, DefinitionErrorReason.Of(code, parameters));

    public override string ToString()
    {
        var where = Source ?? "definition";
        return ActivityId is null ? $"{where}: {Reason}" : $"{where}: activity '{ActivityId}': {Reason}";
    }
}

/// <summary>
/// A reason a definition is refused, before it is placed at a file and an activity: what activity types give from
/// <see cref="Activities.ActivityType.Validate"/>.
/// </summary>
public sealed record DefinitionErrorReason(DefinitionErrorCode Code, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The reason of <paramref name="code"/> with its placeholders' values.</summary>
    public static DefinitionErrorReason Of(DefinitionErrorCode code, params (string Name, string Value)[] parameters) =>
        new(code, parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal));

    /// <summary>The code's English sentence with its parameters filled in.</summary>
    public string English => DefinitionErrorTexts.Fill(DefinitionErrorTexts.English(Code), Parameters);

    public override string ToString() => English;
}

/// <summary>Thrown when a definition that does not validate is used.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("The workflow definition is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}

namespace Approval.Engine.Definitions;

/// <summary>Why a definition was refused: the file, the activity (if any) and the reason.</summary>
public sealed record DefinitionError(string? Source, string? ActivityId, string Reason)
{
    public override string ToString()
    {
        var where = Source ?? "definition";
        return ActivityId is null ? $"{where}: {Reason}" : $"{where}: activity '{ActivityId}': {Reason}";
    }
}

/// <summary>Thrown when a definition that does not validate is used.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("The workflow definition is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}

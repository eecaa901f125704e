namespace Approval.Workflows.People;

/// <summary>A reviewer away (leave, a business trip) and the colleague who acts on their tasks meanwhile (代理人).</summary>
public sealed record Absence(string UserName, string Substitute, DateTimeOffset From, DateTimeOffset Until)
{
    public bool Covers(DateTimeOffset instant) => From <= instant && instant < Until;

    /// <summary>Whether <paramref name="actor"/> may act on a task held by <paramref name="holder"/> at <paramref name="instant"/>.</summary>
    public static bool MayActFor(string actor, string? holder, Absence? holderAbsence, DateTimeOffset instant) =>
        holder is null || holder == actor || (holderAbsence is { } away && away.Substitute == actor && away.Covers(instant));
}

namespace Approval.Workflows.Supervision;

/// <summary>
/// The person a timeline actor or a violation names, as persons are evaluated: by account. Steps done over HTTP record
/// the actor as <c>显示名 (account)</c>, task holders by account alone; both come to the account.
/// </summary>
public static class StaffNames
{
    /// <summary>Steps the system did on its own (Art. 32, the clocks) are no one's.</summary>
    public const string System = "system";

    /// <summary><c>李敏 (clerk)</c> → <c>clerk</c>; <c>clerk</c> → <c>clerk</c>; null for the system or nobody.</summary>
    public static string? AccountOf(string? actor)
    {
        if (string.IsNullOrWhiteSpace(actor) || actor == System)
            return null;
        var open = actor.LastIndexOf(" (", StringComparison.Ordinal);
        return open > 0 && actor.EndsWith(')') ? actor[(open + 2)..^1] : actor;
    }
}

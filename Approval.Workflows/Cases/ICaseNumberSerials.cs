namespace Approval.Workflows.Cases;

/// <summary>
/// The serials of a day's case numbers (办件编号): each call answers the day's next one, never the same twice, however many
/// nodes submit at once. A store (EF Core in Approval.Api) keeps one counter per day.
/// </summary>
public interface ICaseNumberSerials
{
    /// <summary>The next serial of <paramref name="day"/> (the service center's date): 1 for its first case.</summary>
    Task<int> NextAsync(DateOnly day, CancellationToken cancellationToken = default);
}

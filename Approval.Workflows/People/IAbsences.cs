namespace Approval.Workflows.People;

/// <summary>Who is away and who acts for them (代理人); a step on a task held by someone away asks it.</summary>
public interface IAbsences
{
    Task<Absence?> FindAsync(string userName, CancellationToken cancellationToken = default);
}

using Approval.Api.Notifications;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;

namespace Approval.Api.Cli;

/// <summary>
/// <c>run</c>'s instance store: the in-memory one, which prints each e-mail a step staged (<c>Elsa.SendEmail</c>) as the
/// step is saved, where the server would write it to the e-mail outbox. The command line sends nothing.
/// </summary>
internal sealed class PrintedEmails(IWorkflowInstanceStore inner, TextWriter output) : IWorkflowInstanceStore
{
    public Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.FindAsync(instanceId, cancellationToken);

    public async Task InsertAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default)
    {
        await inner.InsertAsync(instance, result, cancellationToken);
        Print(result);
    }

    public async Task UpdateAsync(WorkflowInstance instance, RunResult result, CancellationToken cancellationToken = default)
    {
        await inner.UpdateAsync(instance, result, cancellationToken);
        Print(result);
    }

    public Task<string?> FindInstanceIdByBookmarkAsync(string bookmarkId, CancellationToken cancellationToken = default) =>
        inner.FindInstanceIdByBookmarkAsync(bookmarkId, cancellationToken);

    public Task<IReadOnlyList<BookmarkReference>> FindBookmarksByNameAsync(string name, CancellationToken cancellationToken = default) =>
        inner.FindBookmarksByNameAsync(name, cancellationToken);

    public Task<IReadOnlyList<BookmarkReference>> FindDueTimersAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken = default) =>
        inner.FindDueTimersAsync(dueBy, max, cancellationToken);

    // Printed after the save, as the server writes the row only with it: a run that loses a race stages nothing twice.
    private void Print(RunResult result)
    {
        foreach (var mail in result.StagedEffects.OfType<ProcessEmail>())
            output.WriteLine($"e-mail (not sent by the command line) at {mail.ActivityId} to {mail.Addresses.Recipients}: {mail.Subject}");
    }
}

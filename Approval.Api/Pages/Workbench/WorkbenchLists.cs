using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Pages.Workbench;

/// <summary>A line of a work list: a case, or one department's task on it.</summary>
public sealed record WorkListLine(string CaseId, string CaseNumber, string ItemCode, string ApplicantName, string Status, string Level,
    DateTimeOffset ReceivedAt, DateTimeOffset? DueAt, string? TaskId = null, string? ClaimedBy = null);

/// <summary>
/// The lists the pages show, each one small query over the indexed case and task rows. The role work-list APIs
/// (issue #14) will replace these queries: every page asks this class only, so each list is swapped in one place.
/// </summary>
public sealed class WorkbenchLists(IDbContextFactory<ApprovalDbContext> contexts, CaseClock clock)
{
    private const int Shown = 200;

    /// <summary>The window's queue: applications not yet answered, the one whose Art. 32 answer is due first on top.</summary>
    public async Task<IReadOnlyList<WorkListLine>> WindowQueueAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        string[] waiting = [nameof(CaseStatus.Submitted), nameof(CaseStatus.SupplementRequested)];
        var rows = await db.Cases.AsNoTracking().Where(c => waiting.Contains(c.Status)).OrderBy(c => c.ReceivedAt).Take(Shown)
            .Select(c => new { c.Id, c.Number, c.ItemCode, c.ApplicantName, c.Status, c.Level, c.ReceivedAt })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => new WorkListLine(c.Id, c.Number, c.ItemCode, c.ApplicantName, c.Status, c.Level, c.ReceivedAt,
            clock.AcceptanceDeadline(c.ReceivedAt)))];
    }

    /// <summary>Decided cases whose result the window hands out.</summary>
    public async Task<IReadOnlyList<WorkListLine>> ToDeliverAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AsNoTracking().Where(c => c.Status == nameof(CaseStatus.Decided)).OrderBy(c => c.DueAt).Take(Shown)
            .Select(c => new WorkListLine(c.Id, c.Number, c.ItemCode, c.ApplicantName, c.Status, c.Level, c.ReceivedAt, c.DueAt, null, null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>A department's open tasks, the most urgent (earliest due) first.</summary>
    public async Task<IReadOnlyList<WorkListLine>> DepartmentTasksAsync(string? department, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.CaseTasks.AsNoTracking()
            .Where(t => t.DepartmentCode == department && t.Status == nameof(Approval.Workflows.Cases.TaskStatus.Open))
            .OrderBy(t => t.DueAt).Take(Shown)
            .Select(t => new WorkListLine(t.CaseId, t.CaseNumber, t.ItemCode, t.ApplicantName, t.Status, t.Level, t.OpenedAt, t.DueAt, t.Id, t.ClaimedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>An applicant's own cases, newest first.</summary>
    public async Task<IReadOnlyList<WorkListLine>> ApplicantCasesAsync(string? applicantIdNumber, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AsNoTracking().Where(c => c.ApplicantIdNumber == applicantIdNumber).OrderByDescending(c => c.ReceivedAt).Take(Shown)
            .Select(c => new WorkListLine(c.Id, c.Number, c.ItemCode, c.ApplicantName, c.Status, c.Level, c.ReceivedAt, c.DueAt, null, null))
            .ToListAsync(cancellationToken);
    }
}

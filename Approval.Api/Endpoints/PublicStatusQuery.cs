using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Endpoints;

/// <summary>
/// 状态查询 read for <c>GET /api/status</c>: one statement, compiled once, reads the case's columns and its task rows, and
/// its JSON document only for the statuses whose answer needs it (<see cref="PublicStatus.AnsweredWithoutDocument"/>).
/// The most asked read of the service center: loading the whole document to answer a dozen fields cost the database
/// server as much as the application on PostgreSQL (bench README, "HTTP load").
/// </summary>
internal static class PublicStatusQuery
{
    private sealed record TaskRow(string DepartmentCode, string Status);

    private sealed record Row(string Number, string QueryCode, string ItemCode, string Status, DateTimeOffset ReceivedAt,
        DateTimeOffset? AcceptedAt, DateTimeOffset? DueAt, string? State, List<TaskRow> Tasks);

    // The statuses below are PublicStatus.AnsweredWithoutDocument's (a compiled query takes no captured set); the
    // specification PublicStatusQueryTests holds the two to the same answers at every step of a case.
    private static readonly PerModelCompiledQuery<string, Row?> ByNumber = new(
        (db, number, cancellationToken) => db.Cases.Where(c => c.Number == number)
            .Select(c => new Row(c.Number, c.QueryCode, c.ItemCode, c.Status, c.ReceivedAt, c.AcceptedAt, c.DueAt,
                c.Status == nameof(CaseStatus.Submitted) || c.Status == nameof(CaseStatus.Refused) || c.Status == nameof(CaseStatus.InReview) ? null : c.State,
                db.CaseTasks.Where(t => t.CaseId == c.Id).OrderBy(t => t.OpenedAt).ThenBy(t => t.Id)
                    .Select(t => new TaskRow(t.DepartmentCode, t.Status)).ToList()))
            .FirstOrDefault());

    /// <summary>The case's public status, when the query code is its own; null otherwise (the caller cannot tell which).</summary>
    public static async Task<PublicStatus?> FindAsync(IDbContextFactory<ApprovalDbContext> contexts, string number, string queryCode, CancellationToken cancellationToken)
    {
        Row? row;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            row = await ByNumber.RunAsync(db, number.Trim(), cancellationToken);
        if (row is null || !StatusEndpoints.IsItsCode(row.QueryCode, queryCode))
            return null;
        var document = row.State is null ? null : Case.FromState(CaseStateJson.Deserialize(row.State));
        return PublicStatus.Of(row.Number, row.ItemCode, Enum.Parse<CaseStatus>(row.Status), row.ReceivedAt, row.AcceptedAt, row.DueAt,
            row.Tasks.Select(t => (t.DepartmentCode, Enum.Parse<Approval.Workflows.Cases.TaskStatus>(t.Status))), document);
    }
}

using Approval.Api.Persistence;
using Approval.Api.Supervision;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Approval.Api.Pages.Portal.Mine;

/// <summary>A complaint as the complainant's list shows it: with the number of the case it is about.</summary>
public sealed record ApplicantComplaint(Complaint Complaint, string? CaseNumber);

/// <summary>
/// The pages' door to complaints for the applicant who files them (the API's <c>POST</c> and <c>GET /api/complaints</c>):
/// the same <see cref="ComplaintDesk"/> and <see cref="ComplaintList"/>, which are internal, so the public page models ask this class.
/// </summary>
public sealed class ApplicantComplaints
{
    private readonly ComplaintDesk _desk;
    private readonly ComplaintList _list;
    private readonly IDbContextFactory<ApprovalDbContext> _contexts;

    internal ApplicantComplaints(ComplaintDesk desk, ComplaintList list, IDbContextFactory<ApprovalDbContext> contexts)
    {
        _desk = desk;
        _list = list;
        _contexts = contexts;
    }

    /// <summary>Files a complaint about a case the page has already found the applicant may read.</summary>
    /// <exception cref="SupervisionRuleException">No contact, or nothing said: nothing was filed.</exception>
    public Task<Complaint> FileAsync(User user, string caseId, string contact, string body, CancellationToken cancellationToken) =>
        _desk.FileAsync(caseId, user.UserName, contact, body, cancellationToken);

    /// <summary>The applicant's complaints, newest first, each with its case's number.</summary>
    public async Task<Page<ApplicantComplaint>> MineAsync(User user, int page, int pageSize, CancellationToken cancellationToken)
    {
        var complaints = await _list.PageAsync(new ComplaintListFilter([], user.UserName, null), new Paging(Math.Max(page, 1), pageSize), cancellationToken);
        var caseIds = complaints.Items.Select(c => c.CaseId).OfType<string>().Distinct().ToList();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var numbers = caseIds.Count == 0 ? [] : await db.Cases.Where(c => caseIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        return new Page<ApplicantComplaint>(complaints.PageNumber, complaints.PageSize, complaints.Total,
            [.. complaints.Items.Select(c => new ApplicantComplaint(c, c.CaseId is { } id ? numbers.GetValueOrDefault(id) : null))]);
    }
}

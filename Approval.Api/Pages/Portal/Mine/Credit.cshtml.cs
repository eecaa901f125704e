using Approval.Api.Identity;
using Approval.Workflows.Credit;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Portal.Mine;

/// <summary>我的信用: the applicant's own credit standing now and every record about them (the API's <c>GET /api/me/credit</c>).</summary>
public sealed class CreditModel(CreditStandings standings, ICreditRecords records, TimeProvider time) : PageModel
{
    public CreditAssessment? Standing { get; private set; }
    public IReadOnlyList<CreditRecord> Records { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.ToUser()?.ApplicantIdNumber is not { Length: > 0 } subject)
            return;
        subject = subject.ToUpperInvariant();
        Records = [.. (await records.OfSubjectAsync(subject, cancellationToken)).OrderByDescending(r => r.EffectiveOn)];
        Standing = standings.Rules.Assess(subject, Records, time.GetUtcNow(), standings.Hours);
    }

    /// <summary>Where a record stands now: in force, repaired, revoked, or no longer counting (expired or past its period).</summary>
    public string StateOf(CreditRecord record) =>
        record.Revocation is not null ? "Revoked"
        : record.Repair is not null ? "Repaired"
        : Standing!.InForce.Any(r => r.Id == record.Id) ? "InForce"
        : "NotCounting";
}

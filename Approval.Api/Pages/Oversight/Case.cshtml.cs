using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Oversight;

/// <summary>
/// The supervisor's drill-down into one case (read-only: a supervisor changes no case): every clock on a working-day axis,
/// the case's facts and timeline, its violations with their review, and the correction notices about it.
/// </summary>
internal sealed class CaseModel(ICaseSessions sessions, ICatalog catalog, ViolationList violations, NoticeList notices, CaseClock clock) : PageModel
{
    public CaseSheet Sheet { get; private set; } = null!;
    public ClockChart Clocks { get; private set; } = null!;
    public IReadOnlyList<SupervisedViolation> Violations { get; private set; } = [];
    public IReadOnlyList<CorrectionNotice> Notices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await CaseSheet.LoadAsync(caseId, sessions, catalog, cancellationToken) is not { } sheet)
            return NotFound();
        Sheet = sheet;
        Clocks = ClockChart.Of(sheet.Case, CaseClockLine.Of(sheet.Case, clock), clock.Due, clock.Now);
        Violations = await violations.OfCaseAsync(caseId, cancellationToken);
        Notices = await notices.OfCaseAsync(caseId, cancellationToken);
        return Page();
    }
}

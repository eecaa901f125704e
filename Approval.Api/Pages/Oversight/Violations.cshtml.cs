using System.Globalization;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Workflows.Calendar;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Oversight;

/// <summary>
/// The violations the rules recorded (自动违规警示), newest first, filtered as the API's list is (<see cref="ViolationList"/>: kind,
/// review, department, days), a page at a time; a supervisor confirms (确认) or dismisses (撤销, with the reason) an open one
/// through <see cref="ViolationReviews"/>, once.
/// </summary>
internal sealed class ViolationsModel(ViolationList list, ViolationReviews reviews, ICatalog catalog, BusinessHours hours, TimeProvider time,
    IStringLocalizer<UiText> text) : PageModel
{
    public const int PageSize = 20;

    /// <summary>The review filter's value for "any review"; without a value the page shows the open ones, those to review.</summary>
    public const string AnyReview = "any";

    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Review { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public Page<SupervisedViolation> Violations { get; private set; } = new(1, PageSize, 0, []);
    public Pager Pager { get; private set; } = new(1, 1, 0, null, null);
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public bool MayAct => OversightActs.MayAct(User.ToUser());

    /// <summary>The violation whose review was refused, to show the reason's error at its form.</summary>
    public long? Failed { get; private set; }

    /// <summary>The API's CSV of what the filters select.</summary>
    public string CsvHref => "/api/supervision/violations?" + string.Join("&", Filters().Append((Name: "format", Value: "csv"))
        .Select(f => $"{f.Name}={Uri.EscapeDataString(f.Value)}"));

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostReviewAsync(long violationId, ViolationReview verdict, string? reason, CancellationToken cancellationToken)
    {
        if (!MayAct)
            return Forbid();
        if (verdict is not (ViolationReview.Confirmed or ViolationReview.Dismissed))
        {
            // Only the form's two buttons give a verdict: a post without one confirms nothing.
            ModelState.AddModelError("", text["Acts.Violations.VerdictRequired"]);
            Failed = violationId;
            await LoadAsync(cancellationToken);
            return Page();
        }
        var actor = CasesEndpoints.Acting(User).Name;
        var given = verdict == ViolationReview.Dismissed ? ViolationVerdict.Dismiss(actor, reason, time.GetUtcNow()) : ViolationVerdict.Confirm(actor, reason, time.GetUtcNow());
        if (given.Problem() is not null)
        {
            ModelState.AddModelError("reason", given is { Review: ViolationReview.Dismissed, Reason: null }
                ? text["Acts.Violations.DismissReasonRequired"] : text["Acts.TooLong", ViolationVerdict.MaxReasonLength]);
            ModelState.AddModelError("", text["Problem.Invalid"]);
            Failed = violationId;
            await LoadAsync(cancellationToken);
            return Page();
        }
        var outcome = await reviews.ReviewAsync(violationId, given, cancellationToken);
        if (outcome != ReviewOutcome.Reviewed)
        {
            ModelState.AddModelError("", outcome == ReviewOutcome.NotFound ? text["Acts.Violations.NotFound", violationId] : text["Acts.Violations.AlreadyReviewed", violationId]);
            await LoadAsync(cancellationToken);
            return Page();
        }
        var done = verdict == ViolationReview.Dismissed ? "dismissed" : "confirmed";
        return Redirect(OversightActs.AfterAct(Request, done));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
        var filter = new ViolationListFilter(Names<ViolationKind>("kind", Kind), Review == AnyReview ? [] : Names<ViolationReview>("review", Review ?? nameof(ViolationReview.Open)),
            string.IsNullOrWhiteSpace(Department) ? null : Department.Trim(), Day("from", From), Day("to", To, next: true));
        Violations = await list.PageAsync(filter, new Paging(OversightActs.PageNumber(Request), PageSize), cancellationToken);
        Pager = Pager.For(Violations, Request, "page");
    }

    private IEnumerable<(string Name, string Value)> Filters()
    {
        if (!string.IsNullOrWhiteSpace(Kind)) yield return ("kind", Kind);
        if (Review != AnyReview) yield return ("review", Review ?? nameof(ViolationReview.Open));
        if (!string.IsNullOrWhiteSpace(Department)) yield return ("department", Department);
        if (!string.IsNullOrWhiteSpace(From)) yield return ("from", From);
        if (!string.IsNullOrWhiteSpace(To)) yield return ("to", To);
    }

    // A value the selects do not offer is shown at its field and filters nothing, rather than failing the page.
    private List<string> Names<TEnum>(string field, string? value) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
            return [];
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (name is null)
            ModelState.AddModelError(field, text["Acts.UnknownValue", value]);
        return name is null ? [] : [name];
    }

    // Days of the service center's zone: "to" includes its day, so the filter ends at the next day's start.
    private DateTimeOffset? Day(string field, string? value, bool next = false)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            ModelState.AddModelError(field, text["Acts.DayFormat"]);
            return null;
        }
        return hours.StartOf(next ? day.AddDays(1) : day);
    }
}

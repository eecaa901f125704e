using System.Globalization;
using Approval.Api.Identity;
using Approval.Api.Pages.Localization;
using Approval.Workflows.Calendar;
using Approval.Workflows.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Workbench;

/// <summary>
/// A reviewer's own absence (leave, a business trip) and the colleague who acts on the tasks they hold meanwhile (代理人),
/// through the same <see cref="AbsenceDesk"/> as <c>PUT /api/me/absence</c>. Days are the service center's, the last one included.
/// </summary>
[Authorize(Policy = Policies.DepartmentStaff)]
public sealed class AbsenceModel(AbsenceDesk desk, DepartmentColleagues colleagues, BusinessHours hours, IStringLocalizer<UiText> text) : PageModel
{
    public Absence? Current { get; private set; }
    public IReadOnlyList<User> Colleagues { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>What the person entered, shown again beside a refusal.</summary>
    public string? Chosen { get; private set; }
    public string? FromValue { get; private set; }
    public string? UntilValue { get; private set; }

    /// <summary>The last day away, as the person chose it (the absence ends at the start of the next day).</summary>
    public DateOnly? LastDay => Current is { } absence ? hours.DateOf(absence.Until.AddTicks(-1)) : null;

    public DateOnly? FirstDay => Current is { } absence ? hours.DateOf(absence.From) : null;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    // A date field sends yyyy-MM-dd whatever the person's culture.
    public async Task<IActionResult> OnPostSetAsync(string? substitute, string? from, string? until, CancellationToken cancellationToken)
    {
        (Chosen, FromValue, UntilValue) = (substitute, from, until);
        return await SetAsync(substitute, DayOf(from), DayOf(until), cancellationToken);
    }

    public async Task<IActionResult> OnPostClearAsync(CancellationToken cancellationToken)
    {
        await desk.ClearAsync(User.ToUser()!, cancellationToken);
        return Redirect("/workbench/absence?done=absence-cleared");
    }

    private async Task<IActionResult> SetAsync(string? substitute, DateOnly? from, DateOnly? until, CancellationToken cancellationToken)
    {
        var me = User.ToUser()!;
        if (from is null)
            ModelState.AddModelError("from", text["Workbench.AbsenceFromRequired"]);
        if (until is null || from is not null && until < from)
            ModelState.AddModelError("until", text["Workbench.AbsenceUntilAfterFrom"]);
        if (ModelState.ErrorCount == 0)
        {
            var error = await desk.SetAsync(me, substitute, hours.StartOf(from!.Value), hours.StartOf(until!.Value.AddDays(1)), cancellationToken);
            if (error is null)
                return Redirect("/workbench/absence?done=absence-set");
            ModelState.AddModelError(error.Field, error.Field == "substitute" ? text["Workbench.ColleagueRequired"] : error.Reason);
        }
        ModelState.AddModelError("", text["Problem.Invalid"]);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static DateOnly? DayOf(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = User.ToUser()!;
        Current = await desk.FindAsync(me, cancellationToken);
        Colleagues = await colleagues.OfAsync(me, cancellationToken);
    }
}

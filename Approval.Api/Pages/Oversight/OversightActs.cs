using Approval.Api.Pages.Localization;
using Approval.Api.Persistence;
using Approval.Workflows.Cases;
using Approval.Workflows.Inputs;
using Approval.Workflows.People;
using Approval.Workflows.Supervision;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages.Oversight;

/// <summary>
/// What the supervisors' act pages (violations, notices, complaints) share: who may act, how a refusal of the supervision
/// rules is shown, and the case numbers of a page of rows.
/// </summary>
internal static class OversightActs
{
    /// <summary>Supervisors act; administrators read the same pages and see no forms (as the API's policies say).</summary>
    public static bool MayAct(User? user) => user?.Role == Role.Supervisor;

    /// <summary>Whether the pages show this refusal on the form rather than as an error page.</summary>
    public static bool Handles(Exception exception) =>
        exception is SupervisionRuleException or InputTooLongException or CaseNotFoundException or CaseConflictException;

    /// <summary>A too-long field at the field; a rule the step's lifecycle does not allow now, or a lost race, at the top.</summary>
    public static void Report(Exception exception, ModelStateDictionary state, IStringLocalizer<UiText> text)
    {
        switch (exception)
        {
            case InputTooLongException tooLong:
                state.AddModelError(tooLong.Field, text["Acts.TooLong", tooLong.Reason]);
                state.AddModelError("", text["Problem.Invalid"]);
                break;
            case CaseConflictException:
                state.AddModelError("", text["Problem.Conflict"]);
                break;
            default:
                state.AddModelError("", text["Problem.NotPossible", exception.Message]);
                break;
        }
    }

    /// <summary>
    /// The list's page from the query string (from 1). Read by hand: a bound "page" would take the route value of that name,
    /// which in Razor Pages is the page's own path, and fail.
    /// </summary>
    public static int PageNumber(HttpRequest request) =>
        int.TryParse(request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;

    /// <summary>Where a form of the page posts: the page as it is shown (its filters and page kept), with the handler.</summary>
    public static string FormAction(HttpRequest request, string handler) => Shared.Pager.With(Without(request, "done"), "handler", handler);

    /// <summary>After an act, back to the list as it was shown, saying what was done.</summary>
    public static string AfterAct(HttpRequest request, string done) => Shared.Pager.With(Without(request, "handler"), "done", done);

    private static HttpRequest Without(HttpRequest request, string parameter)
    {
        var copy = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        copy.Path = request.Path;
        copy.QueryString = Microsoft.AspNetCore.Http.QueryString.Create(request.Query.Where(q => q.Key != parameter));
        return copy;
    }

    /// <summary>A whole number of working days from 1 to <paramref name="max"/>, or null with the field's error.</summary>
    public static int? WorkingDays(string? value, string field, int max, ModelStateDictionary state, IStringLocalizer<UiText> text)
    {
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days) && days >= 1 && days <= max)
            return days;
        state.AddModelError(field, text["Acts.WorkingDaysRange", max]);
        return null;
    }
}

/// <summary>The numbers of the cases a page of notices or complaints names: one primary-key read for the page's ids.</summary>
internal sealed class CaseNumbers(IDbContextFactory<ApprovalDbContext> contexts)
{
    public async Task<IReadOnlyDictionary<string, string>> OfAsync(IEnumerable<string?> caseIds, CancellationToken cancellationToken)
    {
        var ids = caseIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
            return new Dictionary<string, string>(StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Number })
            .ToDictionaryAsync(c => c.Id, c => c.Number, StringComparer.Ordinal, cancellationToken);
    }
}

using Approval.Api.Pages.Localization;
using Approval.Workflows.Cases;
using Microsoft.AspNetCore.Mvc;
using Approval.Workflows.Refusals;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Approval.Api.Pages;

/// <summary>
/// The domain's refusals as a page shows them: a wrong field at the field, a rule or a lost race at the top of the form.
/// The same exceptions the API turns into problem details (<see cref="Endpoints.ExceptionProblems"/>).
/// </summary>
internal static class DomainProblems
{
    public static bool Handles(Exception exception) => exception is ApplicationInvalidException or CaseRuleException or CaseConflictException
        or CaseNotFoundException or Approval.Workflows.Calendar.CalendarYearMissingException or Approval.Engine.Hosting.WorkflowConcurrencyException
        or Approval.Workflows.Supervision.SupervisionRuleException or Approval.Workflows.Inputs.InputTooLongException or IdempotencyKeyReusedException;

    /// <summary>
    /// A refusal of the person rather than of their input: a step they may not take (403) or a case or task that is not
    /// there (404) shows the status page, as the API answers 403 and 404; null for anything a form shows.
    /// </summary>
    public static IActionResult? StatusPage(Exception exception) => exception switch
    {
        CaseAccessDeniedException => new StatusCodeResult(StatusCodes.Status403Forbidden),
        CaseNotFoundException => new StatusCodeResult(StatusCodes.Status404NotFound),
        _ => null,
    };

    /// <summary>Puts the problem into the model state: field errors under their field names, anything else under "".</summary>
    public static void Report(Exception exception, ModelStateDictionary state, IStringLocalizer<UiText> text)
    {
        switch (exception)
        {
            case ApplicationInvalidException invalid:
                foreach (var error in invalid.Errors)
                    state.AddModelError(error.Field, error.Refusal is { } why ? text.Say(why) : error.Reason);
                state.AddModelError("", text["Problem.Invalid"]);
                break;
            case CaseConflictException or Approval.Engine.Hosting.WorkflowConcurrencyException:
                state.AddModelError("", text["Problem.Conflict"]);
                break;
            case Approval.Workflows.Inputs.InputTooLongException tooLong:
                state.AddModelError(tooLong.Field, text.Say(tooLong.Refusal));
                state.AddModelError("", text["Problem.Invalid"]);
                break;
            case IRefused refused when FieldOf(refused.Refusal.Code) is { } field:
                state.AddModelError(field, text.Say(refused.Refusal));
                state.AddModelError("", text["Problem.Invalid"]);
                break;
            case IRefused refused:
                // The domain's sentence is English: the page says the refusal's code in the reader's language.
                state.AddModelError("", text["Problem.NotPossible", text.Say(refused.Refusal)]);
                break;
            default:
                state.AddModelError("", text["Problem.NotPossible", exception.Message]);
                break;
        }
    }

    // Rules about one thing the person typed, said at that field of the form (the forms name their fields as the API does).
    private static string? FieldOf(RefusalCode code) => code switch
    {
        RefusalCode.ComplaintNeedsContact => "contact",
        RefusalCode.ComplaintNeedsBody => "body",
        _ => null,
    };

    /// <summary>The messages not tied to a field, for the top of the page.</summary>
    public static string? TopMessage(ModelStateDictionary state) =>
        state.TryGetValue("", out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    public static string? FieldMessage(ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}

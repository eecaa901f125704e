using System.Security.Claims;
using Approval.Api.Contract;
using Approval.Api.Endpoints;
using Approval.Api.Identity;
using Approval.Workflows.Notifications;
using Approval.Workflows.Notifications.Feedback;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Api.Notifications.Feedback;

/// <summary>The text of an administrator's template: placeholders as <c>{caseNumber}</c>, only those the kind knows.</summary>
public sealed record TemplateInput(string? Title, string? Body, string? Sms);

/// <summary>
/// Result feedback: the applicant's contact profile (<c>/api/me/profile</c>: channels besides the inbox, language) and the
/// administrators' templates (<c>/api/admin/notification-templates/{kind}/{culture}</c>).
/// </summary>
internal static class FeedbackEndpoints
{
    public static IEndpointRouteBuilder MapFeedbackEndpoints(this IEndpointRouteBuilder routes)
    {
        var profile = routes.MapGroup("/api/me/profile").RequireAuthorization(Policies.Applicant);
        profile.MapGet("/", async (ClaimsPrincipal principal, ContactProfiles profiles, CancellationToken ct) =>
                TypedResults.Ok(await profiles.FindAsync(principal.ToUser()!.UserName, ct)))
            .WithSummary("How the applicant hears of their cases: the inbox always, e-mail and/or SMS as chosen, in zh-CN or en.").WithDescription("Result feedback (结果反馈): the inbox always, and e-mail and/or SMS to the applicant's own addresses, in Chinese or English.").WithTags(UserGroups.Applicants).WithName("GetContactProfile");
        profile.MapPut("/", SaveProfileAsync)
            .WithSummary("Changes the applicant's channels (byEmail, bySms), e-mail address, mobile number (mainland, 11 digits) or language (zh-CN, en); fields left out keep their value.")
            .ProducesProblem(StatusCodes.Status400BadRequest).WithDescription("Fields left out keep their value. A mobile number is a mainland number of 11 digits; every wrong field is named.").WithTags(UserGroups.Applicants).WithName("SaveContactProfile");

        var templates = routes.MapGroup("/api/admin/notification-templates").RequireAuthorization(Policies.Administrator);
        templates.MapGet("/", async (EfNotificationTemplates store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithSummary("Every template of result feedback (kind × zh-CN/en) in force, with the placeholders each may use.").WithDescription("The texts applicants receive at each step (accepted, supplement asked, suspended, extended, decided, result ready), in Chinese and English, with the placeholders each may use.").WithTags(UserGroups.Administration).WithName("ListNotificationTemplates");
        templates.MapGet("/{kind}/{culture}", GetTemplateAsync)
            .WithSummary("One template in force.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("The administrator's template if one is saved, else the shipped one.").WithTags(UserGroups.Administration).WithName("GetNotificationTemplate");
        templates.MapPut("/{kind}/{culture}", SaveTemplateAsync)
            .WithSummary("Replaces a template (title, body, sms); an unknown placeholder is refused naming the field.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Body: { title, body, sms }. Each kind has its own placeholders (as GET lists them); an unknown one is refused naming the field.").WithTags(UserGroups.Administration).WithName("SaveNotificationTemplate");
        templates.MapDelete("/{kind}/{culture}", ResetTemplateAsync)
            .WithSummary("Drops the administrator's template: the shipped one is in force again.")
            .ProducesProblem(StatusCodes.Status404NotFound).WithDescription("Answers the shipped template now in force.").WithTags(UserGroups.Administration).WithName("ResetNotificationTemplate");
        return routes;
    }

    private static async Task<Results<Ok<ContactProfile>, ProblemHttpResult>> SaveProfileAsync(ContactProfileInput input, ClaimsPrincipal principal,
        ContactProfiles profiles, CancellationToken cancellationToken)
    {
        var current = await profiles.FindAsync(principal.ToUser()!.UserName, cancellationToken);
        var (changed, errors) = ContactProfiles.Apply(current, input);
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        return TypedResults.Ok(await profiles.SaveAsync(changed, cancellationToken));
    }

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> GetTemplateAsync(string kind, string culture, EfNotificationTemplates store,
        CancellationToken cancellationToken) =>
        Parse(kind, culture) is ({ } k, { } c, null) ? TypedResults.Ok(await store.ViewAsync(k, c, cancellationToken)) : TypedResults.Problem(Parse(kind, culture).Problem!);

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> SaveTemplateAsync(string kind, string culture, TemplateInput input,
        ClaimsPrincipal principal, EfNotificationTemplates store, CancellationToken cancellationToken)
    {
        if (Parse(kind, culture) is not ({ } k, { } c, null))
            return TypedResults.Problem(Parse(kind, culture).Problem!);
        var errors = TemplatePlaceholders.Check(k, input.Title, input.Body, input.Sms);
        if (errors.Count > 0)
            return TypedResults.Problem(Problems.InvalidFields(errors));
        return TypedResults.Ok(await store.SaveAsync(k, c, input.Title!, input.Body!, input.Sms!, principal.ToUser()!.UserName, cancellationToken));
    }

    private static async Task<Results<Ok<TemplateView>, ProblemHttpResult>> ResetTemplateAsync(string kind, string culture, EfNotificationTemplates store,
        CancellationToken cancellationToken) =>
        Parse(kind, culture) is ({ } k, { } c, null) ? TypedResults.Ok(await store.ResetAsync(k, c, cancellationToken)) : TypedResults.Problem(Parse(kind, culture).Problem!);

    // Only the kinds applicants are told of have templates; a culture is zh-CN or en.
    private static (NotificationKind? Kind, string? Culture, Microsoft.AspNetCore.Mvc.ProblemDetails? Problem) Parse(string kind, string culture)
    {
        if (!Enum.TryParse<NotificationKind>(kind, ignoreCase: true, out var k) || !TemplatePlaceholders.IsApplicantKind(k) || int.TryParse(kind, out _))
            return (null, null, Problems.NotFound($"No template kind '{kind}'; the kinds are {string.Join(", ", TemplatePlaceholders.Kinds)}."));
        if (NotificationCultures.Normalize(culture) is not { } c)
            return (null, null, Problems.NotFound($"No template language '{culture}'; the languages are {string.Join(", ", NotificationCultures.All)}."));
        return (k, c, null);
    }
}

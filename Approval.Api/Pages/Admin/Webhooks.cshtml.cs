using Approval.Api.Contract;
using Approval.Api.DepartmentSystems;
using Approval.Api.Identity;
using Approval.Api.Webhooks;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Approval.Api.Pages.Admin;

/// <summary>
/// Webhook subscriptions of departments' systems: the list with each one's latest delivery attempts, subscribing one (its URL on
/// the allow-list, the name of a configured secret, the event kinds), pausing, resuming and removing. The rules are
/// <see cref="WebhookSubscriptions"/>'s, as for <c>/api/admin/webhooks</c>; the secret itself stays in configuration and is
/// never shown.
/// </summary>
internal sealed class WebhooksModel(WebhookSubscriptions subscriptions, ICatalog catalog, IOptionsMonitor<DepartmentSystemsOptions> systems) : PageModel
{
    /// <summary>How many attempts of each subscription the page shows, newest first.</summary>
    public const int RecentDeliveries = 5;

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public IReadOnlyList<(WebhookSubscriptionView Subscription, IReadOnlyList<WebhookDeliveryView> Deliveries)> Subscriptions { get; private set; } = [];
    public IReadOnlyList<Department> Departments { get; private set; } = [];
    /// <summary>The secrets configured by name (<c>Approval:DepartmentSystems:Secrets</c>): a subscription names one.</summary>
    public IReadOnlyList<string> SecretNames { get; private set; } = [];
    public IReadOnlyList<string> EventKinds { get; } = Enum.GetNames<CaseAction>();
    public IReadOnlyList<(string Field, ProblemText Reason)> Errors { get; private set; } = [];

    public string DepartmentName(string code) => Departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSubscribeAsync(string? departmentCode, string? url, string? secretName, string[]? eventKinds, CancellationToken cancellationToken)
    {
        // No kind ticked: every line, as the API's eventKinds left out.
        var kinds = eventKinds is { Length: > 0 } ? eventKinds : null;
        var subscribing = await subscriptions.SubscribeAsync(departmentCode, url, secretName, kinds, User.ToUser()!.UserName, cancellationToken);
        if (subscribing.Errors.Count == 0)
            return Redirect("/admin/webhooks?done=subscribed");
        Errors = subscribing.Errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPauseAsync(long id, CancellationToken cancellationToken) =>
        await subscriptions.SetPausedAsync(id, paused: true, cancellationToken) is null ? NotFound() : Redirect("/admin/webhooks?done=paused");

    public async Task<IActionResult> OnPostResumeAsync(long id, CancellationToken cancellationToken) =>
        await subscriptions.SetPausedAsync(id, paused: false, cancellationToken) is null ? NotFound() : Redirect("/admin/webhooks?done=resumed");

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken cancellationToken) =>
        await subscriptions.RemoveAsync(id, cancellationToken) ? Redirect("/admin/webhooks?done=removed") : NotFound();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var list = new List<(WebhookSubscriptionView, IReadOnlyList<WebhookDeliveryView>)>();
        foreach (var subscription in await subscriptions.ListAsync(cancellationToken))
            list.Add((subscription, await subscriptions.DeliveriesAsync(subscription.Id, RecentDeliveries, cancellationToken) ?? []));
        Subscriptions = list;
        Departments = await catalog.ListDepartmentsAsync(cancellationToken);
        SecretNames = [.. systems.CurrentValue.Secrets.Keys.Order(StringComparer.Ordinal)];
    }
}

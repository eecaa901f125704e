using Approval.Api.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Workbench;

/// <summary>The window clerk's home: applications waiting for an answer (Art. 32 clock first), results to hand out, a case by number.</summary>
[Authorize(Policy = Policies.WindowClerk)]
public sealed class WindowModel(WorkbenchLists lists) : PageModel
{
    public IReadOnlyList<WorkListLine> Queue { get; private set; } = [];
    public IReadOnlyList<WorkListLine> ToDeliver { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        Queue = await lists.WindowQueueAsync(cancellationToken);
        ToDeliver = await lists.ToDeliverAsync(cancellationToken);
    }
}

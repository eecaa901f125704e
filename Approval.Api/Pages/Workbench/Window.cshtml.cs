using Approval.Api.Identity;
using Approval.Api.Pages.Shared;
using Approval.Api.Supervision;
using Approval.Api.WorkLists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Approval.Api.Pages.Workbench;

/// <summary>One of the window's queues on its home, with its count and its own page.</summary>
public sealed record WindowQueue(WindowList List, string Key, int Count, Page<WorkListCase> Rows, Pager Pager);

/// <summary>
/// The window clerk's home: its four queues (待受理, 补正已交, 容缺待补, 待出件), each soonest limit first with its count and
/// pages; a lead clerk may look at the whole center's (scope=center). A case by number.
/// </summary>
[Authorize(Policy = Policies.WindowClerk)]
public sealed class WindowModel(WorkbenchLists lists, EfWindows windows) : PageModel
{
    public IReadOnlyList<WindowQueue> Queues { get; private set; } = [];
    public bool Center { get; private set; }
    public bool MayChooseCenter { get; private set; }
    public string? Problem { get; private set; }
    /// <summary>The window the clerk sits at (null: none, or a code that is not a row).</summary>
    public Approval.Workflows.People.ServiceWindow? MyWindow { get; private set; }

    public async Task OnGetAsync(string? problem, string? scope, CancellationToken cancellationToken)
    {
        Problem = problem;
        var user = User.ToUser()!;
        MayChooseCenter = user.IsLeadClerk;
        MyWindow = user.WindowCode is { } code ? await windows.FindAsync(code, cancellationToken) : null;
        Center = MayChooseCenter && string.Equals(scope, "center", StringComparison.OrdinalIgnoreCase);
        var counts = await lists.CountsAsync(user, Center, cancellationToken);
        var queues = new List<WindowQueue>();
        foreach (var list in Enum.GetValues<WindowList>())
        {
            var key = WorkListEndpoints.Key(list);
            var page = int.TryParse(Request.Query[$"page.{key}"], out var n) ? n : 1;
            var rows = await lists.WindowAsync(list, user, Center, page, cancellationToken);
            queues.Add(new WindowQueue(list, key, counts.GetValueOrDefault(key, rows.Total), rows, Pager.For(rows, Request, $"page.{key}")));
        }
        Queues = queues;
    }
}

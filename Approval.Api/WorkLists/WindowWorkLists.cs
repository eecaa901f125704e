using Approval.Workflows.Cases;

namespace Approval.Api.WorkLists;

/// <summary>The window clerks' work lists (窗口待办).</summary>
public enum WindowList
{
    /// <summary>待受理: applications waiting for the window's answer, soonest Art. 32 limit (5 working days of receipt) first.</summary>
    AwaitingAcceptance,
    /// <summary>补正已交: applications back with the supplements the window asked for, waiting for its answer again.</summary>
    SupplementsReturned,
    /// <summary>容缺待补: cases accepted with materials missing (容缺受理), soonest promised day first.</summary>
    PromisesDue,
    /// <summary>待出件: decided cases whose result the window hands out, soonest Art. 44 limit (10 working days of the decision) first.</summary>
    ResultsReady,
}

/// <summary>
/// Which cases each window list holds, for one window or (a lead clerk's) the whole center. An application belongs to no
/// window until a clerk answers it, so the applications awaiting acceptance are the center's one queue for every clerk;
/// supplements come back to the window that asked for them (the last to ask, <see cref="Case.SupplementsReturned"/>); promised materials and results belong to the window that
/// accepted the case (一窗受理, 一窗出件) — a case accepted by silence (Art. 32) has none and is in the center's lists.
/// </summary>
internal static class WindowWorkLists
{
    private static readonly string Submitted = nameof(CaseStatus.Submitted);
    private static readonly string Decided = nameof(CaseStatus.Decided);

    /// <summary>
    /// The window whose lists a clerk reads as their own: theirs; for a clerk taken off their window (none, until seated at
    /// another), a code no case carries, so that their lists are empty rather than the whole center's (null).
    /// </summary>
    public static string? OwnWindow(Approval.Workflows.People.User user) =>
        user.WindowCode ?? (user.Role == Approval.Workflows.People.Role.WindowClerk ? "" : null);

    /// <param name="window">The clerk's window; null for the whole center.</param>
    /// <param name="item">An item code, or null for any.</param>
    public static CaseListQuery For(WindowList list, string? window, string? item) => list switch
    {
        WindowList.AwaitingAcceptance => new(db => OfItem(db.Cases.Where(c => c.Status == Submitted), item),
            CaseListQuery.ByIndex(c => c.WindowDueAt)),
        // The case's own columns (set while the returned application waits for the window), not its timeline lines: the
        // center's few on the SupplementsReturnedAt index (then sorted), a window's in order on (SupplementsReturnedTo, WindowDueAt, Number).
        WindowList.SupplementsReturned => new(db => OfItem(window is null
                ? db.Cases.Where(c => c.SupplementsReturnedAt != null)
                : db.Cases.Where(c => c.SupplementsReturnedTo == window), item),
            CaseListQuery.ByIndex(c => c.WindowDueAt)),
        // PromiseDueAt is kept only while the case is open and materials are owed.
        WindowList.PromisesDue => new(db => OfItem(window is null
                ? db.Cases.Where(c => c.PromiseDueAt != null)
                : db.Cases.Where(c => c.AcceptingWindowCode == window && c.PromiseDueAt != null), item),
            CaseListQuery.ByIndex(c => c.PromiseDueAt)),
        // A result is handed out only once the promised materials are in: those cases are in the promises' list meanwhile.
        // "No promise due" is written as COALESCE(PromiseDueAt, ReceivedAt) = ReceivedAt (a promise is due after receipt): with
        // PromiseDueAt IS NULL, SQLite counted the decided cases through the PromiseDueAt index, walking every case without a
        // promise (3 s on 100,000 cases) instead of the few decided ones.
        WindowList.ResultsReady => new(db => OfItem(window is null
                ? db.Cases.Where(c => c.Status == Decided && (c.PromiseDueAt ?? c.ReceivedAt) == c.ReceivedAt)
                : db.Cases.Where(c => c.Status == Decided && c.AcceptingWindowCode == window && (c.PromiseDueAt ?? c.ReceivedAt) == c.ReceivedAt), item),
            CaseListQuery.ByIndex(c => c.WindowDueAt)),
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
    };

    private static IQueryable<Persistence.CaseRecord> OfItem(IQueryable<Persistence.CaseRecord> cases, string? item) =>
        item is null ? cases : cases.Where(c => c.ItemCode == item);
}

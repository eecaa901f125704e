using Approval.Workflows.Inputs;

namespace Approval.Workflows.Catalog;

/// <summary>What an edit of the catalog came to: saved, refused with the fields at fault, no such item, or not possible now.</summary>
public enum CatalogEditOutcome
{
    Saved,
    Invalid,
    Missing,
    Conflict,
}

/// <summary>An edit's outcome and, when saved, what was saved; otherwise the fields at fault and why.</summary>
public sealed record CatalogEdit<T>(CatalogEditOutcome Outcome, T? Saved, IReadOnlyList<FieldError> Problems) where T : class
{
    public static CatalogEdit<T> Done(T saved) => new(CatalogEditOutcome.Saved, saved, []);
    public static CatalogEdit<T> Refused(IReadOnlyList<FieldError> problems) => new(CatalogEditOutcome.Invalid, null, problems);
    public static CatalogEdit<T> Missing(string reason) => new(CatalogEditOutcome.Missing, null, [new FieldError("code", reason)]);
    public static CatalogEdit<T> NotNow(string field, string reason) => new(CatalogEditOutcome.Conflict, null, [new FieldError(field, reason)]);
}

/// <summary>
/// 发布新版本: an administrator edits an item as a draft and publishes it as the next version (who, when, a note), or puts
/// an older version back in force as the next version (roll back). The API and the admin pages both go through here, so
/// both refuse the same things; a running case is not touched: it keeps the version it was submitted under.
/// </summary>
public sealed class ItemPublishing(ICatalog catalog, TimeProvider time)
{
    /// <summary>Publishes <paramref name="item"/> (new, or replacing the version in force) as the item's next version.</summary>
    public async Task<CatalogEdit<ItemVersion>> PublishAsync(ApprovalItem item, string by, string? note, CancellationToken cancellationToken = default)
    {
        var problems = await ProblemsAsync(item, note, cancellationToken);
        if (problems.Count > 0)
            return CatalogEdit<ItemVersion>.Refused(problems);
        var published = await catalog.PublishItemAsync(item, new ItemPublication(by, time.GetUtcNow(), Clean(note)), cancellationToken);
        return CatalogEdit<ItemVersion>.Done(published);
    }

    /// <summary>Saves the administrator's draft of an existing item; it is checked as a version would be, and nothing is in force yet.</summary>
    public async Task<CatalogEdit<ItemDraft>> SaveDraftAsync(ApprovalItem item, string by, CancellationToken cancellationToken = default)
    {
        if (await catalog.FindItemAsync(item.Code, cancellationToken) is not { } current)
            return CatalogEdit<ItemDraft>.Missing($"No item {item.Code} in the catalog: publish a new item with PUT /api/catalog/items/{item.Code}.");
        var problems = await ProblemsAsync(item, null, cancellationToken);
        if (problems.Count > 0)
            return CatalogEdit<ItemDraft>.Refused(problems);
        var draft = new ItemDraft(item with { Version = 0 }, current.Version, time.GetUtcNow(), by);
        await catalog.SaveDraftAsync(draft, cancellationToken);
        return CatalogEdit<ItemDraft>.Done(draft);
    }

    /// <summary>Publishes the item's draft as its next version, with an optional note saying what changed and why.</summary>
    public async Task<CatalogEdit<ItemVersion>> PublishDraftAsync(string code, string by, string? note, CancellationToken cancellationToken = default)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is null)
            return CatalogEdit<ItemVersion>.Missing($"No item {code} in the catalog.");
        if (await catalog.FindDraftAsync(code, cancellationToken) is not { } draft)
            return CatalogEdit<ItemVersion>.NotNow("draft", $"{code} has no draft to publish: save one first");
        var published = await PublishAsync(draft.Item, by, note, cancellationToken);
        if (published.Outcome == CatalogEditOutcome.Saved)
            await catalog.DiscardDraftAsync(code, cancellationToken);
        return published;
    }

    /// <summary>Puts an older version back in force: its content is published again as the next version (versions only grow).</summary>
    public async Task<CatalogEdit<ItemVersion>> RollBackAsync(string code, int version, string by, string? note, CancellationToken cancellationToken = default)
    {
        if (await catalog.FindItemAsync(code, cancellationToken) is not { } current)
            return CatalogEdit<ItemVersion>.Missing($"No item {code} in the catalog.");
        if (await catalog.FindItemAsync(code, version, cancellationToken) is not { } older)
            return CatalogEdit<ItemVersion>.Missing($"No version {version} of {code}.");
        if (older.Version == current.Version)
            return CatalogEdit<ItemVersion>.NotNow("version", $"version {version} of {code} is the one in force");
        var problems = await ProblemsAsync(older, note, cancellationToken);
        if (problems.Count > 0)
            return CatalogEdit<ItemVersion>.Refused(problems);
        var text = Clean(note) ?? $"回滚至第 {version} 版 (rolled back to version {version})";
        var published = await catalog.PublishItemAsync(older, new ItemPublication(by, time.GetUtcNow(), text, version), cancellationToken);
        return CatalogEdit<ItemVersion>.Done(published);
    }

    // The item's own rules, and what the catalog knows: its departments exist (a case of it would have nowhere to go).
    private async Task<List<FieldError>> ProblemsAsync(ApprovalItem item, string? note, CancellationToken cancellationToken)
    {
        var problems = item.FieldProblems().ToList();
        var departments = (await catalog.ListDepartmentsAsync(cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        if (!departments.Contains(item.LeadDepartmentCode))
            problems.Add(new FieldError("leadDepartmentCode", $"'{item.LeadDepartmentCode}' is not a department"));
        foreach (var review in item.ParallelReviews.Where(r => !departments.Contains(r.DepartmentCode)))
            problems.Add(new FieldError("parallelReviews", $"'{review.DepartmentCode}' is not a department"));
        if (note is { Length: > TextLimits.Reason })
            problems.Add(new FieldError("note", TextLimits.TooLong(TextLimits.Reason)));
        return problems;
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}

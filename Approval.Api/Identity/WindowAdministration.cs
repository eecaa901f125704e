using Approval.Workflows.Catalog;
using Approval.Workflows.People;

namespace Approval.Api.Identity;

/// <summary>A window as an administrator sees it: its clerks (user names) and the open cases it holds.</summary>
public sealed record WindowView(ServiceWindow Window, IReadOnlyList<string> Clerks, int OpenCases);

/// <summary>What a window change came to: saved, refused with the field at fault, no such window or user, or not possible now.</summary>
public sealed record WindowChange<T>(T? Saved, FieldError? Problem, bool Missing = false, bool Conflict = false) where T : class
{
    public static WindowChange<T> Refused(string field, string reason) => new(null, new FieldError(field, reason));
    public static WindowChange<T> NotFound(string field, string reason) => new(null, new FieldError(field, reason), Missing: true);
    public static WindowChange<T> NotNow(string field, string reason) => new(null, new FieldError(field, reason), Conflict: true);
}

/// <summary>
/// The hall's windows (窗口) as administrators keep them: create or rename one, close it (refused while it holds open
/// cases: their results come back to it), open it again, and assign clerks to it or take them off. The API and the
/// users page both go through here. A clerk sits at one window: assigning moves them; taken off, a clerk has no window
/// (their window lists are empty, not the center's) until assigned again. Either ends their cookies and tokens (the
/// window is in them).
/// </summary>
public sealed class WindowAdministration(EfWindows windows, EfUserStore users, TimeProvider time)
{
    public async Task<IReadOnlyList<WindowView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await windows.ListAsync(cancellationToken);
        var staff = await users.ListAsync(cancellationToken);
        var views = new List<WindowView>();
        foreach (var w in all)
        {
            views.Add(new WindowView(w, [.. staff.Where(u => u.Role == Role.WindowClerk && u.WindowCode == w.Code).Select(u => u.UserName)],
                await windows.CountOpenCasesAsync(w.Code, cancellationToken)));
        }
        return views;
    }

    /// <summary>Adds a window (open) or renames one / moves it in the hall; its code does not change.</summary>
    public async Task<WindowChange<ServiceWindow>> SaveAsync(string code, WindowRequest? request, CancellationToken cancellationToken = default)
    {
        if (ServiceWindow.Read(code, request?.Name, request?.NameEn, request?.Location, out var problem) is not { } window)
            return new WindowChange<ServiceWindow>(null, problem);
        var saved = await windows.SaveAsync(window, cancellationToken);
        return new WindowChange<ServiceWindow>(saved, null);
    }

    /// <summary>Closes a window: refused while it holds open cases or has clerks (assign them elsewhere first).</summary>
    public async Task<WindowChange<ServiceWindow>> CloseAsync(string code, string by, CancellationToken cancellationToken = default)
    {
        if (await windows.FindAsync(code, cancellationToken) is not { } window)
            return WindowChange<ServiceWindow>.NotFound("code", $"No window '{code}'.");
        var open = await windows.CountOpenCasesAsync(code, cancellationToken);
        if (open > 0)
            return WindowChange<ServiceWindow>.NotNow("code",
                $"window {code} holds {open} open case(s): their results are handed out there (or the supplements it asked for come back to it); close it once they are delivered or ended");
        var clerks = (await users.ListAsync(cancellationToken)).Where(u => u.Role == Role.WindowClerk && u.WindowCode == code).Select(u => u.UserName).ToList();
        if (clerks.Count > 0)
            return WindowChange<ServiceWindow>.NotNow("clerks", $"window {code} still has clerks ({string.Join(", ", clerks)}): assign them to another window first");
        await windows.SetOpenAsync(code, false, by, time.GetUtcNow(), cancellationToken);
        return new WindowChange<ServiceWindow>(window with { IsOpen = false }, null);
    }

    public async Task<WindowChange<ServiceWindow>> ReopenAsync(string code, string by, CancellationToken cancellationToken = default)
    {
        if (await windows.FindAsync(code, cancellationToken) is not { } window)
            return WindowChange<ServiceWindow>.NotFound("code", $"No window '{code}'.");
        await windows.SetOpenAsync(code, true, by, time.GetUtcNow(), cancellationToken);
        return new WindowChange<ServiceWindow>(window with { IsOpen = true }, null);
    }

    /// <summary>Seats a window clerk at an open window (moving them from the one they were at).</summary>
    public async Task<WindowChange<User>> AssignAsync(string code, string userName, CancellationToken cancellationToken = default)
    {
        if (await windows.FindAsync(code, cancellationToken) is not { } window)
            return WindowChange<User>.NotFound("code", $"No window '{code}'.");
        if (!window.IsOpen)
            return WindowChange<User>.NotNow("code", $"window {code} is closed: open it again before assigning clerks to it");
        if (await users.FindByUserNameAsync(userName, cancellationToken) is not { } account)
            return WindowChange<User>.NotFound("userName", $"No user '{userName}'.");
        if (account.User.Role != Role.WindowClerk)
            return WindowChange<User>.Refused("userName", $"'{userName}' is a {account.User.Role}, not a window clerk: change their role first (PUT /api/admin/users/{userName}/role)");
        var user = account.User with { WindowCode = code };
        await users.SaveAsync(account with { User = user }, cancellationToken);
        return new WindowChange<User>(user, null);
    }

    /// <summary>Takes a clerk off the window: they have no window until assigned to one again.</summary>
    public async Task<WindowChange<User>> UnassignAsync(string code, string userName, CancellationToken cancellationToken = default)
    {
        if (await windows.FindAsync(code, cancellationToken) is null)
            return WindowChange<User>.NotFound("code", $"No window '{code}'.");
        if (await users.FindByUserNameAsync(userName, cancellationToken) is not { } account || account.User.WindowCode != code)
            return WindowChange<User>.NotFound("userName", $"'{userName}' is not a clerk of window {code}.");
        var user = account.User with { WindowCode = null };
        await users.SaveAsync(account with { User = user }, cancellationToken);
        return new WindowChange<User>(user, null);
    }
}

/// <summary>A window's names and place, for <c>PUT /api/admin/windows/{code}</c>.</summary>
public sealed record WindowRequest(
    [property: System.ComponentModel.DataAnnotations.MaxLength(Approval.Workflows.Inputs.TextLimits.Name)] string? Name,
    [property: System.ComponentModel.DataAnnotations.MaxLength(Approval.Workflows.Inputs.TextLimits.Name)] string? NameEn,
    [property: System.ComponentModel.DataAnnotations.MaxLength(Approval.Workflows.Inputs.TextLimits.Name)] string? Location);

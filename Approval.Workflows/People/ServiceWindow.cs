using Approval.Workflows.Catalog;
using Approval.Workflows.Inputs;

namespace Approval.Workflows.People;

/// <summary>
/// A window (窗口) of the service center's hall, where clerks accept applications and hand out results (一窗受理, 一窗办结).
/// Cases, timelines, violations and performance name a window by its code, which never changes; a closed window takes no
/// clerk and keeps its history.
/// </summary>
/// <param name="Location">Where it is in the hall, as the public sees it (e.g. 一楼 A 区 3 号).</param>
public sealed record ServiceWindow(string Code, string Name, string? NameEn, string? Location, bool IsOpen)
{
    public const int MaxCodeLength = 32;

    /// <summary>The name in the reader's language: English when asked for and given, else Chinese.</summary>
    public string NameIn(bool english) => english && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : Name;

    /// <summary>A window as an administrator enters it: a short code of lower-case letters, digits and hyphens, a Chinese name, optionally an English one and a place.</summary>
    public static ServiceWindow? Read(string? code, string? name, string? nameEn, string? location, out FieldError? problem)
    {
        problem = null;
        code = code?.Trim();
        name = name?.Trim();
        nameEn = string.IsNullOrWhiteSpace(nameEn) ? null : nameEn.Trim();
        location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
        if (string.IsNullOrEmpty(code) || code.Length > MaxCodeLength || !code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            problem = new FieldError("code", $"1 to {MaxCodeLength} lower-case letters, digits or hyphens (e.g. w05)");
        else if (string.IsNullOrEmpty(name))
            problem = new FieldError("name", "is required (e.g. 综合受理 5 号窗口)");
        else if (name.Length > TextLimits.Name)
            problem = new FieldError("name", TextLimits.TooLong(TextLimits.Name));
        else if (nameEn is { Length: > TextLimits.Name })
            problem = new FieldError("nameEn", TextLimits.TooLong(TextLimits.Name));
        else if (location is { Length: > TextLimits.Name })
            problem = new FieldError("location", TextLimits.TooLong(TextLimits.Name));
        return problem is null ? new ServiceWindow(code!, name!, nameEn, location, true) : null;
    }
}

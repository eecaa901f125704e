using System.Globalization;

namespace Approval.Workflows.Cases;

/// <summary>
/// Tells a reason that says something from one that only fills the field. A blank reason is refused outright;
/// a placeholder (无, 同上, "n/a", a lone punctuation mark…) lets the act through — the applicant has already been
/// told — but supervision records it as a refusal or suspension without a stated reason (domain.md §6).
/// </summary>
public sealed class EmptyReasons
{
    /// <summary>Texts that fill a reason field without giving one; compared after dropping spaces, punctuation and case.</summary>
    public IReadOnlyList<string> Placeholders { get; set; } =
    [
        "无", "没有", "无理由", "略", "同上", "见上", "其他", "其它", "暂无", "不详",
        "不同意", "不予受理", "不予许可", "不符合", "不符合条件", "不符合要求", "暂停", "中止", "特别程序",
        "na", "none", "no", "nil", "null", "test", "测试", "xxx", "reason",
    ];

    /// <summary>Fewer letters or ideographs than this (after dropping punctuation, digits and spaces) say nothing.</summary>
    public int MinimumLetters { get; set; } = 2;

    /// <summary>Whether <paramref name="reason"/> states a reason rather than filling the field.</summary>
    public bool States(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return false;
        var letters = new string([.. reason.Where(c => char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter)]).ToLowerInvariant();
        return letters.Length >= MinimumLetters && !Placeholders.Contains(letters, StringComparer.Ordinal);
    }
}

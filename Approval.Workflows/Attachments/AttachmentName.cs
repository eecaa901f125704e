using System.Globalization;
using System.Text;
using Approval.Workflows.Inputs;

namespace Approval.Workflows.Attachments;

/// <summary>
/// The name an attachment is shown and served under: the last part of whatever path the browser sent (either
/// slash), without control or formatting characters (NUL, line breaks, right-to-left overrides), at most
/// <see cref="TextLimits.FileName"/> characters with its extension kept, never empty.
/// </summary>
public static class AttachmentName
{
    public static string Sanitize(string? sent)
    {
        var name = sent ?? "";
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        if (lastSeparator >= 0)
            name = name[(lastSeparator + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
                || c is '"' or ':' or '*' or '?' or '<' or '>' or '|')
                continue;
            kept.Append(c);
        }
        // Trailing dots and spaces are dropped (Windows would drop them on saving, and a name could hide its extension so).
        name = kept.ToString().Trim().TrimEnd('.', ' ');
        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
            extension = "";
        var stem = name[..^extension.Length].TrimEnd();
        if (stem.Length == 0)
            stem = "attachment";
        if (stem.Length + extension.Length > TextLimits.FileName)
            stem = stem[..(TextLimits.FileName - extension.Length)];
        return stem + extension;
    }

    /// <summary>The SHA-256 an <c>Attached</c> line of a case's timeline names (its detail ends "sha256 {hash})"), or null.</summary>
    public static string? HashInTimeline(string? detail)
    {
        const string marker = "sha256 ";
        var at = detail?.LastIndexOf(marker, StringComparison.Ordinal) ?? -1;
        if (at < 0 || detail!.Length < at + marker.Length + 64)
            return null;
        var hash = detail.Substring(at + marker.Length, 64);
        return hash.All(char.IsAsciiHexDigitLower) ? hash : null;
    }
}

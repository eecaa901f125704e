using PdfSharp.Fonts;

namespace Approval.Api.Seal;

/// <summary>
/// The one font the sealed documents are set in, embedded (subset) so that the Chinese renders on any reader. PDFsharp
/// reads fonts through a process-wide resolver, set once: every application in the process shares the first font found.
/// </summary>
internal sealed class SealFont : IFontResolver
{
    public const string Family = "SealCjk";

    /// <summary>Where Debian's TrueType CJK fonts are (fonts-droid-fallback; fonts-noto-cjk is CFF, which PDFsharp cannot embed).</summary>
    public static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
        "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
    ];

    private static readonly Lock Installing = new();
    private static SealFont? _installed;

    private readonly byte[] _bytes;

    private SealFont(byte[] bytes) => _bytes = bytes;

    /// <summary>Installs the configured (or first found) font as PDFsharp's resolver, once per process.</summary>
    /// <exception cref="InvalidOperationException">No font file: the setting to give is named.</exception>
    public static void Install(string? configured)
    {
        lock (Installing)
        {
            if (_installed is not null)
                return;
            var path = !string.IsNullOrWhiteSpace(configured) ? configured : Candidates.FirstOrDefault(File.Exists);
            if (path is null || !File.Exists(path))
                throw new InvalidOperationException($"No TrueType CJK font for sealed documents: set {SealOptions.Section}:FontFile (tried {path ?? string.Join(", ", Candidates)}; on Debian: apt-get install fonts-droid-fallback).");
            _installed = new SealFont(File.ReadAllBytes(path));
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    // One face for every style: the documents use no bold or italic.
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(Family);

    public byte[]? GetFont(string faceName) => _bytes;
}

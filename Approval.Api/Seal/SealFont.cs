using PdfSharp.Fonts;

namespace Approval.Api.Seal;

/// <summary>
/// The two faces the sealed documents are set in, embedded (subset) so that they render on any reader: a TrueType CJK
/// face for Chinese, and a TrueType Latin face for digits, letters and signs — Droid Sans Fallback, the CJK face Debian
/// ships as TrueType, has no Latin glyphs, so a case number set in it shows as empty boxes. PDFsharp reads fonts through
/// a process-wide resolver, set once: every application in the process shares the first fonts found.
/// </summary>
internal sealed class SealFont : IFontResolver
{
    public const string Family = "SealCjk";
    public const string LatinFamily = "SealLatin";

    /// <summary>Where Debian's TrueType CJK fonts are (fonts-droid-fallback; fonts-noto-cjk is CFF, which PDFsharp cannot embed).</summary>
    public static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
        "/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
    ];

    /// <summary>Debian's TrueType Latin faces (fonts-dejavu-core, fonts-liberation).</summary>
    public static readonly string[] LatinCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ];

    private static readonly Lock Installing = new();
    private static SealFont? _installed;

    private readonly byte[] _cjk;
    private readonly byte[] _latin;

    private SealFont(byte[] cjk, byte[] latin) => (_cjk, _latin) = (cjk, latin);

    /// <summary>Installs the configured (or first found) fonts as PDFsharp's resolver, once per process.</summary>
    /// <exception cref="InvalidOperationException">No font file: the setting to give is named.</exception>
    public static void Install(string? configured, string? configuredLatin)
    {
        lock (Installing)
        {
            if (_installed is not null)
                return;
            var path = !string.IsNullOrWhiteSpace(configured) ? configured : Candidates.FirstOrDefault(File.Exists);
            if (path is null || !File.Exists(path))
                throw new InvalidOperationException($"No TrueType CJK font for sealed documents: set {SealOptions.Section}:FontFile (tried {path ?? string.Join(", ", Candidates)}; on Debian: apt-get install fonts-droid-fallback).");
            var latin = !string.IsNullOrWhiteSpace(configuredLatin) ? configuredLatin : LatinCandidates.FirstOrDefault(File.Exists);
            if (latin is null || !File.Exists(latin))
                throw new InvalidOperationException($"No TrueType Latin font for sealed documents: set {SealOptions.Section}:LatinFontFile (tried {latin ?? string.Join(", ", LatinCandidates)}; on Debian: apt-get install fonts-dejavu-core).");
            _installed = new SealFont(File.ReadAllBytes(path), File.ReadAllBytes(latin));
            GlobalFontSettings.FontResolver = _installed;
        }
    }

    /// <summary>Whether the CJK face sets the character (CJK radicals, punctuation, kana, Han, full-width forms), else the Latin one.</summary>
    public static bool IsCjk(char character) => character >= '\u2E80';

    // One face per script for every style: the documents use no bold or italic.
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(familyName == LatinFamily ? LatinFamily : Family);

    public byte[]? GetFont(string faceName) => faceName == LatinFamily ? _latin : _cjk;
}
